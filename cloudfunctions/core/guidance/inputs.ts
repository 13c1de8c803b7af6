/**
 * What the guidance rules read about one retailer and month M, as plain data (fromStore.ts maps the
 * stored documents to it). Packs and cartons are net counts; money is integer fen.
 */

/** A retailer's row of the marketing system's monthly data (营销系统月度数据). */
export interface MarketingFigures {
  /** 档位 1–30. */
  grade: number
  integrityScore: number
  monthlyQuotaCartons: number
  /** 新零售得分 0–100. */
  newRetailScore: number
  /** 终端形象等级 1–5 (5: a model shop). */
  terminalLevel: number
  shopAreaM2: number
}

/** Packs sold and their sales of one SKU over a month (POS). */
export interface SkuSold {
  skuCode: string
  packs: number
  salesFen: number
}

export interface SkuCartons {
  skuCode: string
  cartons: number
}

export interface SkuPacks {
  skuCode: string
  packs: number
}

export interface RetailerMonth {
  licenseNo: string
  /** The register's string: 食杂店, 便利店, 超市, 烟酒店, 娱乐服务, 其他. */
  businessType: string
  /** The marketing row of M: the retailer is in M's pool because it has one. */
  marketing: MarketingFigures
  /** The marketing row of M−1, when there is one (only its grade is read). */
  marketingBefore: MarketingFigures | null
  /** POS sales per SKU in M and in M−1. */
  sold: readonly SkuSold[]
  soldBefore: readonly SkuSold[]
  /** Cartons purchased per SKU in M (by order date). */
  bought: readonly SkuCartons[]
  /** Packs on hand per SKU at the shop's last stock count dated in M (SKUs not listed: 0); null: no count in M. */
  stock: readonly SkuPacks[] | null
}

/** The catalogue's flags at build time: key SKUs (重点品规) and new SKUs (新品). */
export interface CatalogueFlags {
  key: ReadonlySet<string>
  new: ReadonlySet<string>
}

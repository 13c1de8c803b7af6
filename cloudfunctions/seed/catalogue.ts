import type { Sku } from '../core/model'
import type { Random } from './random'

/** Fictional brands: no real trademark appears in the demo. */
const BRANDS = ['青峰', '云岭', '金桥', '海韵', '红梅山', '长泰', '白鹭', '松鹤', '福临', '嘉禾', '天目', '星河']
const VARIANTS = ['（软）', '（硬）', '（细支）', '（中支）', '（精品）', '（经典）', '（新版）', '（金）']
/** Suggested retail price per pack, in yuan, by how common such a price is. */
const RETAIL_YUAN: readonly (readonly [number, number])[] = [
  [7, 2], [8, 3], [10, 6], [12, 6], [13, 4], [15, 7], [16, 4], [18, 6], [20, 6], [23, 4],
  [25, 4], [28, 3], [30, 3], [35, 2], [40, 2], [45, 1], [50, 1], [65, 1], [100, 1],
]

export const priceBand = (retailFenPerPack: number): string => {
  const yuan = retailFenPerPack / 100
  if (yuan < 10) return '10元以下'
  if (yuan < 20) return '10-20元'
  if (yuan < 30) return '20-30元'
  if (yuan < 50) return '30-50元'
  return '50元以上'
}

/** About 60 SKUs with a wholesale price per carton 10–14% under ten packs at retail. */
export const makeCatalogue = (rng: Random, count = 60): Sku[] => {
  const skus: Sku[] = []
  const names = new Set<string>()
  while (skus.length < count) {
    const brand = BRANDS[skus.length % BRANDS.length]
    const name = brand + rng.pick(VARIANTS)
    if (names.has(name)) continue
    names.add(name)
    const retailFenPerPack = rng.weighted(RETAIL_YUAN) * 100
    const margin = 0.1 + rng.int(0, 4) / 100
    const wholesaleFenPerCarton = Math.round((retailFenPerPack * 10 * (1 - margin)) / 100) * 100
    const skuCode = `69010${String(20000 + skus.length * 37).padStart(8, '0')}`
    skus.push({
      _id: skuCode,
      skuCode,
      name,
      brand,
      priceBand: priceBand(retailFenPerPack),
      wholesaleFenPerCarton,
      retailFenPerPack,
      isKey: rng.next() < 0.2,
      isNew: rng.next() < 0.1,
    })
  }
  return skus
}

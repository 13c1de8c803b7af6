import type { PeerStats, Retailer } from '../model'
import type { MonthMetrics } from './metrics'
import type { Standing } from '../../contracts/insights'
import type { AreaType, BusinessType } from '../../contracts/vocabulary'

/**
 * Benchmarking (对标): a retailer's peers are the shops of the same business type and the same
 * town/village setting whose grade is within ±2 of its own. Peer values are gathered once per
 * month at import (or seed) time, one document per (type, setting, grade), so a summary reads one
 * small document instead of every peer.
 */
export const PEER_GRADE_SPREAD = 2
/** Beyond this many peers a metric keeps its percentiles 0…100 instead of every value. */
export const PEER_POINTS = 21

export const peerStatsId = (month: string, businessType: BusinessType, areaType: AreaType, grade: number): string =>
  `${month}|${businessType}|${areaType}|${grade}`

/** The value at fraction q (0…1) of sorted values, interpolating between neighbours. */
export const quantile = (sorted: readonly number[], q: number): number | null => {
  if (sorted.length === 0) return null
  const position = q * (sorted.length - 1)
  const low = Math.floor(position)
  const high = Math.min(low + 1, sorted.length - 1)
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low)
}

/** Sorted values, thinned to PEER_POINTS percentiles when there are more. */
export const peerValues = (values: number[]): number[] => {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length <= PEER_POINTS) return sorted
  return Array.from({ length: PEER_POINTS }, (_, i) => quantile(sorted, i / (PEER_POINTS - 1)) as number)
}

/**
 * Percentile rank: the share of peers (the retailer among them) it does better than, ties
 * counting half — 100 × (worse + ½ × equal) ÷ all. Answers 0…100.
 */
export const percentileRank = (sorted: readonly number[], value: number, higherIsBetter: boolean): number | null => {
  if (sorted.length === 0) return null
  let worse = 0
  let equal = 0
  for (const peer of sorted) {
    if (peer === value) equal++
    else if (higherIsBetter ? peer < value : peer > value) worse++
  }
  return (100 * (worse + equal / 2)) / sorted.length
}

export const standing = (sorted: readonly number[], value: number | null, higherIsBetter: boolean): Standing => ({
  value,
  percentile: value === null ? null : percentileRank(sorted, value, higherIsBetter),
  median: quantile(sorted, 0.5),
  best: quantile(sorted, higherIsBetter ? 0.9 : 0.1),
  betterWhen: higherIsBetter ? 'higher' : 'lower',
})

type PeerShop = Pick<Retailer, 'licenseNo' | 'businessType' | 'areaType' | 'grade'>

/** Peer statistics of one month for every (type, setting, grade) some retailer has. */
export const computePeerStats = (
  month: string,
  retailers: Iterable<PeerShop>,
  metrics: ReadonlyMap<string, MonthMetrics>,
): PeerStats[] => {
  const byGroup = new Map<string, { shops: number; metrics: MonthMetrics[] }>()
  const groupKey = (type: string, area: string, grade: number) => `${type}|${area}|${grade}`
  const wanted = new Map<string, PeerShop>()
  for (const shop of retailers) {
    const key = groupKey(shop.businessType, shop.areaType, shop.grade)
    wanted.set(key, shop)
    let group = byGroup.get(key)
    if (!group) byGroup.set(key, (group = { shops: 0, metrics: [] }))
    const m = metrics.get(shop.licenseNo)
    if (m) group.metrics.push(m)
  }
  const stats: PeerStats[] = []
  for (const shop of wanted.values()) {
    const peers: MonthMetrics[] = []
    for (let grade = shop.grade - PEER_GRADE_SPREAD; grade <= shop.grade + PEER_GRADE_SPREAD; grade++) {
      peers.push(...(byGroup.get(groupKey(shop.businessType, shop.areaType, grade))?.metrics ?? []))
    }
    const present = <T>(values: (T | null)[]): T[] => values.filter((v): v is T => v !== null)
    stats.push({
      _id: peerStatsId(month, shop.businessType, shop.areaType, shop.grade),
      month,
      businessType: shop.businessType,
      areaType: shop.areaType,
      grade: shop.grade,
      peers: peers.length,
      salesFen: peerValues(peers.map((p) => p.salesFen)),
      grossMargin: peerValues(present(peers.map((p) => p.grossMargin))),
      turnoverDays: peerValues(present(peers.map((p) => p.turnoverDays))),
    })
  }
  return stats.sort((a, b) => (a._id < b._id ? -1 : 1))
}

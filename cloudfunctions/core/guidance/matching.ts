import { addMonths, monthEnd, monthStart } from '../time'
import {
  GUIDANCE_CLASSES,
  INDICATORS,
  type ConditionMet,
  type ConditionOperator,
  type GuidanceClass,
  type MatchedStrategy,
  type Strategy,
} from '../../contracts/guidance'
import { CLASS_BIT } from './classes'
import type { RankedPool } from './pool'

/**
 * Matching strategies to a pool member (guidance.md §4–5): a strategy fits when it targets one of
 * the member's classes, all its conditions hold on the member's figures, and it is valid in the
 * month the guide is read in (the month after M: the guide of October goes out in November, so a
 * strategy that ended on 31 October is not handed out). The fitting ones go by priority, then id;
 * the first `strategiesPerGuide` (3) are the guide's.
 *
 * The library is compiled once per build into plain records, so matching a member reads a few
 * numbers per strategy: no parsing and no closure per retailer.
 */

const STABLE_BIT = 16
const bitOf = (id: GuidanceClass): number => (id === 'stable' ? STABLE_BIT : CLASS_BIT[id])

/** Where a condition's figure is read: 0 indicator value, 1 indicator percentile, 2… other figures. */
const enum Source {
  Value,
  Percentile,
  GradeChange,
  NewRetailScore,
  TerminalLevel,
  KeySkuScore,
  Potential,
}
const EXTRA: Record<string, Source> = {
  gradeChange: Source.GradeChange,
  newRetailScore: Source.NewRetailScore,
  terminalLevel: Source.TerminalLevel,
  keySkuScore: Source.KeySkuScore,
  potential: Source.Potential,
}
const OPS: ConditionOperator[] = ['<', '<=', '>', '>=', '=', '!=']

interface CompiledCondition {
  source: Source
  indicator: number
  op: number
  value: number
}

export interface CompiledStrategy {
  strategy: Strategy
  classBits: number
  conditions: CompiledCondition[]
}

export interface CompiledLibrary {
  /** For the month M whose guides it matches. */
  month: string
  /** Valid in the reading month, by priority then id. */
  strategies: CompiledStrategy[]
  perGuide: number
}

const overlaps = (s: Strategy, from: string, to: string): boolean => (s.validFrom === null || s.validFrom <= to) && (s.validTo === null || s.validTo >= from)

/** Prepares a validated library for matching the guides of month M. */
export const compileLibrary = (strategies: readonly Strategy[], month: string, perGuide: number): CompiledLibrary => {
  const reading = addMonths(month, 1)
  const from = monthStart(reading)
  const to = monthEnd(reading)
  const compiled = strategies
    .filter((s) => overlaps(s, from, to))
    .sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((strategy) => ({
      strategy,
      classBits: strategy.classes.reduce((bits, id) => bits | bitOf(id), 0),
      conditions: strategy.conditions.map((c) => {
        const pct = c.figure.endsWith('.pct')
        const name = pct ? c.figure.slice(0, -4) : c.figure
        const indicator = INDICATORS.indexOf(name as (typeof INDICATORS)[number])
        const source = indicator === -1 ? EXTRA[name] : pct ? Source.Percentile : Source.Value
        return { source, indicator, op: OPS.indexOf(c.op), value: c.value }
      }),
    }))
  return { month, strategies: compiled, perGuide }
}

/** A figure of member i; NaN when it has none. */
const figureOf = (pool: RankedPool, i: number, c: CompiledCondition): number => {
  switch (c.source) {
    case Source.Value:
      return pool.values[i * INDICATORS.length + c.indicator]
    case Source.Percentile:
      return pool.percentiles[i * INDICATORS.length + c.indicator]
    case Source.GradeChange:
      return pool.grade[i] - pool.gradeBefore[i]
    case Source.NewRetailScore:
      return pool.newRetailScore[i]
    case Source.TerminalLevel:
      return pool.terminalLevel[i]
    case Source.KeySkuScore:
      return pool.scores[i]
    default:
      return pool.potentials[i]
  }
}

const holds = (actual: number, op: number, value: number): boolean => {
  if (Number.isNaN(actual)) return false
  switch (op) {
    case 0:
      return actual < value
    case 1:
      return actual <= value
    case 2:
      return actual > value
    case 3:
      return actual >= value
    case 4:
      return actual === value
    default:
      return actual !== value
  }
}

/** The indexes (into library.strategies) of the strategies member i gets, at most perGuide. */
export const matchIndexes = (library: CompiledLibrary, pool: RankedPool, i: number): number[] => {
  const bits = pool.classBits[i] === 0 ? STABLE_BIT : pool.classBits[i]
  const out: number[] = []
  const list = library.strategies
  for (let s = 0; s < list.length && out.length < library.perGuide; s++) {
    const { classBits, conditions } = list[s]
    if ((classBits & bits) === 0) continue
    let ok = true
    for (let c = 0; ok && c < conditions.length; c++) ok = holds(figureOf(pool, i, conditions[c]), conditions[c].op, conditions[c].value)
    if (ok) out.push(s)
  }
  return out
}

/** The strategies member i gets, with why each matched. */
export const matchStrategies = (library: CompiledLibrary, pool: RankedPool, i: number): MatchedStrategy[] => {
  const bits = pool.classBits[i] === 0 ? STABLE_BIT : pool.classBits[i]
  return matchIndexes(library, pool, i).map((s) => {
    const { strategy, conditions } = library.strategies[s]
    const why: ConditionMet[] = strategy.conditions.map((c, j) => ({ ...c, actual: figureOf(pool, i, conditions[j]) }))
    return {
      id: strategy.id,
      title: strategy.title,
      body: strategy.body,
      priority: strategy.priority,
      target: { ...strategy.target },
      actions: strategy.actions.map((a) => ({ ...a })),
      why: { classes: GUIDANCE_CLASSES.filter((id) => strategy.classes.includes(id) && bitOf(id) & bits), conditions: why },
    }
  })
}

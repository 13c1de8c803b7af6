import { BUSINESS_TYPES, type BusinessType } from '../../contracts/vocabulary'
import { INDICATORS, type ConfigProblem, type Indicator } from '../../contracts/guidance'

/**
 * The guidance configuration: every number of guidance.md as data (defaults/guidance.v1.json), so
 * the company changes a threshold or a weight without a release. Each guide records `version`.
 */
export interface GuidanceConfig {
  version: string
  /** 档位波动类: |grade(M) − grade(M−1)| ≥ this. */
  gradeFluctuation: { minGradeChange: number }
  /** 新零售指导类: new-retail score below `scoreBelow`, or scan rate below `scanRateBelow` (a fraction). */
  newRetail: { scoreBelow: number; scanRateBelow: number }
  /** 重点品规推介类: the top `topPercent` % by Σ weight × percentile. */
  keySku: { topPercent: number; weights: Record<Indicator, number> }
  /**
   * 终端提升类: capacity = gradeWeight × grade ÷ gradeMax + areaWeight × min(area ÷ areaDivisorM2, 1)
   * + typeWeight × typeFactors[type]; room = (levelMax − level) ÷ (levelMax − 1); the top `topPercent` %.
   */
  terminal: {
    topPercent: number
    gradeWeight: number
    gradeMax: number
    areaWeight: number
    areaDivisorM2: number
    typeWeight: number
    typeFactors: Record<BusinessType, number>
    levelMax: number
  }
  /** How many matched strategies a guide shows at most. */
  strategiesPerGuide: number
}

export type ConfigLoad = { ok: true; config: GuidanceConfig } | { ok: false; problems: ConfigProblem[] }

type Num = { min: number; max: number; integer?: boolean; above?: boolean }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks a parsed configuration (JSON.parse of the file) whole and answers it typed, or every
 * problem found. Pure: the caller reads the file.
 */
export const loadGuidanceConfig = (json: unknown): ConfigLoad => {
  const problems: ConfigProblem[] = []
  const object = (v: unknown, path: string, keys: readonly string[]): Record<string, unknown> | null => {
    if (v === undefined) {
      problems.push({ path, code: 'missing' })
      return null
    }
    if (!isObject(v)) {
      problems.push({ path, code: 'notObject' })
      return null
    }
    for (const key of Object.keys(v)) if (!keys.includes(key)) problems.push({ path: path ? `${path}.${key}` : key, code: 'unknownKey' })
    return v
  }
  const number = (parent: Record<string, unknown> | null, key: string, path: string, range: Num): number => {
    if (!parent) return NaN
    const v = parent[key]
    const at = path ? `${path}.${key}` : key
    if (v === undefined) problems.push({ path: at, code: 'missing' })
    else if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ path: at, code: 'notNumber' })
    else if (range.integer && !Number.isInteger(v)) problems.push({ path: at, code: 'notInteger' })
    else if (v < range.min || v > range.max || (range.above && v === range.min)) problems.push({ path: at, code: 'outOfRange' })
    else return v
    return NaN
  }

  const root = object(json, '', ['version', 'gradeFluctuation', 'newRetail', 'keySku', 'terminal', 'strategiesPerGuide'])
  if (!root) return { ok: false, problems: [{ path: '', code: 'notObject' }] }
  const version = root.version
  if (version === undefined) problems.push({ path: 'version', code: 'missing' })
  else if (typeof version !== 'string' || version.trim() === '') problems.push({ path: 'version', code: 'notString' })

  const grade = object(root.gradeFluctuation, 'gradeFluctuation', ['minGradeChange'])
  const minGradeChange = number(grade, 'minGradeChange', 'gradeFluctuation', { min: 1, max: 29, integer: true })
  const retail = object(root.newRetail, 'newRetail', ['scoreBelow', 'scanRateBelow'])
  const scoreBelow = number(retail, 'scoreBelow', 'newRetail', { min: 0, max: 100 })
  const scanRateBelow = number(retail, 'scanRateBelow', 'newRetail', { min: 0, max: 1 })

  const key = object(root.keySku, 'keySku', ['topPercent', 'weights'])
  const keyTop = number(key, 'topPercent', 'keySku', { min: 0, max: 100, integer: true, above: true })
  const weightsObject = key ? object(key.weights, 'keySku.weights', INDICATORS) : null
  const weights = {} as Record<Indicator, number>
  let sum = 0
  let allWeights = true
  for (const id of INDICATORS) {
    weights[id] = number(weightsObject, id, 'keySku.weights', { min: 0, max: 1 })
    if (Number.isNaN(weights[id])) allWeights = false
    else sum += weights[id]
  }
  // The score is Σ weight × percentile: it stays within 0–100 only when the weights add up to 1.
  if (weightsObject && allWeights && Math.abs(sum - 1) > 1e-9) problems.push({ path: 'keySku.weights', code: 'weightsSum' })

  const terminal = object(root.terminal, 'terminal', ['topPercent', 'gradeWeight', 'gradeMax', 'areaWeight', 'areaDivisorM2', 'typeWeight', 'typeFactors', 'levelMax'])
  const t = 'terminal'
  const terminalConfig = {
    topPercent: number(terminal, 'topPercent', t, { min: 0, max: 100, integer: true, above: true }),
    gradeWeight: number(terminal, 'gradeWeight', t, { min: 0, max: 1 }),
    gradeMax: number(terminal, 'gradeMax', t, { min: 0, max: 1000, above: true }),
    areaWeight: number(terminal, 'areaWeight', t, { min: 0, max: 1 }),
    areaDivisorM2: number(terminal, 'areaDivisorM2', t, { min: 0, max: 100_000, above: true }),
    typeWeight: number(terminal, 'typeWeight', t, { min: 0, max: 1 }),
    typeFactors: {} as Record<BusinessType, number>,
    levelMax: number(terminal, 'levelMax', t, { min: 2, max: 100, integer: true }),
  }
  const factors = terminal ? object(terminal.typeFactors, 'terminal.typeFactors', BUSINESS_TYPES) : null
  for (const type of BUSINESS_TYPES) terminalConfig.typeFactors[type] = number(factors, type, 'terminal.typeFactors', { min: 0, max: 1 })

  const strategiesPerGuide = number(root, 'strategiesPerGuide', '', { min: 0, max: 20, integer: true })

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    config: {
      version: version as string,
      gradeFluctuation: { minGradeChange },
      newRetail: { scoreBelow, scanRateBelow },
      keySku: { topPercent: keyTop, weights },
      terminal: terminalConfig,
      strategiesPerGuide,
    },
  }
}

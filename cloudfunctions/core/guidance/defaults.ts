import defaults from '../../defaults/guidance.v1.json'
import { loadGuidanceConfig, type GuidanceConfig } from './config'

/**
 * The company's default configuration (defaults/guidance.v1.json), checked. Bundled with the code;
 * a deployment that reads an edited file passes its parsed JSON to loadGuidanceConfig instead.
 */
export const defaultGuidanceConfig = (): GuidanceConfig => {
  const loaded = loadGuidanceConfig(defaults)
  if (!loaded.ok) throw new Error(`defaults/guidance.v1.json: ${loaded.problems.map((p) => `${p.path} ${p.code}`).join('; ')}`)
  return loaded.config
}

import { callable } from '../define'

/** Does nothing: the baseline the benchmarks compare real functions with. */
export default callable({
  name: 'ping',
  run: async () => ({ pong: true as const }),
})

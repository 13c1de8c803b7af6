import { basename, dirname, extname, join } from 'node:path'

/** Rejected rows of `input` go next to it: `sales.csv` → `sales.rejected.csv`. */
export const rejectedPathFor = (input: string): string => join(dirname(input), `${basename(input, extname(input))}.rejected.csv`)

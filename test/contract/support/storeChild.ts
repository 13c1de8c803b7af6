/**
 * One process working on a data folder, for the several-processes tests. MODE:
 * - `write`: ROUNDS rounds of: add 1 to the shared counter, write a batch of BATCH documents of
 *   its own (one putMany), and try to claim the round's shared slot (a compare-and-set).
 *   Prints the rounds whose slot it won, as JSON.
 * - `lock`: takes the database's write lock (an open write transaction), prints `ready`, holds
 *   it HOLD_MS, then lets go.
 * - `tally`: until killed, writes in one putMany BATCH documents of round r and the tally
 *   `{ _id: 'tally', rounds: r + 1 }`, so a consistent copy holds exactly BATCH × rounds of them.
 *   Prints `ready` after the first round.
 * - `lease`: holds the import lease as WHO for HOLD_MS (prints `ready` once it has it), or until
 *   killed.
 */
import { SqliteStore } from '../../../cloudfunctions/adapters/sqlite/store'

const dir = process.env.DATA_DIR as string
const mode = process.env.MODE
const me = process.env.NAME ?? 'child'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const main = async (): Promise<void> => {
  const store = await new SqliteStore(dir, { who: process.env.WHO ?? `测试进程 ${me}`, busyMs: 10_000 }).open()
  if (mode === 'write') {
    const rounds = Number(process.env.ROUNDS)
    const batch = Number(process.env.BATCH)
    const won: number[] = []
    // A barrier in the database: both begin once both are open, however long each took to start.
    const counters = store.collection<{ _id: string; count: number; bucketEndsAt: number }>('counters')
    await counters.increment('arrived', 'count', 1, { count: 0, bucketEndsAt: 0 })
    while (((await counters.get('arrived'))?.count ?? 0) < Number(process.env.PARTIES ?? 1)) await sleep(2)
    for (let round = 0; round < rounds; round++) {
      await store.collection('counters').increment('shared', 'count', 1, { count: 0, bucketEndsAt: 0 })
      await store.collection<{ _id: string; by: string; round: number; i: number }>('skus').putMany(
        Array.from({ length: batch }, (_, i) => ({ _id: `${me}-${round}-${i}`, by: me, round, i })),
      )
      await store.collection('sends').insert({ _id: `slot-${round}`, state: 'free' } as never)
      if ((await store.collection('sends').update({ _id: `slot-${round}`, state: 'free' }, { state: 'taken', by: me } as never)) === 1) won.push(round)
      // A breath between rounds, as between a host's requests: SQLite's waiting writer gets its turn.
      await sleep(1)
    }
    console.log(JSON.stringify(won))
  } else if (mode === 'tally') {
    const batch = Number(process.env.BATCH)
    for (let round = 0; ; round++) {
      await store.collection<{ _id: string; round?: number; rounds?: number }>('salesWeeks').putMany([
        ...Array.from({ length: batch }, (_, i) => ({ _id: `${round}-${i}`, round, pad: 'x'.repeat(200) })),
        { _id: 'tally', rounds: round + 1 },
      ])
      if (round === 0) console.log('ready')
      await sleep(0)
    }
  } else if (mode === 'lock') {
    store.database.prepare('BEGIN IMMEDIATE').run()
    console.log('ready')
    await sleep(Number(process.env.HOLD_MS))
    store.database.prepare('COMMIT').run()
  } else if (mode === 'lease') {
    await store.exclusive(process.env.WHO ?? '导入', async () => {
      console.log('ready')
      await sleep(Number(process.env.HOLD_MS))
    })
  }
  store.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

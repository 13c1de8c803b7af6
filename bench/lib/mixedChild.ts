/**
 * Seeds a data folder for bench/lib/mixed.mjs, in a process of its own:
 *   seed <dataDir> <identities>
 * The demo county with its shop data, then `identities` WeChat users bound to as many shops
 * (openid `bench-<licence>`), written through the store. Prints one JSON line: the openids.
 */
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { seedDemoCounty } from '../../cloudfunctions/seed'
import { repos } from '../../cloudfunctions/core/repos'

const seed = async (dataDir: string, count: number) => {
  const store = await new SqliteStore(dataDir, { who: 'bench seed' }).open()
  try {
    await seedDemoCounty(store)
    const db = repos(store)
    const bound = new Set((await db.bindings.find({})).map((b) => b._id))
    const free = (await db.retailers.find({}, { sort: { _id: 1 } })).map((r) => r.licenseNo).filter((licenseNo) => !bound.has(licenseNo)).slice(0, count)
    await db.bindings.putMany(free.map((licenseNo) => ({ _id: licenseNo, openId: `bench-${licenseNo}`, boundAt: new Date().toISOString() })))
    return free.map((licenseNo) => `bench-${licenseNo}`)
  } finally {
    store.close()
  }
}

const [command, dataDir, count] = process.argv.slice(2)
if (command !== 'seed') throw new Error(`unknown command ${command}`)
seed(dataDir, Number(count)).then((identities) => console.log(JSON.stringify({ identities })))

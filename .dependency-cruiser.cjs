/**
 * The layer graph, as an allow-list: each layer names what it may import; anything else fails `npm test`.
 *
 *   contracts ← core ← words ← functions ← host (local host, cloud start-up) ← tools
 *                  ↖ adapters ↗           seed ↗
 *   src (the app) → contracts, words, and the pure rules it runs on the phone (core/schedule, core/time)
 */
/** A layer that may import only the folders it names, plus Node and npm packages when `outside` is true. */
const layer = (name, path, allowed, outside = true) => ({
  name: `layer-${name}`,
  comment: `${name} imports only ${allowed.join(', ')}${outside ? ', Node and npm packages' : ''}`,
  severity: 'error',
  from: { path },
  to: {
    pathNot: allowed.map((p) => `^${p}`),
    ...(outside ? { dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-peer', 'npm-optional', 'type-only'] } : {}),
  },
})

const CONTRACTS = 'cloudfunctions/contracts/'
const CORE = 'cloudfunctions/core/'
const WORDS = 'cloudfunctions/words/'
const ADAPTERS = 'cloudfunctions/adapters/'
const FUNCTIONS = 'cloudfunctions/functions/'
const HOST = 'cloudfunctions/host/'
const SEED = 'cloudfunctions/seed/'
const TOOLS = 'cloudfunctions/tools/'
const DEFAULTS = 'cloudfunctions/defaults/'

module.exports = {
  forbidden: [
    // A cycle of type-only imports runs nothing in a loop, so only value imports count.
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    // The shared vocabulary imports nothing of ours: zod only.
    { ...layer('contracts', `^${CONTRACTS}`, [CONTRACTS], false), to: { pathNot: [`^${CONTRACTS}`, 'node_modules/zod/'] } },
    // The domain core: the core, the contracts, the defaults it is configured with, and pure libraries on an allow-list.
    { ...layer('core', `^${CORE}`, [CORE, CONTRACTS, DEFAULTS], false), to: { pathNot: [`^${CORE}`, `^${CONTRACTS}`, `^${DEFAULTS}`, 'node_modules/dayjs/'] } },
    { ...layer('words', `^${WORDS}`, [WORDS, CORE, CONTRACTS], false), to: { pathNot: [`^${WORDS}`, `^${CORE}`, `^${CONTRACTS}`, 'node_modules/dayjs/'] } },
    layer('adapters', `^${ADAPTERS}`, [ADAPTERS, CORE, CONTRACTS, WORDS]),
    layer('functions', `^${FUNCTIONS}`, [FUNCTIONS, CORE, CONTRACTS, WORDS, DEFAULTS]),
    // The seed reads the default catalogues with the importer's CSV reader and walks the media folder as imports do.
    layer('seed', `^${SEED}`, [SEED, CORE, CONTRACTS, DEFAULTS, `${ADAPTERS}node/csv`, `${ADAPTERS}node/catalogueMedia`]),
    layer('host', `^${HOST}`, [HOST, FUNCTIONS, ADAPTERS, CORE, CONTRACTS, WORDS, SEED, DEFAULTS]),
    layer('tools', `^${TOOLS}`, [TOOLS, ADAPTERS, CORE, CONTRACTS, WORDS, SEED, DEFAULTS, `${HOST}local`]),
    // The app runs on the phone: the contracts, the words, and the pure rules of the order cycle.
    // …and the player's side of 学习: the completion rule's tracker and the WebVTT reader.
    layer('app', '^src/', ['src/', CONTRACTS, WORDS, `${CORE}schedule`, `${CORE}time`, `${CORE}learning/completion`, `${CORE}learning/vtt`]),
    {
      name: 'not-to-dev-dep',
      comment: 'What ships (the app, the functions and the hosts) never depends on a devDependency.',
      severity: 'error',
      from: { path: '^(src|cloudfunctions)/', pathNot: `^(${TOOLS}|${SEED}|cloudfunctions/adapters/embedded/)` },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist', '^\\.build'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
}

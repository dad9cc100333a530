// @ts-check
/**
 * The layers of delmal and the rules that keep them one-way (docs/architecture.md).
 * Run by `npm run lint:deps` (part of `npm test`); `npm run docs:graph` redraws the folder graph.
 *
 * Bottom to top; a layer may import its own layer and the ones below, never one above.
 */
const LAYERS = [
  {
    name: 'foundation',
    comment:
      'config, clock, logs, i18n, errors, privacy guards, caches, the HTTP server; db/ (kysely types, migrations, repositories)',
    path: [
      '^db/',
      '^src/(config|i18n|errors|cache|audit|privacy|server)/',
      '^src/(clock|logger|log-scrub|paths|request-id)\\.ts$',
    ],
  },
  {
    name: 'domain',
    comment:
      'the plan catalog (incl. statuses and their tone), calendar and schedules, search, intents, people',
    path: ['^src/(catalog|schedule|search|intents|identity)/'],
  },
  {
    name: 'chat-model',
    comment: 'the neutral chat model: inbound message, Reply, text renderers, budgets, the ChatPort seam',
    path: ['^src/chat/'],
  },
  {
    name: 'delivery',
    comment: 'the generic outbox: message kinds come in through a registry the composition root fills',
    path: ['^src/delivery/'],
  },
  {
    name: 'features',
    comment:
      'asking (the command contract, the dispatcher, commands/), check-ins, digests, report, authorization',
    path: ['^src/(asking|checkins|digest|report|authz)/', '^commands/'],
  },
  {
    name: 'adapters',
    comment:
      'Slack, Teams and the local playground: translate to the neutral model and render it, nothing else',
    path: ['^adapters/'],
  },
  {
    name: 'root',
    comment: 'the composition root and process wiring: the only place that knows everything',
    path: ['^src/(app|message-kinds|platforms)\\.ts$', '^src/(cli|jobs|metrics)/'],
  },
];

/** One rule per layer: nothing in it imports a layer above it. */
const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} (${layer.comment}) must not import a layer above it: move the shared type down, or pass the behaviour in from the composition root`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(index + 1).flatMap((above) => above.path) },
}));

/**
 * Inside a layer, its folders stand in tiers, bottom to top: a folder may import the tiers below
 * it in its layer, never a tier above nor a sibling in its own tier. So no two folders import each
 * other, even where both are in one layer (search builds on the catalog, never the reverse).
 */
const TIERS = {
  domain: [['src/catalog'], ['src/search', 'src/identity'], ['src/schedule', 'src/intents']],
  features: [['src/authz'], ['src/checkins', 'src/digest', 'src/report'], ['src/asking'], ['commands']],
};

const tierRules = Object.entries(TIERS).flatMap(([layer, tiers]) =>
  tiers.flatMap((tier, index) =>
    tier.flatMap((folder) => {
      const above = [...tier.filter((other) => other !== folder), ...tiers.slice(index + 1).flat()];
      if (above.length === 0) return [];
      return [
        {
          name: `tier-${layer}-${folder.replace(/^src\//, '')}`,
          comment: `${folder}/ must not import a sibling or a folder above it in the ${layer} layer (tiers in .dependency-cruiser.cjs)`,
          severity: 'error',
          from: { path: `^${folder}/` },
          to: { path: above.map((other) => `^${other}/`) },
        },
      ];
    }),
  ),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    ...tierRules,
    {
      name: 'no-unlayered',
      comment:
        'every source file belongs to a layer: add the new folder to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^(src|adapters|commands|db)/' },
      to: { path: '^(src|adapters|commands|db)/', pathNot: LAYERS.flatMap((layer) => layer.path) },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, runtime or type-only: split the shared part into its own module',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'a module nothing imports is dead code (or an entry point: list it here)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)\\.[^/]+\\.(js|cjs|mjs|ts|json)$',
          '\\.d\\.ts$',
          '^src/cli/bin\\.ts$',
          '^db/migrations/',
        ],
      },
      to: {},
    },
    {
      name: 'no-platform-sdk-in-core',
      comment: 'src/ and commands/ are platform-neutral: only adapters/ import @slack/* or @microsoft/*',
      severity: 'error',
      from: { path: '^(src|commands)/' },
      to: { path: '^node_modules/(@slack|@microsoft|botbuilder)' },
    },
    {
      name: 'db-imports-no-src',
      comment: 'db/ serves everything above it and imports nothing from src/, commands/ or adapters/',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(src|commands|adapters)/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // Browser assets served as they are (the playground's page script) are no modules of the app.
    exclude: { path: ['^adapters/local/public/'] },
    includeOnly: ['^(src|adapters|commands|db)/', '^node_modules/'],
    // Type-only imports count: a type cycle or an upward type import is still a wrong-way dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^(src/[^/]+|adapters/[^/]+|commands|db)' },
    },
  },
};

// The layers themselves, for scripts/docs-graph.js (`npm run docs:graph`). Not enumerable: the
// configuration's schema allows no keys of our own.
Object.defineProperty(module.exports, 'layers', { value: LAYERS, enumerable: false });

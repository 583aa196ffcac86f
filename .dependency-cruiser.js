/**
 * Layer rules of the monorepo, checked by `npm run lint:deps` (STYLE.md habit 1: "check it with a tool, not
 * by memory"). `libs/domain` is the pure decider: no framework, no store, no I/O, no Node built-ins — time and
 * ids arrive in the command. Libraries never reach into apps, and nothing is circular.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
const DOMAIN = '^libs/domain/';

/** Resolved npm paths (node_modules/…) and, if a package is missing, its bare name. */
const npm = (...names) => names.map((name) => `(^|/)node_modules/${name}|^${name}`);

module.exports = {
  forbidden: [
    {
      name: 'domain-not-to-nest',
      comment: 'libs/domain is pure: no Nest. Framework wiring belongs in apps/api.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: npm('@nestjs/') },
    },
    {
      name: 'domain-not-to-node-core',
      comment:
        'libs/domain is pure: no Node built-ins (fs, net, http, crypto, os, path, worker_threads…). ' +
        'Time, randomness and ids arrive in the command; I/O lives in the adapters.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-not-to-node-io',
      comment: 'libs/domain is pure: these Node modules are I/O, clock or randomness however they are spelled.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^(node:)?(fs|net|http|https|http2|crypto|child_process|os|path|worker_threads|cluster|dgram|dns|tls|timers|perf_hooks|process|readline|stream|zlib|v8|vm)(/|$)' },
    },
    {
      name: 'domain-not-to-event-stores',
      comment: 'libs/domain is pure: it knows no event store driver. Stores depend on the domain, not the other way round.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: npm('better-sqlite3', '@eventstore/') },
    },
    {
      name: 'domain-not-to-outer-layers',
      comment: 'libs/domain is the innermost layer: it may not import libs/event-store, libs/projections or apps.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^(libs/event-store|libs/projections|apps)/' },
    },
    {
      name: 'libs-not-to-apps',
      comment: 'Libraries are used by apps, never the reverse.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'cli-not-to-api',
      comment: 'The CLI is a separate app: what it shares with the API lives in libs/platform, never in apps/api.',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'cli-not-to-nest',
      comment: 'The CLI runs without Nest: it opens stores and signs tokens through libs/platform.',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: npm('@nestjs/') },
    },
    {
      name: 'libs-nest-only-in-module-files',
      comment: 'Libraries are Nest-free so the CLI and tests use them without a container; a lib may wire itself into Nest only in its *.module.ts.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '\\.module\\.ts$' },
      to: { path: npm('@nestjs/') },
    },
    {
      name: 'event-store-not-to-read-side',
      comment: 'The event store and its consumer runtime know nothing of the read models built on them.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/projections/' },
    },
    {
      name: 'platform-not-to-read-side',
      comment: 'libs/platform (configuration, store opener, secrets, claims) sits below the read side.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/projections/' },
    },
    {
      name: 'no-circular',
      comment: 'This dependency is part of a cycle. Split the module or invert the dependency.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that cannot be resolved: a missing package, a typo, or a path alias tsconfig.json does not ' +
        'declare. It would also slip past every rule above, so it is an error.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Report node_modules as dependencies, but never cruise their insides.
    doNotFollow: { path: ['node_modules'] },
    moduleSystems: ['cjs', 'es6'],
    // Also see `import type …`: a type-only import of a framework still couples the domain to it.
    tsPreCompilationDeps: true,
    // Resolve @hazard/* through tsconfig.json's paths.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      dot: { collapsePattern: 'node_modules/(?:@[^/]+/[^/]+|[^/]+)' },
    },
  },
};

/**
 * Lets `node -r ./bench/register.js some.ts` run TypeScript without ts-node: each .ts file is transpiled on
 * require (types erased, no type check — `npm run typecheck` does that) and the `@hazard/*` aliases of
 * tsconfig.json resolve to their source folders.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const compilerOptions = {
  ...ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options,
  module: ts.ModuleKind.CommonJS,
  sourceMap: false,
  inlineSourceMap: true,
  incremental: false,
};
const aliases = new Map(
  Object.entries(config.compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, path.join(root, target)]),
);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

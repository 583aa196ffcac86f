/**
 * Brings dist/cli/ up to date with the CLI's sources before `npm run token` / `npm run cli` runs it: a file is
 * transpiled again only when its source (or tsconfig.json) is newer than its output, so a run costs a start-up,
 * not a compile, and dist/apps and dist/libs — what a running server loads — are never written.
 *
 * Types are erased, not checked (as bench/register.js and the e2e server build do; `npm run typecheck` checks
 * them): a type error in a file someone is still editing elsewhere must not stop an operator minting a token.
 * Each output is written to a temporary name and renamed, so a concurrent run never loads half a file.
 * Progress goes to stderr: `$(npm run -s token -- …)` captures only the token.
 */
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'dist', 'cli');
const tsconfigFile = path.join(root, 'tsconfig.json');
// Plain JSON (no comments in it); the compiler itself is loaded only when something is stale: it costs 0.3 s.
const config = JSON.parse(readFileSync(tsconfigFile, 'utf8'));
/** `@hazard/domain` → `libs/domain/src`, from tsconfig.json's paths: the CLI imports only its folder and these. */
const aliases = Object.entries(config.compilerOptions.paths).map(([alias, [target]]) => [alias, target]);
const sourceDirs = ['apps/cli/src', ...new Set(aliases.map(([, target]) => target.replace(/\/testing$/, '')))];
const isTest = (file) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file) || file.split(path.sep).includes('testing');

/** A `require("@hazard/x")` in an output becomes the relative path to x's output folder. */
function withRelativeRequires(js, outFile) {
  return js.replace(/require\("(@hazard\/[\w/-]+)"\)/g, (whole, request) => {
    const target = aliases.find(([alias]) => alias === request)?.[1];
    if (!target) return whole;
    const relative = path.relative(path.dirname(outFile), path.join(outDir, target)).split(path.sep).join('/');
    return `require("${relative.startsWith('.') ? relative : `./${relative}`}")`;
  });
}

function staleFiles() {
  const configChanged = statSync(tsconfigFile).mtimeMs;
  return sourceDirs.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTest(file))
      .map((file) => ({ source: path.join(root, dir, file), out: path.join(outDir, dir, file.replace(/\.ts$/, '.js')) }))
      .filter(({ source, out }) => !existsSync(out) || statSync(out).mtimeMs < Math.max(statSync(source).mtimeMs, configChanged)),
  );
}

let compiler;
function loadCompiler() {
  const ts = require('typescript');
  const options = { ...ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options, module: ts.ModuleKind.CommonJS, sourceMap: false, incremental: false };
  return { ts, compilerOptions: options };
}

function transpile({ source, out }) {
  compiler ??= loadCompiler();
  const { ts, compilerOptions } = compiler;
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions, fileName: source });
  mkdirSync(path.dirname(out), { recursive: true });
  const temporary = `${out}.${process.pid}.tmp`;
  writeFileSync(temporary, withRelativeRequires(outputText, out));
  renameSync(temporary, out);
}

try {
  const stale = staleFiles();
  if (stale.length > 0) {
    const started = Date.now();
    stale.forEach(transpile);
    process.stderr.write(`building the CLI into dist/cli: ${stale.length} changed file(s) in ${Date.now() - started} ms\n`);
  }
} catch (error) {
  process.stderr.write(`the CLI did not build: ${error.message}\n`);
  process.exit(1);
}

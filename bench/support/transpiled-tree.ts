import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['apps/api/src', 'apps/cli/src', 'libs/domain/src', 'libs/event-store/src', 'libs/projections/src', 'libs/platform/src', 'bench'];

export interface TranspiledTree {
  readonly dir: string;
  /** `node` arguments that run a checkout-relative TypeScript entry (`apps/api/src/main.ts`) from the tree. */
  argsFor(entry: string): string[];
  /** The environment it needs: packages resolve from the checkout's node_modules. */
  readonly env: Readonly<Record<string, string>>;
  remove(): void;
}

/**
 * This checkout's sources transpiled once (types erased, as bench/register.js does on require) into a temp
 * tree of plain JavaScript, so the processes a bench measures carry neither the compiler's memory nor its
 * start-up, and nothing under dist/ is touched — a server running from dist/ keeps its files.
 */
export function transpiledTree(): TranspiledTree {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tree-'));
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const compilerOptions = { ...ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT).options, module: ts.ModuleKind.CommonJS, sourceMap: false, incremental: false };
  for (const source of SOURCE_DIRS) {
    const files = readdirSync(join(ROOT, source), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file));
    for (const file of files) {
      const path = join(ROOT, source, file);
      const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions, fileName: path });
      const target = join(dir, source, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  const aliases = Object.fromEntries(Object.entries(config.compilerOptions.paths as Record<string, string[]>).map(([alias, [target]]) => [alias, join(dir, target ?? '')]));
  // The web assets look for the checkout's root (a package.json) above their own file.
  writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
  writeFileSync(
    join(dir, 'aliases.js'),
    `const Module = require('node:module');\nconst aliases = ${JSON.stringify(aliases)};\n` +
      'const resolve = Module._resolveFilename;\nModule._resolveFilename = function (request, ...rest) { return resolve.call(this, aliases[request] ?? request, ...rest); };\n',
  );
  return {
    dir,
    env: { NODE_PATH: join(ROOT, 'node_modules') },
    argsFor: (entry) => ['-r', join(dir, 'aliases.js'), join(dir, entry.replace(/\.ts$/, '.js'))],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

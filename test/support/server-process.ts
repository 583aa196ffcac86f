import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { TEST_SECRET } from './test-app';

const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['apps/api/src', 'libs/domain/src', 'libs/event-store/src', 'libs/projections/src', 'libs/platform/src'];

/**
 * The real server as a child process, for what only a process shows (SIGTERM, SIGKILL). Transpiled once per
 * test file (types erased, like bench/register.js) into `outDir` so each start costs Nest's boot, not a compile.
 */
export function compileServer(outDir: string): string {
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const compilerOptions = {
    ...ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT).options,
    module: ts.ModuleKind.CommonJS,
    sourceMap: false,
    incremental: false,
  };
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file),
    );
    for (const file of files) {
      const source = join(ROOT, dir, file);
      const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions, fileName: source });
      const target = join(outDir, dir, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  const aliases = Object.fromEntries(
    Object.entries(config.compilerOptions.paths as Record<string, string[]>).map(([alias, [target]]) => [alias, join(outDir, target ?? '')]),
  );
  // BuiltAssets looks for the checkout's root (a package.json) above its own file.
  writeFileSync(join(outDir, 'package.json'), '{"private": true}\n');
  writeFileSync(
    join(outDir, 'aliases.js'),
    `const Module = require('node:module');\nconst aliases = ${JSON.stringify(aliases)};\n` +
      'const resolve = Module._resolveFilename;\n' +
      'Module._resolveFilename = function (request, ...rest) { return resolve.call(this, aliases[request] ?? request, ...rest); };\n',
  );
  return outDir;
}

/** Limits a load test must not trip over: the throttler guards against abuse, not against this test. */
export const UNTHROTTLED: Readonly<Record<string, string>> = {
  THROTTLE_READS: '10000000',
  THROTTLE_WRITES: '10000000',
  THROTTLE_PUBLIC_READS: '10000000',
  THROTTLE_AUTH_FAILURES: '10000000',
};

export interface ServerProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** Exit code and signal once it has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

const START_TIMEOUT_MS = 30_000;

/** Starts `main.js` of a compiled tree on DATA_DIR and a free port; resolves once it listens (it says so at LOG_LEVEL=log). */
export async function startServer(compiled: string, dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', join(compiled, 'aliases.js'), join(compiled, 'apps/api/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET, PORT: '0', LOG_LEVEL: 'log', ...UNTHROTTLED, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`the server exited before it listened:\n${output.slice(-3000)}`)));
    setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not listen within ${START_TIMEOUT_MS} ms (it logs the port at LOG_LEVEL=log):\n${output.slice(-3000)}`));
    }, START_TIMEOUT_MS).unref();
  });
  return { port, child, exited, output: () => output };
}

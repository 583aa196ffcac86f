import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TranspiledTree } from './transpiled-tree';

export const ROOT = join(__dirname, '..', '..');

/** Limits a load must not trip over: the throttler guards against abuse, not against a benchmark. */
export const UNTHROTTLED: Readonly<Record<string, string>> = {
  THROTTLE_READS: '10000000',
  THROTTLE_WRITES: '10000000',
  THROTTLE_PUBLIC_READS: '10000000',
  THROTTLE_PUBLIC_WRITES: '10000000',
  THROTTLE_AUTH_FAILURES: '10000000',
};

export interface ChildServer {
  readonly port: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts an entry point (`apps/api/src/main.ts`, the ceiling app) of the transpiled tree in its own process:
 * the sources as they are now, nothing under dist/ written. Output goes to `logFile`; ready once `readyPath`
 * answers 200.
 */
export async function startChild(tree: TranspiledTree, entry: string, env: Record<string, string>, logFile: string, readyPath = '/health'): Promise<ChildServer> {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, tree.argsFor(entry), {
    cwd: ROOT,
    env: { ...process.env, ...tree.env, HOST: '127.0.0.1', PORT: String(port), ...UNTHROTTLED, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exited = false;
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve(void (exited = true))));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`${entry} exited before it was ready:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} was not ready within 90 s:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    }
    if ((await statusOf(port, readyPath)) === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    child,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
}

function statusOf(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
    req.end();
  });
}

/** The API on `dataDir` with a known secret, default log level, unthrottled. */
export function startApi(tree: TranspiledTree, dataDir: string, secret: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return startChild(tree, 'apps/api/src/main.ts', { DATA_DIR: dataDir, JWT_SECRET: secret, ...env }, join(dataDir, 'server.log'));
}

import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of one test's own, for what the shared server of scripts/with-postgres.sh must not
 * suffer: being killed. Made like that script makes its cluster (initdb in a temp directory, as the
 * `postgres` user when we are root, a free port of 127.0.0.1), from the binaries in PG_TEST_BIN.
 */
export class PrivateCluster {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    private readonly port: number,
    private readonly settings: readonly string[],
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** `settings` are server parameters, e.g. `['synchronous_commit=off']`. */
  static async create(bin: string, settings: readonly string[] = []): Promise<PrivateCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'hazard-pg-private-'));
    if (userInfo().uid === 0) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    const cluster = new PrivateCluster(bin, dir, await freePort(), settings);
    await cluster.asPostgres('initdb', ['-D', cluster.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await cluster.start();
    return cluster;
  }

  async start(): Promise<void> {
    const options = ['-c listen_addresses=127.0.0.1', `-p ${this.port}`, `-k ${this.dir}`, ...this.settings.map((s) => `-c ${s}`)].join(' ');
    const log = join(this.dir, 'server.log');
    await this.asPostgres('pg_ctl', ['-D', this.data, '-l', log, '-w', '-t', '60', '-o', options, 'start']).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${readFileSync(log, 'utf8').split('\n').slice(-15).join('\n')}`);
    });
  }

  /** SIGKILL to the postmaster and every one of its processes at once, as a power cut would end them. */
  async killAll(): Promise<void> {
    const postmaster = Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    for (const pid of [postmaster, ...children]) process.kill(pid, 'SIGKILL');
    for (const pid of [postmaster, ...children]) {
      while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // A dead postmaster not yet reaped still "runs" for the lock files' check; after a power cut the PID in
    // them would be nobody's. Remove them, as a reboot makes them meaningless.
    rmSync(join(this.data, 'postmaster.pid'), { force: true });
    rmSync(join(this.dir, `.s.PGSQL.${this.port}.lock`), { force: true });
    rmSync(join(this.dir, `.s.PGSQL.${this.port}`), { force: true });
  }

  async remove(): Promise<void> {
    await this.asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private async asPostgres(tool: string, args: readonly string[]): Promise<void> {
    const command = join(this.bin, tool);
    if (userInfo().uid === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await run(command, [...args]);
  }
}

/** A zombie (killed, not yet reaped: PID 1 of a container may never reap) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

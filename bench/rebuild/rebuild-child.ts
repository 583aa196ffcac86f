/**
 * One measured pass over an events file, alone in its process so its peak RSS is its own:
 *   rebuild <events.sqlite> <work dir>   every read model rebuilt into a fresh file (libs/projections rebuild)
 *   raw <events.sqlite>                  SELECT every row in order and JSON.parse data and metadata
 * Prints one JSON line: {events, seconds, peakRssMb}.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@hazard/event-store';
import { openReadModelsDb, rebuildReadModels } from '@hazard/projections';

async function rebuild(eventsFile: string, workDir: string): Promise<number> {
  const store = SqliteEventStore.open({ file: eventsFile });
  const db = openReadModelsDb(join(workDir, 'read-models.sqlite'));
  try {
    return (await rebuildReadModels(store, db)).events;
  } finally {
    db.close();
    await store.close();
  }
}

function raw(eventsFile: string): number {
  const db = new Database(eventsFile, { readonly: true });
  try {
    let events = 0;
    for (const row of db.prepare('SELECT position, stream_id, revision, type, data, metadata, recorded_at FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      events += 1;
    }
    return events;
  } finally {
    db.close();
  }
}

/**
 * This process's peak resident set in MiB. On Linux from VmHWM, which starts afresh at exec: getrusage's
 * maxRSS survives execve, so a child of a big parent would report the parent's peak as its own.
 */
function peakRssMb(): number {
  if (existsSync('/proc/self/status')) {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  const [mode, eventsFile, workDir] = process.argv.slice(2);
  if (!eventsFile || (mode !== 'raw' && (mode !== 'rebuild' || !workDir))) throw new Error('usage: rebuild-child (rebuild <events.sqlite> <work dir> | raw <events.sqlite>)');
  const started = performance.now();
  const events = mode === 'raw' ? raw(eventsFile) : await rebuild(eventsFile, workDir!);
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ events, seconds, peakRssMb: peakRssMb() }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

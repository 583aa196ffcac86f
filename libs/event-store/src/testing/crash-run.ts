import { spawn } from 'node:child_process';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { EVENTS_PER_COMMAND } from './crash-append-driver';

export interface CrashRunOptions {
  /** The driver is killed after 50 + a random number below this many acks. */
  readonly extraAcks: number;
  /** Instead of SIGKILLing the driver only: e.g. kill the database server; the driver is killed after it. */
  readonly crash?: () => Promise<void>;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs the crash-append driver (`node <args>`) until it has acked a random number of commands, then crashes it
 * (or what `crash` names) and returns every ack the driver printed before it ended.
 */
export async function appendUntilKilled(args: readonly string[], options: CrashRunOptions): Promise<string[]> {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  let stderr = '';
  let partialLine = '';
  const killAfterAcks = 50 + Math.floor(Math.random() * options.extraAcks);
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  const enoughAcks = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partialLine + chunk).split('\n');
      partialLine = lines.pop() ?? '';
      acked.push(...lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4)));
      if (acked.length >= killAfterAcks) resolve();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void closed.then(() => reject(new Error(`driver exited before it was killed:\n${stderr}`)));
  });

  await enoughAcks;
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  if (options.crash) {
    // The driver may exit on its own (its appends fail once the server is gone): either way it ends here.
    await options.crash();
    child.kill('SIGKILL');
    await closed;
  } else {
    child.kill('SIGKILL');
    expect(await closed).toBe('SIGKILL');
  }
  return acked;
}

/** The whole global log, page by page, and the store closed after. */
export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for (let page = await store.readAll({ after: 0, maxCount: 1000 }); page.length > 0; ) {
      events.push(...page);
      page = await store.readAll({ after: page.at(-1)?.position ?? 0, maxCount: 1000 });
    }
  } finally {
    await store.close();
  }
  return events;
}

/** Every way the driver's commands could be torn, as readable messages; an intact log yields none. */
export function tornCommands(events: readonly RecordedEvent[], acked: readonly string[]): string[] {
  const problems: string[] = [];
  const byCommand = groupBy(events, (event) => event.metadata.commandId);
  for (const [commandId, commandEvents] of byCommand) {
    if (commandEvents.length !== EVENTS_PER_COMMAND) problems.push(`${commandId} has ${commandEvents.length} events`);
    commandEvents.forEach((event, index) => {
      const previous = commandEvents[index - 1];
      if ((event.data as { index: number }).index !== index) problems.push(`${commandId} event ${index} out of order`);
      const follows = (p: RecordedEvent) =>
        event.streamId === p.streamId && event.revision === p.revision + 1 && event.position === p.position + 1;
      if (previous && !follows(previous)) {
        problems.push(`${commandId} is not contiguous at event ${index}`);
      }
    });
  }
  for (const [streamId, streamEvents] of groupBy(events, (event) => event.streamId)) {
    if (streamEvents.some((event, revision) => event.revision !== revision)) {
      problems.push(`${streamId} has a revision gap`);
    }
  }
  const missing = acked.filter((commandId) => !byCommand.has(commandId));
  problems.push(...missing.map((commandId) => `acked ${commandId} is missing`));
  return problems;
}

/** Map.groupBy arrives only in Node 21. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

import type { Database, Statement } from 'better-sqlite3';
import { CHECKPOINTS_DDL, readCheckpoint } from './checkpoint-table';

/**
 * How far a running consumer has got beyond its stored checkpoint with batches that wrote nothing.
 * `stored` is the checkpoint the batches were read against; `reached` the last position they covered.
 */
interface Deferred {
  readonly stored: number;
  readonly reached: number;
}

const deferredOf = new WeakMap<Database, Map<string, Deferred>>();

/**
 * The consumer's position: the stored checkpoint, or further, by the batches since that changed nothing.
 * The deferred part counts only while the stored checkpoint is still the one it was read against: once
 * another runner (or a rebuild's swap) has moved it, the stored value is the truth.
 */
export function consumerPosition(db: Database, name: string): number {
  return positionOf(readCheckpoint(db, name), deferredOf.get(db)?.get(name));
}

/** Every consumer's position on this database (its `checkpoints` rows, with what is deferred), for metrics; throws without the table. */
export function consumerPositions(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT name, position FROM checkpoints').all() as { name: string; position: number }[];
  const positions = new Map(rows.map((r) => [r.name, r.position]));
  for (const [name, deferred] of deferredOf.get(db) ?? []) positions.set(name, positionOf(positions.get(name) ?? 0, deferred));
  return positions;
}

function positionOf(stored: number, deferred: Deferred | undefined): number {
  return deferred && deferred.stored === stored ? Math.max(stored, deferred.reached) : stored;
}

/**
 * The checkpoint of a batch that changed nothing of the consumer's state is kept in memory and written later:
 * with the next batch that does write (its transaction stores a later position anyway), after `flushAfterMs`,
 * and when the consumer stops. Losing it in a crash costs nothing but the redelivery of events that, applied
 * again, again change nothing — while a durable commit of it costs an fsync per live event per consumer.
 */
export class DeferredCheckpoint {
  private timer: NodeJS.Timeout | undefined;
  private readonly store: Statement;

  constructor(
    private readonly db: Database,
    private readonly name: string,
    private readonly flushAfterMs: number,
  ) {
    db.exec(CHECKPOINTS_DDL);
    // Compare-and-set on the checkpoint the deferred batches were read against: if another runner or a
    // rebuild's swap has moved it since, theirs stands.
    this.store = db.prepare(
      `INSERT INTO checkpoints (name, position) VALUES (@name, @reached)
       ON CONFLICT(name) DO UPDATE SET position = excluded.position WHERE checkpoints.position = @stored`,
    );
  }

  position(): number {
    return consumerPosition(this.db, this.name);
  }

  /** The position, given the checkpoint stored now (read inside the caller's transaction). */
  positionAgainst(stored: number): number {
    return positionOf(stored, this.deferred().get(this.name));
  }

  /** A batch up to `reached`, read against the stored checkpoint `stored`, wrote nothing. */
  defer(stored: number, reached: number): void {
    this.deferred().set(this.name, { stored, reached });
    this.timer ??= setTimeout(() => this.flushQuietly(), this.flushAfterMs).unref();
  }

  /** A batch's transaction stored its checkpoint, which covers what was deferred before it. */
  stored(): void {
    this.forget();
  }

  /** Writes the deferred checkpoint now (durably: the database's synchronous setting applies). */
  flush(): void {
    const deferred = this.deferred().get(this.name);
    if (deferred) this.store.run({ name: this.name, stored: deferred.stored, reached: deferred.reached });
    this.forget();
  }

  /** From the timer: a busy database only means it waits for the next batch or the stop. */
  private flushQuietly(): void {
    this.timer = undefined;
    try {
      this.flush();
    } catch {
      // Kept deferred: nothing is lost but the redelivery of ignored events after a crash.
    }
  }

  private forget(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.deferred().delete(this.name);
  }

  private deferred(): Map<string, Deferred> {
    let map = deferredOf.get(this.db);
    if (!map) deferredOf.set(this.db, (map = new Map()));
    return map;
  }
}

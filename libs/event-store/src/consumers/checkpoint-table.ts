import type { Database, Statement } from 'better-sqlite3';

export const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`;

/** The checkpoint as stored; a running consumer may be further on (consumerPosition). */
export function readCheckpoint(db: Database, name: string): number {
  const row = checkpointStatements(db).read.get(name) as { position: number } | undefined;
  return row?.position ?? 0;
}

/** Sets a checkpoint; callers run it inside the transaction that wrote the state it stands for. */
export function writeCheckpoint(db: Database, name: string, position: number): void {
  checkpointStatements(db).write.run(name, position);
}

/** Rows inserted, updated or deleted on this connection so far: a batch that leaves it unchanged wrote nothing. */
export function totalChanges(db: Database): number {
  return checkpointStatements(db).totalChanges.get() as number;
}

interface CheckpointStatements {
  readonly read: Statement;
  readonly write: Statement;
  readonly totalChanges: Statement;
}

const statementsOf = new WeakMap<Database, CheckpointStatements>();

/**
 * The table is created and the statements prepared once per connection, not on every batch: a live
 * consumer commits a batch per event under load, and each DDL run and prepare cost more than the write.
 * Call it before a transaction: a rollback must not undo the table the statements are kept for.
 */
export function checkpointStatements(db: Database): CheckpointStatements {
  let statements = statementsOf.get(db);
  if (!statements) {
    db.exec(CHECKPOINTS_DDL);
    statements = {
      read: db.prepare('SELECT position FROM checkpoints WHERE name = ?'),
      write: db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position'),
      totalChanges: db.prepare('SELECT total_changes()').pluck(),
    };
    statementsOf.set(db, statements);
  }
  return statements;
}

import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Advisory-lock class of this store (the first key of the two-key form; the second is the schema's hash), so
 * its locks cannot collide with another application's in a shared database. "HZL" in ASCII.
 */
const LOCK_CLASS = 0x48_5a_4c;
/** Second key of the lock that serialises schema creation (appends use the schema's hash). */
const MIGRATION_LOCK = 0;

/**
 * Every statement is idempotent, so each process runs them all on open; the migration lock keeps two
 * processes opening a fresh database at once from racing on the catalogue.
 *
 * `data` and `metadata` are `json`, not `jsonb`: `json` keeps the text exactly as appended (jsonb would
 * reorder keys and refuse "\u0000"), and the store never queries inside them.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS event_log (
  position    bigint      PRIMARY KEY,
  stream_id   text        NOT NULL,
  revision    bigint      NOT NULL,
  event_id    text        NOT NULL UNIQUE,
  type        text        NOT NULL,
  data        json        NOT NULL,
  metadata    json        NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS event_log_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  log_id    text    NOT NULL
);
`;

/**
 * One group-commit batch in one statement, hence one transaction, one round trip and one WAL flush.
 *
 * Global order without holes: the transaction-scoped advisory lock is taken before positions are assigned
 * and PostgreSQL releases it only after the commit is durable and visible. So positions are handed out in
 * commit order: when a reader sees position p, every transaction that took a lower position has already
 * committed, and "read after the last position seen" can never step over an event that commits later.
 * Appends of different processes queue on the lock; those of one process share a batch.
 *
 * Each append of the batch is checked on its own and answers one row, in order: 'ok' (stored, or a retry of
 * an earlier append whose result it returns), 'wrong_revision' (with the stream's actual revision) or
 * 'duplicate_id' (an id already stored for a different append). A refused append writes nothing; the others
 * of the batch are unaffected. `recordedAt` is the server's transaction time unless the caller passes one.
 */
const APPEND_FUNCTION = `
CREATE OR REPLACE FUNCTION event_log_append(
  p_streams text[], p_expected bigint[], p_counts int[],
  p_ids text[], p_types text[], p_data text[], p_metadata text[], p_recorded_at timestamptz
) RETURNS TABLE (out_outcome text, out_revision bigint, out_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_head      bigint;
  v_next      bigint;
  v_first     int := 1;
  v_count     int;
  v_ids       text[];
  v_stored_stream   text;
  v_stored_revision bigint;
  v_matches   int;
  v_careful   boolean;
BEGIN
  -- Durability is not the operator's to trade away for this store: an acknowledged append is on disk.
  PERFORM set_config('synchronous_commit', 'on', true);
  PERFORM pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(current_schema()));
  SELECT coalesce(max(e.position), 0) INTO v_head FROM event_log e;
  v_next := v_head;
  -- Usually no id of the batch is stored yet nor repeated within it: then no append is a retry or reuses an
  -- id, and the per-append id checks are skipped.
  v_careful := (SELECT count(DISTINCT id) FROM unnest(p_ids) AS id) < coalesce(array_length(p_ids, 1), 0)
    OR EXISTS (SELECT 1 FROM event_log e WHERE e.event_id = ANY (p_ids));

  FOR a IN 1 .. coalesce(array_length(p_streams, 1), 0) LOOP
    v_count := p_counts[a];
    v_ids := p_ids[v_first : v_first + v_count - 1];
    v_stored_stream := NULL;
    IF v_careful AND v_count > 0 THEN
      SELECT e.stream_id, e.revision INTO v_stored_stream, v_stored_revision FROM event_log e WHERE e.event_id = v_ids[1];
    END IF;

    IF v_stored_stream IS NOT NULL THEN
      -- A retry finds its own events, in order, where its first one landed; anything else is a reused id.
      SELECT count(*), max(e.revision), max(e.position) INTO v_matches, out_revision, out_position
        FROM unnest(v_ids) WITH ORDINALITY AS t(id, n)
        JOIN event_log e ON e.event_id = t.id AND e.stream_id = p_streams[a] AND e.revision = v_stored_revision + t.n - 1;
      out_outcome := CASE WHEN v_stored_stream = p_streams[a] AND v_matches = v_count THEN 'ok' ELSE 'duplicate_id' END;
    ELSE
      SELECT e.revision, e.position INTO out_revision, out_position
        FROM event_log e WHERE e.stream_id = p_streams[a] ORDER BY e.revision DESC LIMIT 1;
      IF NOT FOUND THEN
        out_revision := -1;
        out_position := 0;
      END IF;
      IF p_expected[a] IS NOT NULL AND p_expected[a] <> out_revision THEN
        out_outcome := 'wrong_revision';
      ELSIF v_careful AND v_count > 0 AND (
        (SELECT count(DISTINCT id) FROM unnest(v_ids) AS id) < v_count
        OR EXISTS (SELECT 1 FROM event_log e WHERE e.event_id = ANY (v_ids))
      ) THEN
        out_outcome := 'duplicate_id';
      ELSE
        out_outcome := 'ok';
        IF v_count > 0 THEN
          INSERT INTO event_log (position, stream_id, revision, event_id, type, data, metadata, recorded_at)
            SELECT v_next + t.n, p_streams[a], out_revision + t.n, t.id, t.type, t.data::json, t.metadata::json,
                   coalesce(p_recorded_at, now())
              FROM unnest(v_ids, p_types[v_first : v_first + v_count - 1], p_data[v_first : v_first + v_count - 1],
                          p_metadata[v_first : v_first + v_count - 1]) WITH ORDINALITY AS t(id, type, data, metadata, n);
          v_next := v_next + v_count;
          out_revision := out_revision + v_count;
          out_position := v_next;
        END IF;
      END IF;
    END IF;
    RETURN NEXT;
    v_first := v_first + v_count;
  END LOOP;

  -- Delivered at commit, to the listeners of this schema's log only; the payload is the new head.
  IF v_next > v_head THEN
    PERFORM pg_notify('event_log:' || current_schema(), v_next::text);
  END IF;
END
$fn$;
`;

export interface SchemaFacts {
  /** The LISTEN/NOTIFY channel of this schema's log. */
  readonly channel: string;
  /** The log's identity, generated once when the schema was created. */
  readonly logId: string;
}

/** Creates whatever is missing (idempotent) and reads back the facts every connection of the store needs. */
export async function migrate(pool: Pool): Promise<SchemaFacts> {
  const client = await pool.connect();
  let failure: unknown;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
    await client.query(SCHEMA);
    await client.query(APPEND_FUNCTION);
    await client.query('INSERT INTO event_log_meta (log_id) VALUES ($1) ON CONFLICT DO NOTHING', [randomUUID()]);
    const { rows } = await client.query<{ schema: string; log_id: string }>(
      'SELECT current_schema() AS schema, log_id FROM event_log_meta',
    );
    await client.query('COMMIT');
    const [facts] = rows;
    if (!facts) throw new Error('event_log_meta has no row after it was created');
    return { channel: `event_log:${facts.schema}`, logId: facts.log_id };
  } catch (error) {
    failure = error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // Given the error, the pool discards the connection instead of lending out one in an unknown state.
    client.release(failure instanceof Error ? failure : undefined);
  }
}

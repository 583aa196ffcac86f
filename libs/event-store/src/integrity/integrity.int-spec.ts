import Database from 'better-sqlite3';
import { chainEvents, eventHash, GENESIS_HASH } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { tempStoreFile, testEvents, TempStoreFile } from '../testing';
import { compareWithDigest, verifyStore } from './store-integrity';
import { verifyStream } from './stream-integrity';

/** Tampering done the way someone with the SQLite file would do it: straight SQL, behind the store's back. */
describe('hash-chain integrity on a SQLite store (int)', () => {
  let temp: TempStoreFile;
  let store: SqliteEventStore;

  beforeEach(async () => {
    temp = tempStoreFile('integrity-');
    store = SqliteEventStore.open({ file: temp.file });
    for (const stream of ['hazard-a', 'hazard-b', 'hazard-c']) {
      await store.append(stream, chainEvents(GENESIS_HASH, testEvents(4, { data: { stream } })), { expectedRevision: -1 });
    }
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  function sql(statement: string, ...params: unknown[]): void {
    const db = new Database(temp.file);
    db.prepare(statement).run(...params);
    db.close();
  }
  const positionOf = async (stream: string, revision: number) => (await store.readStream(stream))[revision]!.position;

  it('an untouched store verifies, stream by stream and as a whole', async () => {
    expect(verifyStream('hazard-a', await store.readStream('hazard-a'))).toEqual({ valid: true, events: 4 });
    const whole = await verifyStore(store);
    expect(whole).toMatchObject({ valid: true, streams: 3, events: 12, broken: [] });
    expect(whole.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an edited event is reported with its stream and revision', async () => {
    sql(`UPDATE events SET data = '{"stream":"hazard-b","index":99}' WHERE position = ?`, await positionOf('hazard-b', 2));
    expect(verifyStream('hazard-b', await store.readStream('hazard-b')).brokenAt).toMatchObject({ streamId: 'hazard-b', revision: 2, reason: 'hash-mismatch' });
    const whole = await verifyStore(store);
    expect(whole.valid).toBe(false);
    expect(whole.broken).toEqual([expect.objectContaining({ streamId: 'hazard-b', revision: 2 })]);
  });

  it('a deleted event is reported where the chain breaks', async () => {
    sql('DELETE FROM events WHERE position = ?', await positionOf('hazard-c', 1));
    const result = verifyStream('hazard-c', await store.readStream('hazard-c'));
    expect(result).toMatchObject({ valid: false, events: 3, brokenAt: { streamId: 'hazard-c', revision: 2, reason: 'revision-gap' } });
  });

  it('two swapped events are reported at the first of them', async () => {
    const [p1, p2] = [await positionOf('hazard-a', 1), await positionOf('hazard-a', 2)];
    const db = new Database(temp.file);
    const rows = db.prepare('SELECT position, type, data, metadata FROM events WHERE position IN (?, ?)').all(p1, p2) as { position: number; type: string; data: string; metadata: string }[];
    const put = db.prepare('UPDATE events SET type = ?, data = ?, metadata = ? WHERE position = ?');
    db.transaction(() => {
      put.run(rows[1]!.type, rows[1]!.data, rows[1]!.metadata, rows[0]!.position);
      put.run(rows[0]!.type, rows[0]!.data, rows[0]!.metadata, rows[1]!.position);
    })();
    db.close();
    expect((await verifyStore(store)).broken).toEqual([expect.objectContaining({ streamId: 'hazard-a', revision: 1, reason: 'prev-hash-mismatch' })]);
  });

  describe('against an earlier digest', () => {
    it('passes after more appends', async () => {
      const earlier = await verifyStore(store);
      const head = (await store.readStream('hazard-a'))[3]!.metadata.hash!;
      await store.append('hazard-a', chainEvents(head, testEvents(2)), { expectedRevision: 3 });
      await store.append('hazard-d', chainEvents(GENESIS_HASH, testEvents(1)), { expectedRevision: -1 });
      expect(await compareWithDigest(store, earlier)).toEqual({ valid: true, changed: [] });
    });

    it('fails after an edit, naming the stream and revision', async () => {
      const earlier = await verifyStore(store);
      sql(`UPDATE events SET data = '{"forged":true}' WHERE position = ?`, await positionOf('hazard-c', 0));
      expect(await compareWithDigest(store, earlier)).toEqual({ valid: false, changed: [{ streamId: 'hazard-c', revision: 0, reason: 'chain-broken' }] });
    });

    it('fails when the last event of a stream was deleted', async () => {
      const earlier = await verifyStore(store);
      sql('DELETE FROM events WHERE position = ?', await positionOf('hazard-b', 3));
      expect(await compareWithDigest(store, earlier)).toEqual({ valid: false, changed: [{ streamId: 'hazard-b', revision: 3, reason: 'missing-event' }] });
    });

    it('fails when an edit was covered up by recomputing every hash after it', async () => {
      const earlier = await verifyStore(store);
      const events = await store.readStream('hazard-a');
      const db = new Database(temp.file);
      let prev = GENESIS_HASH;
      for (const e of events) {
        const data = e.revision === 1 ? { forged: true } : e.data;
        const metadata = { ...e.metadata, prevHash: prev };
        const hash = eventHash(prev, { type: e.type, data, metadata });
        db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(JSON.stringify(data), JSON.stringify({ ...metadata, hash }), e.position);
        prev = hash;
      }
      db.close();
      expect((await verifyStore(store)).valid).toBe(true);
      expect(await compareWithDigest(store, earlier)).toEqual({ valid: false, changed: [{ streamId: 'hazard-a', revision: 3, reason: 'head-changed' }] });
    });

    it('refuses a digest file whose heads were edited to match', async () => {
      const earlier = await verifyStore(store);
      await expect(compareWithDigest(store, { ...earlier, heads: { ...earlier.heads, 'hazard-a': { revision: 3, hash: 'f'.repeat(64) } } })).rejects.toThrow('inconsistent');
    });
  });
});

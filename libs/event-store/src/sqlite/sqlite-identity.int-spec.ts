import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { NO_STREAM } from '../event-store.port';
import { tempStoreFile, testEvents, type TempStoreFile } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore identity', () => {
  const temps: TempStoreFile[] = [];
  const fresh = () => {
    const temp = tempStoreFile('identity-');
    temps.push(temp);
    return temp.file;
  };
  afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

  it('is a uuid made when the file is created, the same after reopening, and another for another file', async () => {
    const file = fresh();
    const store = SqliteEventStore.open({ file });
    const first = await store.identity();
    await store.close();
    const reopened = SqliteEventStore.open({ file });
    const other = SqliteEventStore.open({ file: fresh() });

    expect(first).toEqual({ store: 'sqlite', logId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await reopened.identity()).toEqual(first);
    expect((await other.identity()).logId).not.toBe(first.logId);
    await Promise.all([reopened.close(), other.close()]);
  });

  it('travels with a copy of the file (the same log), and a file made before identities gets one on open', async () => {
    const file = fresh();
    const store = SqliteEventStore.open({ file });
    await store.append('hazard-1', testEvents(1), { expectedRevision: NO_STREAM });
    const { logId } = await store.identity();
    await store.close();
    const copy = fresh();
    copyFileSync(file, copy);
    const legacy = new Database(file);
    legacy.exec('DROP TABLE store_meta');
    legacy.pragma('user_version = 1');
    legacy.close();

    const copied = SqliteEventStore.open({ file: copy });
    const upgraded = SqliteEventStore.open({ file });
    expect((await copied.identity()).logId).toBe(logId);
    expect((await upgraded.identity()).logId).not.toBe(logId);
    expect(await upgraded.readStream('hazard-1')).toHaveLength(1);
    await Promise.all([copied.close(), upgraded.close()]);
  });
});

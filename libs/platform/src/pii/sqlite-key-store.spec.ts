import Database from 'better-sqlite3';
import { KeyStoreUnavailableError, SqliteKeyStore, WrappedKey, WrappedKeyExistsError } from '@hazard/platform';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const aWrappedKey = (): WrappedKey => ({ iv: randomBytes(12), ciphertext: randomBytes(32), tag: randomBytes(16) });

describe('SqliteKeyStore', () => {
  let root: string;
  let file: string;
  let store: SqliteKeyStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pii-keys-'));
    file = join(root, 'secrets', 'pii-keys.sqlite');
    store = SqliteKeyStore.open(file);
  });

  afterEach(() => {
    store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps a key across reopening, and answers has, get and any', () => {
    const wrapped = aWrappedKey();
    expect(store.any()).toBeUndefined();
    store.put('tip-1', wrapped);
    store.close();
    store = SqliteKeyStore.open(file);
    expect(store.has('tip-1')).toBe(true);
    expect(store.has('tip-2')).toBe(false);
    expect(store.get('tip-1')).toEqual(wrapped);
    expect(store.get('tip-2')).toBeUndefined();
    expect(store.any()).toEqual({ tipId: 'tip-1', wrapped });
  });

  it('never replaces a key', () => {
    const first = aWrappedKey();
    store.put('tip-1', first);
    expect(() => store.put('tip-1', aWrappedKey())).toThrow(WrappedKeyExistsError);
    expect(store.get('tip-1')).toEqual(first);
  });

  it('destroys one key, idempotently, and keeps the others', () => {
    store.put('tip-1', aWrappedKey());
    store.put('tip-2', aWrappedKey());
    store.destroy('tip-1');
    store.destroy('tip-1');
    store.destroy('tip-never');
    expect(store.has('tip-1')).toBe(false);
    expect(store.any()?.tipId).toBe('tip-2');
  });

  it('creates its directory 0700 and its file and WAL 0600', () => {
    store.put('tip-1', aWrappedKey());
    expect(statSync(join(root, 'secrets')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
  });

  it('leaves the file in WAL mode (synchronous and secure_delete are per connection)', () => {
    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
  });

  it('reports a file it cannot open as KeyStoreUnavailableError', () => {
    const notADatabase = join(root, 'junk.sqlite');
    writeFileSync(notADatabase, 'this is not a database, just forty-odd bytes of text');
    expect(() => SqliteKeyStore.open(notADatabase)).toThrow(KeyStoreUnavailableError);
  });
});

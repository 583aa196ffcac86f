import type { EncryptedReporter } from '@hazard/domain';
import {
  ConfigError,
  IdentityUnavailableError,
  IdentityUnreadableError,
  PII_MASTER_KEY_FILE,
  ReporterIdentity,
  ReporterVault,
  resolveMasterKey,
  SqliteKeyStore,
} from '@hazard/platform';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const aReporter = (overrides: Partial<ReporterIdentity> = {}): ReporterIdentity => ({ name: '王小明', phone: '13912345678', ...overrides });

/** Flips one bit of one base64 field, so the block still parses but no longer authenticates. */
function tampered(block: EncryptedReporter, field: 'iv' | 'ciphertext' | 'tag'): EncryptedReporter {
  const bytes = Buffer.from(block[field], 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return { ...block, [field]: bytes.toString('base64') };
}

/** Every file in the data directory (the key store, its -wal and -shm, the master key), as bytes. */
function filesIn(dir: string): Array<[string, Buffer]> {
  return readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]);
}

describe('ReporterVault', () => {
  let dataDir: string;
  let keys: SqliteKeyStore;
  let vault: ReporterVault;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pii-vault-'));
    keys = SqliteKeyStore.open(join(dataDir, 'pii-keys.sqlite'));
    vault = new ReporterVault(keys, resolveMasterKey(dataDir));
  });

  afterEach(() => {
    keys.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens what it sealed, with and without an id number', () => {
    const block = vault.seal('tip-1', aReporter());
    expect(block).toEqual({ alg: 'AES-256-GCM', iv: expect.any(String), ciphertext: expect.any(String), tag: expect.any(String) });
    expect(Buffer.from(block.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(block.tag, 'base64')).toHaveLength(16);
    expect(vault.open('tip-1', block)).toEqual(aReporter());
    const withId = aReporter({ idNumber: '330106199001011234' });
    expect(vault.open('tip-2', vault.seal('tip-2', withId))).toEqual(withId);
  });

  it('stores the wrapped data key durably before seal returns', () => {
    vault.seal('tip-1', aReporter());
    const other = SqliteKeyStore.open(join(dataDir, 'pii-keys.sqlite'));
    expect(other.has('tip-1')).toBe(true);
    other.close();
  });

  it('leaves neither the name nor the phone in the block, the key store, its WAL or the master-key file', () => {
    const reporter = aReporter({ idNumber: '330106199001011234' });
    const block = vault.seal('tip-1', reporter);
    const files = filesIn(dataDir);
    expect(files.map(([name]) => name)).toEqual(expect.arrayContaining(['pii-keys.sqlite', 'pii-keys.sqlite-wal', PII_MASTER_KEY_FILE]));
    const haystacks: Array<[string, Buffer]> = [
      ['the block', Buffer.from(JSON.stringify(block), 'utf8')],
      ['the ciphertext', Buffer.from(block.ciphertext, 'base64')],
      ...files,
    ];
    for (const [where, bytes] of haystacks) {
      for (const secret of [reporter.name, reporter.phone, reporter.idNumber ?? '']) {
        expect({ where, found: bytes.includes(Buffer.from(secret, 'utf8')) }).toEqual({ where, found: false });
      }
    }
  });

  it.each(['iv', 'ciphertext', 'tag'] as const)('refuses a block whose %s was tampered with', (field) => {
    const block = vault.seal('tip-1', aReporter());
    expect(() => vault.open('tip-1', tampered(block, field))).toThrow(IdentityUnreadableError);
  });

  it('refuses a truncated tag, and a block presented as another tip', () => {
    const block = vault.seal('tip-1', aReporter());
    vault.seal('tip-2', aReporter({ name: '李四' }));
    const shortTag = Buffer.from(block.tag, 'base64').subarray(0, 4).toString('base64');
    expect(() => vault.open('tip-1', { ...block, tag: shortTag })).toThrow(IdentityUnreadableError);
    expect(() => vault.open('tip-2', block)).toThrow(IdentityUnreadableError);
  });

  it('names the tip, not the reporter, when it refuses', () => {
    const block = vault.seal('tip-1', aReporter());
    expect(() => vault.open('tip-1', tampered(block, 'ciphertext'))).toThrow(/tip-1/);
    expect(() => vault.open('tip-1', tampered(block, 'ciphertext'))).not.toThrow(/王小明|13912345678/);
  });

  it('reuses the stored key when a seal is retried, so the first block still opens', () => {
    const first = vault.seal('tip-1', aReporter());
    const retried = vault.seal('tip-1', aReporter());
    expect(retried.iv).not.toEqual(first.iv);
    expect(vault.open('tip-1', first)).toEqual(aReporter());
    expect(vault.open('tip-1', retried)).toEqual(aReporter());
  });

  describe('shred', () => {
    it('makes the identity unavailable for ever and is idempotent', () => {
      const block = vault.seal('tip-1', aReporter());
      const kept = vault.seal('tip-2', aReporter({ name: '李四' }));
      vault.shred('tip-1');
      vault.shred('tip-1');
      expect(() => vault.open('tip-1', block)).toThrow(IdentityUnavailableError);
      expect(keys.has('tip-1')).toBe(false);
      expect(vault.open('tip-2', kept)).toEqual(aReporter({ name: '李四' }));
    });

    it('leaves no copy of the wrapped key in the key-store file or its WAL once checkpointed', () => {
      vault.seal('tip-1', aReporter());
      const wrapped = keys.get('tip-1');
      if (!wrapped) throw new Error('the seal stored no key');
      const before = Buffer.concat(filesIn(dataDir).map(([, bytes]) => bytes));
      expect(before.includes(wrapped.ciphertext)).toBe(true);
      vault.shred('tip-1');
      // shred checkpoints (TRUNCATE) itself; the store stays open, as in a running server.
      for (const [name, bytes] of filesIn(dataDir)) {
        for (const part of [wrapped.ciphertext, wrapped.tag, wrapped.iv]) {
          expect({ name, found: bytes.includes(part) }).toEqual({ name, found: false });
        }
      }
    });
  });

  describe('verifyMasterKey', () => {
    it('accepts any master key while the store is empty, and the right one once it holds keys', () => {
      expect(() => vault.verifyMasterKey()).not.toThrow();
      vault.seal('tip-1', aReporter());
      expect(() => vault.verifyMasterKey()).not.toThrow();
    });

    it('refuses a master key that opens no stored key, naming PII_MASTER_KEY', () => {
      vault.seal('tip-1', aReporter());
      const stranger = new ReporterVault(keys, resolveMasterKey(dataDir, randomBytes(32).toString('hex')));
      expect(() => stranger.verifyMasterKey()).toThrow(ConfigError);
      expect(() => stranger.verifyMasterKey()).toThrow('PII_MASTER_KEY');
      expect(() => stranger.open('tip-1', vault.seal('tip-1', aReporter()))).toThrow(IdentityUnreadableError);
    });
  });
});

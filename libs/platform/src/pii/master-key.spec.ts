import { ConfigError, PII_MASTER_KEY_FILE, parseMasterKey, resolveMasterKey } from '@hazard/platform';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEX = 'a1'.repeat(32);

describe('resolveMasterKey', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pii-master-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes PII_MASTER_KEY as 32 bytes, either case, and writes no file', () => {
    expect(resolveMasterKey(dataDir, HEX)).toEqual(Buffer.alloc(32, 0xa1));
    expect(resolveMasterKey(dataDir, HEX.toUpperCase())).toEqual(Buffer.alloc(32, 0xa1));
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it.each([
    ['too short', 'a1'.repeat(31) + 'a'],
    ['too long', HEX + '0'],
    ['not hex', 'zz'.repeat(32)],
    ['base64 of 32 bytes', Buffer.alloc(32, 7).toString('base64')],
  ])('refuses a PII_MASTER_KEY that is %s, naming the variable but not the value', (_why, value) => {
    expect(() => resolveMasterKey(dataDir, value)).toThrow(ConfigError);
    expect(() => resolveMasterKey(dataDir, value)).toThrow('PII_MASTER_KEY');
    expect(() => parseMasterKey(value)).not.toThrow(value);
  });

  it('generates a key once into DATA_DIR/pii-master-key, mode 0600, and keeps using it', () => {
    const nested = join(dataDir, 'fresh', 'data');
    const key = resolveMasterKey(nested);
    const file = join(nested, PII_MASTER_KEY_FILE);
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(key.toString('hex'));
    expect(resolveMasterKey(nested)).toEqual(key);
    expect(resolveMasterKey(nested, '  ')).toEqual(key);
    expect(readdirSync(nested)).toEqual([PII_MASTER_KEY_FILE]);
  });

  it('uses a key file another replica wrote, and refuses a corrupt one naming PII_MASTER_KEY', () => {
    writeFileSync(join(dataDir, PII_MASTER_KEY_FILE), `${HEX}\n`, { mode: 0o600 });
    expect(resolveMasterKey(dataDir)).toEqual(Buffer.alloc(32, 0xa1));
    writeFileSync(join(dataDir, PII_MASTER_KEY_FILE), 'not a key');
    expect(() => resolveMasterKey(dataDir)).toThrow(ConfigError);
    expect(() => resolveMasterKey(dataDir)).toThrow(/PII_MASTER_KEY.*pii-master-key/);
  });
});

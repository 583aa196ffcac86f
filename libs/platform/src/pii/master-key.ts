import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { makePrivateDir } from '../stores/private-files';
import { KEY_BYTES } from './aes-gcm';

export const PII_MASTER_KEY_FILE = 'pii-master-key';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** PII_MASTER_KEY's format: exactly 64 hex characters (32 bytes). The message never repeats the value. */
export function parseMasterKey(hex: string, source = 'must be'): Buffer {
  if (!HEX_KEY.test(hex)) {
    throw new ConfigError('PII_MASTER_KEY', `${source} exactly 64 hexadecimal characters (a 256-bit key), got ${hex.length} characters`);
  }
  return Buffer.from(hex, 'hex');
}

/**
 * PII_MASTER_KEY when set; otherwise a key generated once into `DATA_DIR/pii-master-key` (mode 0600, 64 hex
 * characters, so it can be moved into PII_MASTER_KEY as it is).
 */
export function resolveMasterKey(dataDir: string, configured?: string): Buffer {
  const value = configured?.trim();
  if (value) return parseMasterKey(value);
  makePrivateDir(dataDir);
  const file = join(dataDir, PII_MASTER_KEY_FILE);
  if (!existsSync(file)) generateOnce(file);
  return parseMasterKey(readFileSync(file, 'utf8').trim(), `is unset, and ${file} is not`);
}

/**
 * Written whole to a private temporary file (`wx`), then linked into place: `link` fails if the file exists,
 * so a second replica starting at the same moment uses the first one's key, and never reads a half-written
 * one, as it could if the key file itself were created empty and then filled. Both are fsynced: keys wrapped
 * under it go durably into the key store, so losing it in a power cut would lose every identity.
 */
function generateOnce(file: string): void {
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    syncWrite(draft, randomBytes(KEY_BYTES).toString('hex'));
    linkSync(draft, file);
    fsyncDirectory(dirname(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function syncWrite(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

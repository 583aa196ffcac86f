import type { EncryptedReporter } from '@hazard/domain';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config/config-error';
import { gcmOpen, gcmSeal, KEY_BYTES, type GcmBox } from './aes-gcm';
import type { KeyStore, WrappedKey } from './key-store.port';
import { IdentityUnavailableError, IdentityUnreadableError, WrappedKeyExistsError } from './pii.errors';
import { decodeIdentity, encodeIdentity } from './identity-codec';
import type { ReporterIdentity } from './reporter-identity';

/**
 * Envelope encryption of reporter identities (DESIGN.md "Identity protection"): one fresh 256-bit data key
 * per tip, wrapped by the master key and kept in the key store; the event holds only the AES-256-GCM block.
 * Shredding the wrapped key makes the block unreadable for ever while the event and its hash chain stay.
 * Nothing here logs, and no error carries plaintext or a decryption cause.
 */
export class ReporterVault {
  private readonly masterKey: Buffer;

  constructor(private readonly keys: KeyStore, masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) throw new ConfigError('PII_MASTER_KEY', 'must be a 256-bit key (32 bytes)');
    this.masterKey = Buffer.from(masterKey);
  }

  /**
   * Encrypts the identity under the tip's data key, which is durable in the key store when this returns, so
   * the caller appends `TipReceived` only after the key that opens it is safe. A retried seal for the same
   * tip reuses the stored key: replacing it could shred a block an earlier attempt already appended.
   */
  seal(tipId: string, identity: ReporterIdentity): EncryptedReporter {
    const dataKey = this.dataKeyFor(tipId);
    const plaintext = encodeIdentity(identity);
    try {
      const box = gcmSeal(dataKey, plaintext, tipId);
      return { alg: 'AES-256-GCM', iv: box.iv.toString('base64'), ciphertext: box.ciphertext.toString('base64'), tag: box.tag.toString('base64') };
    } finally {
      plaintext.fill(0);
      dataKey.fill(0);
    }
  }

  /** Throws `IdentityUnavailableError` once shredded, `IdentityUnreadableError` if anything fails authentication. */
  open(tipId: string, encrypted: EncryptedReporter): ReporterIdentity {
    const wrapped = this.keys.get(tipId);
    if (!wrapped) throw new IdentityUnavailableError(tipId);
    if (encrypted.alg !== 'AES-256-GCM') throw new IdentityUnreadableError(tipId, 'unknown algorithm');
    const dataKey = this.unwrap(tipId, wrapped);
    if (!dataKey) throw new IdentityUnreadableError(tipId, 'its data key does not open with this master key');
    const plaintext = gcmOpen(dataKey, fromBase64(encrypted), tipId);
    dataKey.fill(0);
    if (!plaintext) throw new IdentityUnreadableError(tipId, 'the reporter block fails authentication');
    const identity = decodeIdentity(plaintext);
    plaintext.fill(0);
    if (!identity) throw new IdentityUnreadableError(tipId, 'the reporter block is not an identity');
    return identity;
  }

  /** Crypto-shredding: destroys the tip's data key. Idempotent, so an erasure cut by a crash can be finished. */
  shred(tipId: string): void {
    this.keys.destroy(tipId);
  }

  /** Start-up check: a master key that opens no stored key would make every identity unreadable, so refuse it. */
  verifyMasterKey(): void {
    const sample = this.keys.any();
    if (!sample) return;
    const dataKey = this.unwrap(sample.tipId, sample.wrapped);
    if (!dataKey) {
      throw new ConfigError(
        'PII_MASTER_KEY',
        `opens no stored key: the key store's data keys (e.g. tip ${sample.tipId}) were wrapped under another master key; ` +
          'restore the original PII_MASTER_KEY or DATA_DIR/pii-master-key',
      );
    }
    dataKey.fill(0);
  }

  private dataKeyFor(tipId: string): Buffer {
    const held = this.keys.get(tipId);
    if (held) return this.unwrapOrRefuse(tipId, held);
    const dataKey = randomBytes(KEY_BYTES);
    try {
      this.keys.put(tipId, gcmSeal(this.masterKey, dataKey, tipId));
      return dataKey;
    } catch (error) {
      dataKey.fill(0);
      if (!(error instanceof WrappedKeyExistsError)) throw error;
      // Another replica sealed the same tip between our get and put: use its key.
      const theirs = this.keys.get(tipId);
      if (!theirs) throw error;
      return this.unwrapOrRefuse(tipId, theirs);
    }
  }

  private unwrapOrRefuse(tipId: string, wrapped: WrappedKey): Buffer {
    const dataKey = this.unwrap(tipId, wrapped);
    if (!dataKey) throw new IdentityUnreadableError(tipId, 'its stored data key does not open with this master key');
    return dataKey;
  }

  private unwrap(tipId: string, wrapped: WrappedKey): Buffer | undefined {
    const dataKey = gcmOpen(this.masterKey, wrapped, tipId);
    if (dataKey && dataKey.length === KEY_BYTES) return dataKey;
    dataKey?.fill(0);
    return undefined;
  }
}

function fromBase64(encrypted: EncryptedReporter): GcmBox {
  return {
    iv: Buffer.from(encrypted.iv, 'base64'),
    ciphertext: Buffer.from(encrypted.ciphertext, 'base64'),
    tag: Buffer.from(encrypted.tag, 'base64'),
  };
}

/** A tip's 32-byte data key, AES-256-GCM encrypted under the master key (random 96-bit IV, tipId as additional data). */
export interface WrappedKey {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/**
 * Where the wrapped data keys live: outside the event store, so destroying one shreds the identity while the
 * ciphertext and the hash chain stay. One store serves every replica and is backed up apart from the events.
 */
export interface KeyStore {
  /** Durable before it returns. Never replaces a key: throws `WrappedKeyExistsError` if the tip has one. */
  put(tipId: string, wrapped: WrappedKey): void;
  get(tipId: string): WrappedKey | undefined;
  /** Removes the key so that its bytes are gone from the store's files; idempotent. */
  destroy(tipId: string): void;
  has(tipId: string): boolean;
  /** Some stored key, for checking at start-up that the master key opens what the store holds. */
  any(): { readonly tipId: string; readonly wrapped: WrappedKey } | undefined;
  close(): void;
}

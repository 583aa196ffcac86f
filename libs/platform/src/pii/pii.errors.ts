/**
 * Failures of the reporter-identity vault. Messages name the tip, never the identity: callers may log them,
 * and an error must not be the way a name or phone number leaves the vault.
 */
export abstract class PiiError extends Error {
  abstract readonly code: string;
}

/** The tip's data key is not in the key store: it was shredded (erasure) or never stored. */
export class IdentityUnavailableError extends PiiError {
  readonly code = 'PII.IDENTITY_UNAVAILABLE';
  constructor(readonly tipId: string) {
    super(`the reporter identity of tip ${tipId} is unavailable: its data key is not in the key store`);
  }
}

/**
 * The reporter block or its wrapped key fails authentication: tampered bytes, another tip's block, or a key
 * wrapped under another master key. No cause is attached, so no decoder message can echo decrypted bytes.
 */
export class IdentityUnreadableError extends PiiError {
  readonly code = 'PII.IDENTITY_UNREADABLE';
  constructor(readonly tipId: string, why: string) {
    super(`the reporter identity of tip ${tipId} cannot be read: ${why}`);
  }
}

/** A wrapped key is never replaced: the old one may already be the only key to an appended reporter block. */
export class WrappedKeyExistsError extends PiiError {
  readonly code = 'PII.KEY_EXISTS';
  constructor(readonly tipId: string) {
    super(`the key store already holds a data key for tip ${tipId}`);
  }
}

export class KeyStoreUnavailableError extends PiiError {
  readonly code = 'PII.KEY_STORE_UNAVAILABLE';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

import type { ReporterIdentity } from './reporter-identity';

/** The plaintext that is encrypted: only the three known fields, so nothing else rides along. */
export function encodeIdentity(identity: ReporterIdentity): Buffer {
  const { name, phone, idNumber } = identity;
  return Buffer.from(JSON.stringify(idNumber === undefined ? { name, phone } : { name, phone, idNumber }), 'utf8');
}

/** Undefined for anything that is not an identity; never throws, so no parser message can quote the text. */
export function decodeIdentity(plaintext: Buffer): ReporterIdentity | undefined {
  let value: unknown;
  try {
    value = JSON.parse(plaintext.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, phone, idNumber } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof phone !== 'string') return undefined;
  if (idNumber !== undefined && typeof idNumber !== 'string') return undefined;
  return idNumber === undefined ? { name, phone } : { name, phone, idNumber };
}

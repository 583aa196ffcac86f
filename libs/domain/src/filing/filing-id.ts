import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace: a command names the same filing on every machine, forever. */
const FILING_NAMESPACE = '5f0c2d7e-8a41-4b6c-9e3d-2a7b1c4d6e8f';

/** filingId = UUID v5 of the commandId (the Idempotency-Key's), so a retried filing lands on its own stream. */
export function filingIdFor(commandId: string): string {
  return uuidv5(commandId, FILING_NAMESPACE);
}

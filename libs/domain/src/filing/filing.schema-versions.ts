import { Upcaster } from '../shared/upcasting';

/** Every filing event is still at its first shape. */
export function filingSchemaVersionOf(_eventType: string): number {
  return 1;
}

export const FILING_UPCASTERS: readonly Upcaster[] = [];

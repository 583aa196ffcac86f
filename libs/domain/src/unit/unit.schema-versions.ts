import { Upcaster } from '../shared/upcasting';

/** Every unit event is still at its first shape. */
export function unitSchemaVersionOf(_eventType: string): number {
  return 1;
}

export const UNIT_UPCASTERS: readonly Upcaster[] = [];

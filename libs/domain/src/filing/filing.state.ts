import { Filing } from './filing.events';

/** A filing stream holds one fact: the report as filed. */
export type FilingState = { readonly exists: false } | { readonly exists: true; readonly filing: Filing };

export function initialFilingState(): FilingState {
  return { exists: false };
}

import { Actor } from '../shared/actor';

/**
 * 文号 sequences: one stream per (prefix, year), `docno-<year>-<first 16 hex of sha256(prefix)>`, whose n-th
 * event assigns number n. Appending at the expected revision makes the numbers gap-free and unique across
 * processes; drawing again for the same imposition returns its number and appends nothing.
 */
export interface DrawDocumentNumber {
  readonly type: 'DrawDocumentNumber';
  /** `<year>-<first 16 hex of sha256(prefix)>`, computed at the edge (the domain hashes nothing). */
  readonly sequenceId: string;
  readonly data: { readonly prefix: string; readonly year: number; readonly hazardId: string; readonly supervisionId: string };
  readonly actor: Actor;
  readonly now: string;
  readonly commandId?: string;
}

export type DocumentNumberCommand = DrawDocumentNumber;

export interface DocumentNumberAssigned {
  readonly type: 'DocumentNumberAssigned';
  readonly data: {
    readonly prefix: string;
    readonly year: number;
    readonly number: number;
    readonly documentNo: string;
    readonly hazardId: string;
    readonly supervisionId: string;
  };
}

export type DocumentNumberEvent = DocumentNumberAssigned;

export const DOCUMENT_NUMBER_EVENT_TYPES: readonly DocumentNumberEvent['type'][] = ['DocumentNumberAssigned'];

import { systemDocumentNo } from '../hazard/decisions/supervision-document.decisions';
import { DocumentNumberCommand, DocumentNumberEvent } from './document-number.messages';

export interface DocumentNumberState {
  /** The last number drawn; 0 before the first. */
  readonly last: number;
  /** Each imposition's number, so drawing twice for one imposition draws once. */
  readonly drawn: Readonly<Record<string, { readonly number: number; readonly documentNo: string }>>;
}

export function initialDocumentNumberState(): DocumentNumberState {
  return { last: 0, drawn: {} };
}

export function decideDocumentNumber(command: DocumentNumberCommand, state: DocumentNumberState): DocumentNumberEvent[] {
  const { prefix, year, hazardId, supervisionId } = command.data;
  if (state.drawn[supervisionId]) return [];
  const number = state.last + 1;
  return [{ type: 'DocumentNumberAssigned', data: { prefix, year, number, documentNo: systemDocumentNo(prefix, year, number), hazardId, supervisionId } }];
}

export function evolveDocumentNumber(state: DocumentNumberState, event: DocumentNumberEvent): DocumentNumberState {
  const { number, documentNo, supervisionId } = event.data;
  return { last: Math.max(state.last, number), drawn: { ...state.drawn, [supervisionId]: { number, documentNo } } };
}

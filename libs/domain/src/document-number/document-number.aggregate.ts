import { ForbiddenError } from '../hazard/hazard.errors';
import { Aggregate } from '../shared/aggregate';
import { createDecoder } from '../shared/decoder';
import { decideDocumentNumber, DocumentNumberState, evolveDocumentNumber, initialDocumentNumberState } from './document-number.decider';
import { DOCUMENT_NUMBER_EVENT_TYPES, DocumentNumberCommand, DocumentNumberEvent } from './document-number.messages';

export const documentNumberDecoder = createDecoder<DocumentNumberEvent>({ streamPrefix: 'docno-', eventTypes: DOCUMENT_NUMBER_EVENT_TYPES, upcasters: [] });

/** Only the system draws numbers: a person never picks the next 文号. */
export const documentNumberAggregate: Aggregate<DocumentNumberCommand, DocumentNumberEvent, DocumentNumberState> = {
  decider: { decide: decideDocumentNumber, evolve: evolveDocumentNumber, initialState: initialDocumentNumberState },
  decoder: documentNumberDecoder,
  idOf: (command) => command.sequenceId,
  authorize: (command) => {
    if (!command.actor.roles.includes('admin')) throw new ForbiddenError('document numbers are drawn by the system only');
  },
  schemaVersionOf: () => 1,
};

import { createDecoder } from '../shared/decoder';
import { FILING_EVENT_TYPES, FilingEvent } from './filing.events';
import { FILING_UPCASTERS } from './filing.schema-versions';

/** Every stored event of a `report-filing-<filingId>` stream becomes a FilingEvent here, and nowhere else. */
export const filingDecoder = createDecoder<FilingEvent>({
  streamPrefix: 'report-filing-',
  eventTypes: FILING_EVENT_TYPES,
  upcasters: FILING_UPCASTERS,
});

import { createDecoder } from '../shared/decoder';
import { UNIT_EVENT_TYPES, UnitEvent } from './unit.events';
import { UNIT_UPCASTERS } from './unit.schema-versions';

/** Every stored event of a `unit-<creditCode>` stream becomes a UnitEvent here, and nowhere else. */
export const unitDecoder = createDecoder<UnitEvent>({
  streamPrefix: 'unit-',
  eventTypes: UNIT_EVENT_TYPES,
  upcasters: UNIT_UPCASTERS,
});

import { createDecoder } from '../shared/decoder';
import { HAZARD_EVENT_TYPES, HazardEvent } from './hazard.events';
import { HAZARD_UPCASTERS } from './hazard.schema-versions';

/** Every stored event of a `hazard-<id>` stream becomes a HazardEvent here, and nowhere else. */
export const hazardDecoder = createDecoder<HazardEvent>({
  streamPrefix: 'hazard-',
  eventTypes: HAZARD_EVENT_TYPES,
  upcasters: HAZARD_UPCASTERS,
});

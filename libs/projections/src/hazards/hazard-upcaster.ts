import { HAZARD_UPCASTERS } from '@hazard/domain';
import { createUpcaster } from '@hazard/event-store';

/** Old shapes of hazard events brought to the current schemaVersion before they are projected. */
export const upcastHazardEvent = createUpcaster(HAZARD_UPCASTERS);

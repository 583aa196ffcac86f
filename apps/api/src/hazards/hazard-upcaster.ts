import { HAZARD_UPCASTERS } from '@hazard/domain';
import { createUpcaster } from '@hazard/event-store';

/** Every read of a hazard stream that folds events goes through this, so old shapes fold like new ones. */
export const upcastHazardEvent = createUpcaster(HAZARD_UPCASTERS);

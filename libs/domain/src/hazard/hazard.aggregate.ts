import { Aggregate } from '../shared/aggregate';
import { authorize } from './access-policy';
import { HazardCommand } from './hazard.commands';
import { decide } from './hazard.decide';
import { hazardDecoder } from './hazard.decoder';
import { HazardEvent } from './hazard.events';
import { evolve } from './hazard.evolve';
import { schemaVersionOf } from './hazard.schema-versions';
import { HazardState, initialState } from './hazard.state';

/** The hazard (隐患) as the generic command path runs it: one stream per hazard, `hazard-<hazardId>`. */
export const hazardAggregate: Aggregate<HazardCommand, HazardEvent, HazardState> = {
  decider: { decide, evolve, initialState },
  decoder: hazardDecoder,
  idOf: (command) => command.hazardId,
  authorize,
  schemaVersionOf,
};

import { Aggregate } from '../shared/aggregate';
import { authorize } from './access-policy';
import { HazardCommand } from './hazard.commands';
import { decide } from './hazard.decide';
import { hazardDecoder } from './hazard.decoder';
import { HazardEvent } from './hazard.events';
import { evolve } from './hazard.evolve';
import { DEFAULT_HAZARD_RULES, HazardRules } from './hazard-rules';
import { schemaVersionOf } from './hazard.schema-versions';
import { HazardState, initialState } from './hazard.state';

/**
 * The hazard (隐患) as the generic command path runs it: one stream per hazard, `hazard-<hazardId>`. The
 * configured rules are stamped on every command it decides (one the caller stamped itself keeps its own).
 */
export function hazardAggregateWith(rules: HazardRules): Aggregate<HazardCommand, HazardEvent, HazardState> {
  const withRules = (command: HazardCommand): HazardCommand => (command.rules ? command : { ...command, rules });
  return {
    decider: { decide: (command, state) => decide(withRules(command), state), evolve, initialState },
    decoder: hazardDecoder,
    idOf: (command) => command.hazardId,
    authorize: (command, state) => authorize(withRules(command), state),
    schemaVersionOf,
  };
}

export const hazardAggregate = hazardAggregateWith(DEFAULT_HAZARD_RULES);

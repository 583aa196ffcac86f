import { Aggregate } from '../shared/aggregate';
import { authorizeUnit } from './unit.access';
import { UnitCommand } from './unit.commands';
import { decideUnit } from './unit.decide';
import { unitDecoder } from './unit.decoder';
import { UnitEvent } from './unit.events';
import { evolveUnit } from './unit.evolve';
import { unitSchemaVersionOf } from './unit.schema-versions';
import { initialUnitState, UnitState } from './unit.state';

/** The registered unit (企业) as the generic command path runs it: one stream per unit, `unit-<creditCode>`. */
export const unitAggregate: Aggregate<UnitCommand, UnitEvent, UnitState> = {
  decider: { decide: decideUnit, evolve: evolveUnit, initialState: initialUnitState },
  decoder: unitDecoder,
  idOf: (command) => command.creditCode,
  authorize: authorizeUnit,
  schemaVersionOf: unitSchemaVersionOf,
};

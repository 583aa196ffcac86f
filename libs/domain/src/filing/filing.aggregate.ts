import { Aggregate } from '../shared/aggregate';
import { authorizeFiling } from './filing.access';
import { FilingCommand } from './filing.commands';
import { decideFiling } from './filing.decide';
import { filingDecoder } from './filing.decoder';
import { FilingEvent } from './filing.events';
import { evolveFiling } from './filing.evolve';
import { filingIdFor } from './filing-id';
import { filingSchemaVersionOf } from './filing.schema-versions';
import { FilingState, initialFilingState } from './filing.state';

/** The 统计分析表 filing (报送) as the generic command path runs it: one stream per filing, `report-filing-<filingId>`. */
export const filingAggregate: Aggregate<FilingCommand, FilingEvent, FilingState> = {
  decider: { decide: decideFiling, evolve: evolveFiling, initialState: initialFilingState },
  decoder: filingDecoder,
  idOf: (command) => filingIdFor(command.data.commandId),
  authorize: authorizeFiling,
  schemaVersionOf: filingSchemaVersionOf,
};

import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { mergeMap, Observable } from 'rxjs';
import { HazardEventRecorded } from '../relay/hazard-event-recorded.event';
import { FinishNumberingCommand } from './finish-numbering.command';

/**
 * Finishes an interrupted numbering: every SupervisionImposed the system is to number gets its 文号, even when
 * the request that imposed it died between the imposition and the number. Synchronous operators only, so the
 * relay can wait for the command before moving its checkpoint.
 */
@Injectable()
export class NumberingSagas {
  @Saga()
  number = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(HazardEventRecorded),
      mergeMap(({ event, recorded, after }) => {
        if (event.type !== 'SupervisionImposed' || event.data.numbering !== 'system' || !after.exists) return [];
        const { supervisionId, imposedAt } = event.data;
        if (!supervisionId || !imposedAt) return [];
        const cause = { causeEventId: recorded.id, correlationId: recorded.metadata.correlationId };
        return [new FinishNumberingCommand({ hazardId: after.hazardId, supervisionId, imposedAt, ...cause })];
      }),
    );
}

import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { mergeMap, Observable } from 'rxjs';
import { HazardEventRecorded } from '../relay/hazard-event-recorded.event';
import { EvaluateLadderCommand } from './evaluate-ladder.command';

/** The events that set a deadline or record it missed: the ladder is looked at again right after each. */
const LADDER_EVENTS = new Set(['RectificationAssigned', 'DeadlineExtended', 'RectificationOverdue']);

@Injectable()
export class LadderSagas {
  @Saga()
  ladder = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(HazardEventRecorded),
      mergeMap(({ event, recorded, after }) =>
        LADDER_EVENTS.has(event.type) && after.exists
          ? [new EvaluateLadderCommand(after.hazardId, { eventId: recorded.id, correlationId: recorded.metadata.correlationId })]
          : [],
      ),
    );
}

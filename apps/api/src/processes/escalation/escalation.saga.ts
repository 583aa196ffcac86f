import { Inject, Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { EscalationPolicy, escalationsFor } from '@hazard/domain';
import { mergeMap, Observable } from 'rxjs';
import { AppConfig } from '@hazard/platform';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { HazardEventRecorded } from '../relay/hazard-event-recorded.event';
import { ApplyEscalationCommand } from './apply-escalation.command';

/**
 * 挂牌督办 by the system: every recorded hazard event goes through the pure `escalationsFor` (the rules live
 * there, in libs/domain), and each escalation it returns becomes a command. Synchronous operators only, so
 * the relay can wait for the commands before it moves its checkpoint.
 */
@Injectable()
export class EscalationSagas {
  private readonly policy: EscalationPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = { superviseMajor: config.superviseMajor };
  }

  @Saga()
  escalate = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(HazardEventRecorded),
      mergeMap(({ recorded, event, before, after }) =>
        escalationsFor({ event, before, after }, this.policy).map((escalation) => new ApplyEscalationCommand(escalation, recorded)),
      ),
    );
}

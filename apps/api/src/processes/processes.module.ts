import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Database } from 'better-sqlite3';
import { AppConfig } from '@hazard/platform';
import { HazardsModule } from '../hazards/hazards.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TipsModule } from '../tips/tips.module';
import { EvaluateLadderHandler } from './notifications/evaluate-ladder.command';
import { LadderSagas } from './notifications/ladder.saga';
import { IdentityShredder } from './identity-shredder';
import { FinishNumberingHandler } from './numbering/finish-numbering.command';
import { NumberingSagas } from './numbering/numbering.saga';
import { APP_CONFIG } from '../infrastructure/config.module';
import { DeadlineScheduler } from './deadlines/deadline-scheduler.service';
import { MarkClosureReviewOverdueHandler } from './deadlines/mark-closure-review-overdue.command';
import { MarkOverdueHandler } from './deadlines/mark-overdue.command';
import { MarkTipDeadlineHandler } from './deadlines/mark-tip-overdue.command';
import { ApplyEscalationHandler } from './escalation/apply-escalation.command';
import { EscalationSagas } from './escalation/escalation.saga';
import { SagaCommandsInFlight } from './escalation/saga-commands-in-flight';
import { PROCESSES_DB, openProcessesDb } from './processes-db';
import { EventBusRelay } from './relay/event-bus-relay.service';
import { SystemCommandSender } from './system-commands';

/**
 * The process managers: the deadline scheduler (MarkOverdue, MarkClosureReviewOverdue), the numbering of
 * 督办通知书 and the escalation sagas fed by the
 * EventBusRelay. Both keep their state and checkpoints in DATA_DIR/processes.sqlite, which is not a read
 * model: deleting it is safe (everything is replayed and deduplicated) but never needed for a rebuild.
 */
@Module({
  imports: [CqrsModule, HazardsModule, SupervisionModule, TipsModule, NotificationsModule],
  providers: [
    { provide: PROCESSES_DB, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openProcessesDb(config.dataDir) },
    SystemCommandSender,
    DeadlineScheduler,
    MarkOverdueHandler,
    MarkClosureReviewOverdueHandler,
    MarkTipDeadlineHandler,
    SagaCommandsInFlight,
    EscalationSagas,
    ApplyEscalationHandler,
    EventBusRelay,
    NumberingSagas,
    IdentityShredder,
    LadderSagas,
    EvaluateLadderHandler,
    FinishNumberingHandler,
  ],
  exports: [DeadlineScheduler, EventBusRelay],
})
export class ProcessesModule implements OnApplicationShutdown {
  constructor(@Inject(PROCESSES_DB) private readonly db: Database) {}

  /** After every provider's onModuleDestroy has stopped the loops that write to it. */
  onApplicationShutdown(): void {
    this.db.close();
  }
}

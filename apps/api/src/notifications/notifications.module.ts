import { Module } from '@nestjs/common';
import { DeliveryModule } from './delivery/delivery.module';
import { NotificationLadder } from './notification-ladder.service';

/** 通知: the escalation ladder's process manager and its delivery (the reads are the hazard's: HazardReader). */
@Module({
  imports: [DeliveryModule],
  providers: [NotificationLadder],
  exports: [NotificationLadder],
})
export class NotificationsModule {}

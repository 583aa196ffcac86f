import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore, verifyStore } from '@hazard/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every stream's chain re-checked, and the digest over all stream heads (same as `npm run cli -- digest`). */
  @Get()
  async check() {
    const { valid, streams, events, digest, broken } = await verifyStore(this.store);
    return { valid, streams, events, digest, ...(broken.length ? { brokenAt: broken } : {}) };
  }
}

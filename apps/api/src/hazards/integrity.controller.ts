import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { STORE_INTEGRITY } from './dto/hazard-responses.schema';
import { ForbiddenError, readScopeOf } from '@hazard/domain';
import { EventStore, verifyStore } from '@hazard/event-store';
import { actorOf, Claims } from '@hazard/platform';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Every stream's chain re-checked, and the digest over all stream heads (same as `npm run cli -- digest`). Only
   * for those who read every hazard (reviewer, admin); anyone else 403 — it names no hazard, so a 403 tells nothing.
   */
  @Get()
  @ApiAnswer('every stream’s chain re-checked and the digest over all stream heads (reviewers, admins)', STORE_INTEGRITY)
  @ApiErrors(...SECURED, [403, 'not a reviewer or admin'])
  async check(@CurrentClaims() claims: Claims) {
    if (!readScopeOf(actorOf(claims)).all) throw new ForbiddenError('the store-wide integrity check is for reviewers and admins');
    const { valid, streams, events, digest, broken } = await verifyStore(this.store);
    return { valid, streams, events, digest, ...(broken.length ? { brokenAt: broken } : {}) };
  }
}

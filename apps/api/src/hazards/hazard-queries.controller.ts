import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { HAZARD_HISTORY, HAZARD_NOTIFICATIONS, HAZARD_TRAIL, HAZARD_VIEW, STREAM_INTEGRITY } from './dto/hazard-responses.schema';
import { actorOf, Claims } from '@hazard/platform';
import { FastifyReply } from 'fastify';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { StateQueryDto } from './dto/state-query.dto';
import { HazardId } from './hazard-id.param';
import { HazardReader, HazardView } from './hazard.reader';

/**
 * A hazard's reads, replayed from its stream, each within the reader's scope (API.md "Read scope"): outside it,
 * the answer is an unknown hazard's 404; a rectifier gets no `source` and no `tipNo`.
 */
@ApiTags('queries')
@ApiBearerAuth()
@ApiErrors(...SECURED, [400, 'id is not a hazard id (UUID)'], 404)
@Controller('hazards')
export class HazardQueriesController {
  constructor(private readonly reader: HazardReader) {}

  /** The current state replayed from the hazard's stream; ETag is its revision, for If-Match. */
  @Get(':id')
  @ApiAnswer('the current state replayed from the hazard’s stream; ETag = revision, for If-Match', HAZARD_VIEW)
  async get(@HazardId() id: string, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply): Promise<HazardView> {
    const view = await this.reader.current(id, actorOf(claims));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  @Get(':id/history')
  @ApiAnswer('every event as stored, with actor, time and hashes', HAZARD_HISTORY)
  async history(@HazardId() id: string, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const json = await this.reader.historyJson(id, actorOf(claims));
    // Already serialized (once per revision, in the reader): the header Fastify would have set for an object.
    reply.header('content-type', 'application/json; charset=utf-8');
    return json;
  }

  /** Time travel: the state as it stood at `asOf` or at `revision`. */
  @Get(':id/state')
  @ApiAnswer('the state as it stood at asOf (a time) or at revision: give exactly one', HAZARD_VIEW)
  @ApiErrors([400, 'id is not a hazard id (UUID), or not exactly one of asOf and revision is given'])
  state(@HazardId() id: string, @Query() query: StateQueryDto, @CurrentClaims() claims: Claims): Promise<HazardView> {
    if ((query.asOf === undefined) === (query.revision === undefined)) {
      throw new BadRequestException('give exactly one of asOf (ISO-8601 time) or revision');
    }
    return this.reader.asOf(id, { time: query.asOf, revision: query.revision }, actorOf(claims));
  }

  /** Who was responsible when, deadlines and extensions, overdue days per unit, verifications that did not hold, 迟报. */
  @Get(':id/trail')
  @ApiAnswer('the accountability trail: who answered when, deadlines, extensions, overdue days per unit, 迟报', HAZARD_TRAIL)
  trail(@HazardId() id: string, @CurrentClaims() claims: Claims) {
    return this.reader.trail(id, actorOf(claims));
  }

  /** Who was told what and when: every notice of the ladder with its delivery outcome. */
  @Get(':id/notifications')
  @ApiAnswer('every notice of the escalation ladder with its delivery outcome', HAZARD_NOTIFICATIONS)
  notifications(@HazardId() id: string, @CurrentClaims() claims: Claims) {
    return this.reader.notifications(id, actorOf(claims));
  }

  @Get(':id/integrity')
  @ApiAnswer('the hazard’s hash chain recomputed from what is stored', STREAM_INTEGRITY)
  integrity(@HazardId() id: string, @CurrentClaims() claims: Claims) {
    return this.reader.integrity(id, actorOf(claims));
  }
}

import { Controller, ForbiddenException, Get, Header, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { STREAM_INTEGRITY } from '../hazards/dto/hazard-responses.schema';
import { REPORTER_IDENTITY, TIP_HISTORY, TIP_VIEW } from './dto/tip-responses.schema';
import { Actor, ExistingTip, tipInRegions } from '@hazard/domain';
import { EventStore, verifyStream } from '@hazard/event-store';
import { Claims, actorOf } from '@hazard/platform';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { TipReasonDto } from './dto/tip-officer.dto';
import { readTip, StoredTip } from './read-tip';
import { ReporterIdentityReader } from './reporter-identity.reader';

const NOT_FOUND = (id: string) => new NotFoundException({ message: `tip ${id} does not exist`, code: 'TIP.NOT_FOUND' });

/**
 * Tip reads (API.md "Read scope"): a tip officer reads the tips of its regions (a tip without a region: all),
 * an inspector or supervisor the tips assigned to its department, a reviewer or admin all; out of scope is
 * 404. The reporter block is never shown here — only `{"encrypted": true}`; the identity is read on its own
 * route, by a tip officer, with a reason that is recorded first.
 */
@ApiTags('tips')
@ApiBearerAuth()
@ApiErrors(...SECURED, [404, 'no such tip, or one outside the reader’s scope'])
@Controller('tips')
export class TipQueriesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly identities: ReporterIdentityReader,
  ) {}

  @Get(':id')
  @ApiAnswer('the tip as it stands (the reporter never shown)', TIP_VIEW)
  async get(@Param('id') id: string, @CurrentClaims() claims: Claims) {
    return tipView((await this.readable(id, actorOf(claims))).state);
  }

  @Get(':id/history')
  @ApiAnswer('every event of the tip as stored, the reporter block replaced by {encrypted: true}', TIP_HISTORY)
  async history(@Param('id') id: string, @CurrentClaims() claims: Claims) {
    const { state, events } = await this.readable(id, actorOf(claims));
    return {
      tipId: state.tipId,
      events: events.map(({ revision, position, type, data, metadata, recordedAt }) => ({ revision, position, type, data: withoutReporter(type, data), metadata, recordedAt })),
    };
  }

  @Get(':id/integrity')
  @ApiAnswer('the tip’s hash chain recomputed from what is stored', STREAM_INTEGRITY)
  async integrity(@Param('id') id: string, @CurrentClaims() claims: Claims) {
    const { state, events } = await this.readable(id, actorOf(claims));
    return verifyStream(`tip-${state.tipId}`, [...events]);
  }

  @Get(':id/reporter')
  @ApiAnswer('the reporter’s identity, for a tip officer, with a reason recorded first', REPORTER_IDENTITY)
  @ApiErrors([400, 'reason is missing or too long'], [403, 'not a tip officer'], [404, 'no such tip, or no identity held'], 410)
  @Header('Cache-Control', 'no-store')
  async reporter(@Param('id') id: string, @Query() query: TipReasonDto, @CurrentClaims() claims: Claims) {
    const actor = actorOf(claims);
    if (!actor.roles.includes('tip-officer')) throw new ForbiddenException('only a tip officer (举报受理) reads a reporter’s identity');
    return this.identities.read((await this.readable(id, actor)).state, query.reason, claims);
  }

  private async readable(id: string, actor: Actor): Promise<StoredTip> {
    const tip = await readTip(this.store, id);
    if (!tip || !canReadTip(actor, tip.state)) throw NOT_FOUND(id);
    return tip;
  }
}

export function canReadTip(actor: Actor, tip: ExistingTip): boolean {
  if (actor.roles.includes('reviewer') || actor.roles.includes('admin')) return true;
  if (actor.roles.includes('tip-officer') && tipInRegions(actor, tip)) return true;
  const handsOn = actor.roles.includes('inspector') || actor.roles.includes('supervisor');
  return handsOn && tip.assignment?.department === actor.departmentId;
}

/** API.md's tip: everything but the query code's hash. */
export function tipView(tip: ExistingTip) {
  const { exists: _exists, codeHash: _hash, overdueMarkedFor: _m, feedbackOverdueMarkedFor: _f, verification, ...rest } = tip;
  return { ...rest, ...(verification && { verification }), feedback: tip.feedback };
}

function withoutReporter(type: string, data: unknown): unknown {
  if (type !== 'TipReceived') return data;
  const { reporter, codeHash: _hash, ...rest } = data as { reporter: unknown; codeHash: string };
  return { ...rest, reporter: reporter ? { encrypted: true } : null };
}

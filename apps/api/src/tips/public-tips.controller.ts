import { BadRequestException, Body, Controller, Get, Header, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, WITH_BODY } from '../edge/openapi/api-errors.decorator';
import { PUBLIC_TIP, TIP_RECEIPT } from './dto/tip-responses.schema';
import { ExistingTip, PUBLIC_ACTOR } from '@hazard/domain';
import { EventStore } from '@hazard/event-store';
import { randomUUID } from 'node:crypto';
import { Public } from '../edge/auth/public.decorator';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { PublicTipDto, ReviewRequestDto } from './dto/public-tip.dto';
import { codeMatches } from './query-code';
import { readTip } from './read-tip';
import { TipIntake, TipReceipt } from './tip-intake';
import { TIP_RUNNER, TipRunner } from './tip-runners';

/** One body for a wrong code, a missing code and an unknown tipNo: the answer tells nothing of which it was. */
const NOT_FOUND = () => new NotFoundException({ message: 'no tip with this number and query code', code: 'TIP.NOT_FOUND' });

/**
 * 群众举报 for anyone, without a token. Nothing here is remembered for replay (an Idempotency-Key would hand a
 * query code out again) and nothing is cached (`no-store`).
 */
@ApiTags('public')
@Public()
@ApiErrors(429, 503)
@Controller('public/tips')
export class PublicTipsController {
  constructor(
    private readonly intake: TipIntake,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TIP_RUNNER) private readonly tips: TipRunner,
  ) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiAnswer('举报: report a hazard; the answer shows the 查询码 once', TIP_RECEIPT, { status: 201 })
  @ApiErrors(...WITH_BODY)
  submit(@Body() body: PublicTipDto): Promise<TipReceipt> {
    if (body.anonymous && body.reporter) throw new BadRequestException('reporter must be left out of an anonymous tip');
    const { reporter, ...rest } = body;
    return this.intake.submit({ sector: rest.sector ?? null, regionCode: rest.regionCode ?? null, location: rest.location, description: rest.description, evidence: rest.evidence ?? [], anonymous: rest.anonymous, reporter: reporter ?? null });
  }

  @Get(':tipNo')
  @Header('Cache-Control', 'no-store')
  @ApiAnswer('follow a tip with its 查询码', PUBLIC_TIP)
  @ApiErrors([404, 'no tip with this number and query code (the same for a wrong code)'])
  async follow(@Param('tipNo') tipNo: string, @Query('code') code?: string) {
    return publicView(await this.withCode(tipNo, code));
  }

  @Post(':tipNo/review-requests') @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiAnswer('复查: ask once for the answer to be reviewed', PUBLIC_TIP)
  @ApiErrors(...WITH_BODY, [404, 'no tip with this number and query code'], 409, 422)
  async review(@Param('tipNo') tipNo: string, @Body() body: ReviewRequestDto) {
    const tip = await this.withCode(tipNo, body.code);
    const { state } = await this.tips.run(
      { type: 'RequestTipReview', tipId: tip.tipId, data: { reason: body.reason } },
      { actor: PUBLIC_ACTOR, commandId: randomUUID(), correlationId: randomUUID(), causationId: tip.tipId },
    );
    if (!state.exists) throw NOT_FOUND();
    return publicView(state);
  }

  private async withCode(tipNo: string, code: string | undefined): Promise<ExistingTip> {
    const tip = /^JB-\d{4}-\d{6}$/.test(tipNo) ? await readTip(this.store, tipNo) : undefined;
    // The hash is compared even for an unknown tip, so both take the same time.
    const matches = codeMatches(tip?.state.codeHash ?? '0'.repeat(64), tipNo, code);
    if (!tip || !matches) throw NOT_FOUND();
    return tip.state;
  }
}

/** What the reporter sees: where the tip stands and what they were told, nothing of the investigation. */
function publicView(tip: ExistingTip) {
  return { tipNo: tip.tipNo, status: tip.status, receivedAt: tip.receivedAt, feedback: tip.feedback.map(({ at, text }) => ({ at, text })), reviewRequested: tip.reviewRequested };
}

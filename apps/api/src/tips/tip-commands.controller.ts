import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { evolve, foldStored, hazardDecoder, initialState, TipCommand, Unstamped } from '@hazard/domain';
import { EventStore, readStreamOrEmpty } from '@hazard/event-store';
import { IdempotencyInterceptor } from '../edge/idempotency/idempotency.interceptor';
import { RequestContext } from '../edge/request-context/request-context';
import { CommandContext } from '../edge/request-context/request-context.decorator';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { TipAcceptanceDto, TipAssignmentDto, TipFeedbackDto, TipReasonDto, TipRejectionDto, TipRewardDto, TipVerificationDto } from './dto/tip-officer.dto';
import { readTip, tipIdOf } from './read-tip';
import { TipCommandResult, TipUseCase } from './tip-use-case';

/** The tip officer's (举报受理) commands; `:id` is the tipId or the tipNo. Thin: DTO → command → CommandBus. */
@ApiTags('tips')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false })
@UseInterceptors(IdempotencyInterceptor)
@Controller('tips')
export class TipCommandsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  private send(id: string, command: Omit<Unstamped<TipCommand>, 'tipId'>, ctx: RequestContext): Promise<TipCommandResult> {
    return this.commands.execute(new TipUseCase({ ...command, tipId: tipIdOf(id) } as Unstamped<TipCommand>, ctx));
  }

  @Post(':id/acceptance') @HttpCode(200)
  accept(@Param('id') id: string, @Body() body: TipAcceptanceDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'AcceptTip', data: { note: body.note ?? null } }, ctx);
  }

  @Post(':id/rejection') @HttpCode(200)
  reject(@Param('id') id: string, @Body() body: TipRejectionDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'RejectTip', data: { ...body } }, ctx);
  }

  @Post(':id/assignments') @HttpCode(200)
  assign(@Param('id') id: string, @Body() body: TipAssignmentDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'AssignTip', data: { ...body } }, ctx);
  }

  /** The hazards named are read here, and those with a finding carrying this tip's number passed on as `linked`. */
  @Post(':id/verifications') @HttpCode(200)
  async verify(@Param('id') id: string, @Body() body: TipVerificationDto, @CommandContext() ctx: RequestContext) {
    const tipNo = (await readTip(this.store, id))?.state.tipNo;
    const linked = tipNo ? await this.hazardsNaming(tipNo, body.hazardIds) : [];
    return this.send(id, { type: 'RecordTipVerification', data: { ...body, linked } }, ctx);
  }

  @Post(':id/feedback') @HttpCode(200)
  feedback(@Param('id') id: string, @Body() body: TipFeedbackDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'NotifyReporter', data: { text: body.text } }, ctx);
  }

  @Post(':id/reward') @HttpCode(200)
  reward(@Param('id') id: string, @Body() body: TipRewardDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'DecideReward', data: { penaltyYuan: body.penaltyYuan } }, ctx);
  }

  @Post(':id/identity-erasure') @HttpCode(200)
  erase(@Param('id') id: string, @Body() body: TipReasonDto, @CommandContext() ctx: RequestContext) {
    return this.commands.execute(new TipUseCase({ type: 'EraseReporterIdentity', tipId: tipIdOf(id), data: { reason: body.reason } }, ctx));
  }

  private async hazardsNaming(tipNo: string, hazardIds: readonly string[]): Promise<string[]> {
    const linked: string[] = [];
    for (const hazardId of hazardIds) {
      const state = foldStored(hazardDecoder, evolve, initialState(), await readStreamOrEmpty(this.store, hazardDecoder.streamIdFor(hazardId)));
      if (state.exists && state.tipNos.includes(tipNo)) linked.push(hazardId);
    }
    return linked;
  }
}

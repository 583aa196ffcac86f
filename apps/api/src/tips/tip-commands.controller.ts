import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED, WITH_BODY } from '../edge/openapi/api-errors.decorator';
import { TIP_COMMAND_RESULT } from './dto/tip-responses.schema';
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
@ApiErrors(...SECURED, ...WITH_BODY, 403, [404, 'no such tip, or one outside the officer’s scope'], 409, 412, 422)
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
  @ApiAnswer('受理: accept the tip for investigation', TIP_COMMAND_RESULT)
  accept(@Param('id') id: string, @Body() body: TipAcceptanceDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'AcceptTip', data: { note: body.note ?? null } }, ctx);
  }

  @Post(':id/rejection') @HttpCode(200)
  @ApiAnswer('不予受理: reject the tip, with the reason', TIP_COMMAND_RESULT)
  reject(@Param('id') id: string, @Body() body: TipRejectionDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'RejectTip', data: { ...body } }, ctx);
  }

  @Post(':id/assignments') @HttpCode(200)
  @ApiAnswer('交办: hand the tip to a department', TIP_COMMAND_RESULT)
  assign(@Param('id') id: string, @Body() body: TipAssignmentDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'AssignTip', data: { ...body } }, ctx);
  }

  /** The hazards named are read here, and those with a finding carrying this tip's number passed on as `linked`. */
  @Post(':id/verifications') @HttpCode(200)
  @ApiAnswer('核查: record the investigation’s outcome and the hazards it found', TIP_COMMAND_RESULT)
  async verify(@Param('id') id: string, @Body() body: TipVerificationDto, @CommandContext() ctx: RequestContext) {
    const tipNo = (await readTip(this.store, id))?.state.tipNo;
    const linked = tipNo ? await this.hazardsNaming(tipNo, body.hazardIds) : [];
    return this.send(id, { type: 'RecordTipVerification', data: { ...body, linked } }, ctx);
  }

  @Post(':id/feedback') @HttpCode(200)
  @ApiAnswer('反馈: tell the reporter what was found', TIP_COMMAND_RESULT)
  feedback(@Param('id') id: string, @Body() body: TipFeedbackDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'NotifyReporter', data: { text: body.text } }, ctx);
  }

  @Post(':id/reward') @HttpCode(200)
  @ApiAnswer('奖励: decide the reward from the penalty imposed', TIP_COMMAND_RESULT)
  reward(@Param('id') id: string, @Body() body: TipRewardDto, @CommandContext() ctx: RequestContext) {
    return this.send(id, { type: 'DecideReward', data: { penaltyYuan: body.penaltyYuan } }, ctx);
  }

  @Post(':id/identity-erasure') @HttpCode(200)
  @ApiAnswer('删除举报人身份: erase the reporter’s identity (crypto-shredding)', TIP_COMMAND_RESULT)
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

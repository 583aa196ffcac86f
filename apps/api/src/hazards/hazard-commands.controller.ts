import { Body, Controller, HttpCode, Inject, Post, Res, UseInterceptors } from '@nestjs/common';
import { EventStore } from '@hazard/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { readTip } from '../tips/read-tip';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED, WITH_BODY } from '../edge/openapi/api-errors.decorator';
import { HAZARD_COMMAND_RESULT } from './dto/hazard-responses.schema';
import { FastifyReply } from 'fastify';
import { AssignRectificationDto } from './dto/assign-rectification.dto';
import { ClosureApplicationDto } from './dto/closure-application.dto';
import { ExtensionDecisionDto, ExtensionRequestDto } from './dto/extension.dto';
import { RectificationDto } from './dto/rectification.dto';
import { RemediationPlanDto } from './dto/remediation-plan.dto';
import { ReportHazardDto } from './dto/report-hazard.dto';
import { LevelChangeDto } from './dto/supervision.dto';
import { ReopeningDto, VerificationDto } from './dto/verification.dto';
import { hazardIdFor, isOpenTip } from '@hazard/domain';
import { IdempotencyInterceptor } from '../edge/idempotency/idempotency.interceptor';
import { RequestContext } from '../edge/request-context/request-context';
import { CommandContext } from '../edge/request-context/request-context.decorator';
import { HazardCommandResult } from './hazard-command-result';
import { HazardId } from './hazard-id.param';
import { HazardUseCase } from './hazard-use-case';

/** Thin: DTO → command → CommandBus. Nothing is decided here. */
@ApiTags('commands')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body replays the first response' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) last seen; 412 when the hazard moved on' })
@ApiErrors(...SECURED, ...WITH_BODY)
@UseInterceptors(IdempotencyInterceptor)
@Controller('hazards')
export class HazardCommandsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** What the decider needs to know of the tip a finding names: whether it still takes findings. */
  private async tipIsOpen(tipNo: string): Promise<boolean> {
    const tip = await readTip(this.store, tipNo);
    return tip !== undefined && isOpenTip(tip.state.status);
  }

  private send(command: HazardUseCase['command'], ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new HazardUseCase(command, ctx));
  }

  @Post()
  @ApiAnswer('报告隐患: report a hazard; 201 with its hazardId, derived from unitId + location + categoryCode', HAZARD_COMMAND_RESULT, { status: 201 })
  @ApiResponse({ status: 200, description: 'the key was known: a repeat finding (foundAgain: true), on a verified hazard a new cycle', content: { 'application/json': { schema: HAZARD_COMMAND_RESULT } } })
  @ApiErrors(403, 409, 422)
  async report(@Body() body: ReportHazardDto, @CommandContext() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    // The hazardId comes from the natural key, so a second report of the same key lands on the same stream.
    const tipOpen = body.tipNo === undefined ? undefined : await this.tipIsOpen(body.tipNo);
    const data = { ...body, evidence: body.evidence ?? [], ...(tipOpen !== undefined && { tipOpen }) };
    const result = await this.send({ type: 'ReportHazard', hazardId: hazardIdFor(body), data }, ctx);
    reply.status(result.foundAgain ? 200 : 201);
    return result;
  }

  @Post(':id/assignments') @HttpCode(200)
  @ApiAnswer('交办整改: assign the rectification to a unit with a deadline (again: reassign)', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  assign(@HazardId() id: string, @Body() body: AssignRectificationDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'AssignRectification', hazardId: id, data: { ...body } }, ctx);
  }

  @Post(':id/plan') @HttpCode(200)
  @ApiAnswer('治理方案: the remediation plan a major hazard needs before its rectification', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  plan(@HazardId() id: string, @Body() body: RemediationPlanDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'SubmitRemediationPlan', hazardId: id, data: { ...body } }, ctx);
  }

  @Post(':id/extension-requests') @HttpCode(200)
  @ApiAnswer('延期申请: the responsible unit asks for a later deadline', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  requestExtension(@HazardId() id: string, @Body() body: ExtensionRequestDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'RequestExtension', hazardId: id, data: { ...body } }, ctx);
  }

  @Post(':id/extension-decisions') @HttpCode(200)
  @ApiAnswer('延期审批: approve or deny the pending extension request', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  decideExtension(@HazardId() id: string, @Body() body: ExtensionDecisionDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'DecideExtension', hazardId: id, data: { ...body } }, ctx);
  }

  @Post(':id/rectifications') @HttpCode(200)
  @ApiAnswer('整改完成: the unit reports the fix with its evidence', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  rectify(@HazardId() id: string, @Body() body: RectificationDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'SubmitRectification', hazardId: id, data: { ...body } }, ctx);
  }

  @Post(':id/verifications') @HttpCode(200)
  @ApiAnswer('复查验收: verify the rectification (passed: false reopens it); closes (销号) a minor one', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  verify(@HazardId() id: string, @Body() body: VerificationDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'VerifyRectification', hazardId: id, data: { ...body } }, ctx);
  }

  /** 销号申请: a rectified major hazard is verified only after this; the answer adds its reviewDeadline. */
  @Post(':id/closure-applications') @HttpCode(200)
  @ApiAnswer('销号申请: a rectified major hazard’s application with its assessment; the answer adds reviewDeadline', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  applyForClosure(@HazardId() id: string, @Body() body: ClosureApplicationDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'ApplyForClosure', hazardId: id, data: { ...body } }, ctx);
  }

  @Post(':id/reopenings') @HttpCode(200)
  @ApiAnswer('重新打开: reopen a verified hazard as a new cycle', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  reopen(@HazardId() id: string, @Body() body: ReopeningDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'ReopenHazard', hazardId: id, data: { ...body } }, ctx);
  }

  @Post(':id/level') @HttpCode(200)
  @ApiAnswer('隐患分级: reclassify the hazard’s level (general/major)', HAZARD_COMMAND_RESULT)
  @ApiErrors(403, 404, 409, 412, 422)
  reclassify(@HazardId() id: string, @Body() body: LevelChangeDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.send({ type: 'ReclassifyHazard', hazardId: id, data: { ...body } }, ctx);
  }
}

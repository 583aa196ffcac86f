import { Body, Controller, Delete, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AssignRectificationCommand } from './commands/assign-rectification.command';
import { DecideExtensionCommand } from './commands/decide-extension.command';
import { ImposeSupervisionCommand } from './commands/impose-supervision.command';
import { LiftSupervisionCommand } from './commands/lift-supervision.command';
import { ReclassifyHazardCommand } from './commands/reclassify-hazard.command';
import { ReopenHazardCommand } from './commands/reopen-hazard.command';
import { ReportHazardCommand } from './commands/report-hazard.command';
import { RequestExtensionCommand } from './commands/request-extension.command';
import { SubmitRectificationCommand } from './commands/submit-rectification.command';
import { SubmitRemediationPlanCommand } from './commands/submit-remediation-plan.command';
import { VerifyRectificationCommand } from './commands/verify-rectification.command';
import { AssignRectificationDto } from './dto/assign-rectification.dto';
import { ExtensionDecisionDto, ExtensionRequestDto } from './dto/extension.dto';
import { RectificationDto } from './dto/rectification.dto';
import { RemediationPlanDto } from './dto/remediation-plan.dto';
import { ReportHazardDto } from './dto/report-hazard.dto';
import { LevelChangeDto, SupervisionDto } from './dto/supervision.dto';
import { ReopeningDto, VerificationDto } from './dto/verification.dto';
import { HazardCommandResult } from './hazard-command.runner';
import { HazardId } from './hazard-id.param';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { RequestContext } from './request-context';
import { CommandContext } from './request-context.decorator';

/** Thin: DTO → command → CommandBus. Nothing is decided here. */
@ApiTags('commands')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body replays the first response' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) last seen; 412 when the hazard moved on' })
@UseInterceptors(IdempotencyInterceptor)
@Controller('hazards')
export class HazardCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async report(@Body() body: ReportHazardDto, @CommandContext() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.commands.execute(new ReportHazardCommand(body, ctx));
    reply.status(result.foundAgain ? 200 : 201);
    return result;
  }

  @Post(':id/assignments') @HttpCode(200)
  assign(@HazardId() id: string, @Body() body: AssignRectificationDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new AssignRectificationCommand(id, body, ctx));
  }

  @Post(':id/plan') @HttpCode(200)
  plan(@HazardId() id: string, @Body() body: RemediationPlanDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new SubmitRemediationPlanCommand(id, body, ctx));
  }

  @Post(':id/extension-requests') @HttpCode(200)
  requestExtension(@HazardId() id: string, @Body() body: ExtensionRequestDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new RequestExtensionCommand(id, body, ctx));
  }

  @Post(':id/extension-decisions') @HttpCode(200)
  decideExtension(@HazardId() id: string, @Body() body: ExtensionDecisionDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new DecideExtensionCommand(id, body, ctx));
  }

  @Post(':id/rectifications') @HttpCode(200)
  rectify(@HazardId() id: string, @Body() body: RectificationDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new SubmitRectificationCommand(id, body, ctx));
  }

  @Post(':id/verifications') @HttpCode(200)
  verify(@HazardId() id: string, @Body() body: VerificationDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new VerifyRectificationCommand(id, body, ctx));
  }

  @Post(':id/reopenings') @HttpCode(200)
  reopen(@HazardId() id: string, @Body() body: ReopeningDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new ReopenHazardCommand(id, body, ctx));
  }

  @Post(':id/supervision') @HttpCode(200)
  impose(@HazardId() id: string, @Body() body: SupervisionDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new ImposeSupervisionCommand(id, body, ctx));
  }

  @Delete(':id/supervision') @HttpCode(200)
  lift(@HazardId() id: string, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new LiftSupervisionCommand(id, { reason: 'manual' }, ctx));
  }

  @Post(':id/level') @HttpCode(200)
  reclassify(@HazardId() id: string, @Body() body: LevelChangeDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new ReclassifyHazardCommand(id, body, ctx));
  }
}

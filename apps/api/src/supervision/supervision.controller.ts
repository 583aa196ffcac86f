import { Body, Controller, Delete, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED, WITH_BODY } from '../edge/openapi/api-errors.decorator';
import { HAZARD_COMMAND_RESULT } from '../hazards/dto/hazard-responses.schema';
import { SUPERVISION_RESULT } from './supervision-responses.schema';
import { IdempotencyInterceptor } from '../edge/idempotency/idempotency.interceptor';
import { RequestContext } from '../edge/request-context/request-context';
import { CommandContext } from '../edge/request-context/request-context.decorator';
import { NoticeServiceDto, NoticeSignatureDto, SupervisionDto } from '../hazards/dto/supervision.dto';
import { HazardCommandResult } from '../hazards/hazard-command-result';
import { HazardId } from '../hazards/hazard-id.param';
import { HazardUseCase } from '../hazards/hazard-use-case';
import { ImposeSupervisionUseCase, SupervisionResult } from './impose-supervision.use-case';

/** 挂牌督办 and its 督办通知书: imposition (numbered), lifting, service and signature. Thin, like every controller. */
@ApiTags('commands')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body replays the first response' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) last seen; 412 when the hazard moved on' })
@ApiErrors(...SECURED, ...WITH_BODY, 403, 404, 409, 412, 422)
@UseInterceptors(IdempotencyInterceptor)
@Controller('hazards')
export class SupervisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/supervision') @HttpCode(200)
  @ApiAnswer('挂牌督办: impose supervision; the answer carries supervisionId and the 文号', SUPERVISION_RESULT)
  impose(@HazardId() id: string, @Body() body: SupervisionDto, @CommandContext() ctx: RequestContext): Promise<SupervisionResult> {
    return this.commands.execute(new ImposeSupervisionUseCase({ type: 'ImposeSupervision', hazardId: id, data: { ...body } }, ctx));
  }

  @Delete(':id/supervision') @HttpCode(200)
  @ApiAnswer('解除督办: lift the supervision', HAZARD_COMMAND_RESULT)
  lift(@HazardId() id: string, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new HazardUseCase({ type: 'LiftSupervision', hazardId: id, data: { reason: 'manual' } }, ctx));
  }

  @Post(':id/supervision/notice-service') @HttpCode(200)
  @ApiAnswer('送达: the current notice was served', HAZARD_COMMAND_RESULT)
  served(@HazardId() id: string, @Body() body: NoticeServiceDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new HazardUseCase({ type: 'RecordNoticeServed', hazardId: id, data: { ...body } }, ctx));
  }

  @Post(':id/supervision/notice-signature') @HttpCode(200)
  @ApiAnswer('签收: the unit signed for the current notice', HAZARD_COMMAND_RESULT)
  signed(@HazardId() id: string, @Body() body: NoticeSignatureDto, @CommandContext() ctx: RequestContext): Promise<HazardCommandResult> {
    return this.commands.execute(new HazardUseCase({ type: 'RecordNoticeSigned', hazardId: id, data: { ...body } }, ctx));
  }
}

import { Body, Controller, HttpCode, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED, WITH_BODY } from '../edge/openapi/api-errors.decorator';
import { UNIT_COMMAND_RESULT } from './dto/unit-responses.schema';
import { IdempotencyInterceptor } from '../edge/idempotency/idempotency.interceptor';
import { RequestContext } from '../edge/request-context/request-context';
import { CommandContext } from '../edge/request-context/request-context.decorator';
import { CreditCode } from './credit-code.param';
import { SelfCheckCorrectionDto, SelfCheckReportDto } from './dto/self-check-report.dto';
import { refuseNullFields, RegisterUnitDto, UpdateUnitDto } from './dto/unit-profile.dto';
import { SelfCheckCommands } from './self-check-commands';
import { UnitCommandResult, UnitUseCase } from './unit-use-case';

/** 企业登记 and 自查自报. Thin: DTO → command → CommandBus; nothing is decided here. */
@ApiTags('units')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body replays the first response' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) last seen; 412 when the unit moved on' })
@ApiErrors(...SECURED, ...WITH_BODY, 403, 422)
@UseInterceptors(IdempotencyInterceptor)
@Controller('units')
export class UnitCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly selfChecks: SelfCheckCommands,
  ) {}

  private send(command: UnitUseCase['command'], ctx: RequestContext): Promise<UnitCommandResult> {
    return this.commands.execute(new UnitUseCase(command, ctx));
  }

  /** 201 `{creditCode, revision, position}`. */
  @Post() @HttpCode(201)
  @ApiAnswer('企业登记: register a unit the department supervises', UNIT_COMMAND_RESULT, { status: 201 })
  @ApiErrors([409, 'the creditCode is already registered'])
  register(@Body() body: RegisterUnitDto, @CommandContext() ctx: RequestContext): Promise<UnitCommandResult> {
    const { creditCode, ...profile } = body;
    return this.send({ type: 'RegisterUnit', creditCode, data: profile }, ctx);
  }

  /** 200; only the fields that changed are recorded. */
  @Patch(':creditCode') @HttpCode(200)
  @ApiAnswer('change registry fields; only what changed is recorded', UNIT_COMMAND_RESULT)
  @ApiErrors(404, 412)
  update(@CreditCode() creditCode: string, @Body() body: UpdateUnitDto, @CommandContext() ctx: RequestContext): Promise<UnitCommandResult> {
    refuseNullFields(body);
    return this.send({ type: 'UpdateUnit', creditCode, data: { ...body } }, ctx);
  }

  /** 201 `{creditCode, revision, position, period, late}`. */
  @Post(':creditCode/self-check-reports') @HttpCode(201)
  @ApiAnswer('自查自报: the period’s report, signed by the principal', UNIT_COMMAND_RESULT, { status: 201 })
  @ApiErrors(404, [409, 'the period is already reported: send a correction'], 412)
  async submit(@CreditCode() creditCode: string, @Body() body: SelfCheckReportDto, @CommandContext() ctx: RequestContext): Promise<UnitCommandResult> {
    return this.send(await this.selfChecks.submit(creditCode, body), ctx);
  }

  /** 200: the corrected report counts from now on; the earlier one stays in the log. */
  @Post(':creditCode/self-check-reports/:period/corrections') @HttpCode(200)
  @ApiAnswer('correct a period’s report; the earlier one stays in the log', UNIT_COMMAND_RESULT)
  @ApiErrors(404, [409, 'the period has no report to correct'], 412)
  async correct(
    @CreditCode() creditCode: string,
    @Param('period') period: string,
    @Body() body: SelfCheckCorrectionDto,
    @CommandContext() ctx: RequestContext,
  ): Promise<UnitCommandResult> {
    return this.send(await this.selfChecks.correct(creditCode, period, body), ctx);
  }
}

import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CorrectSelfCheckReport, SELF_CHECK_PERIOD_PATTERN, SelfCheckContent, SubmitSelfCheckReport, Unstamped } from '@hazard/domain';
import { AppConfig } from '@hazard/platform';
import { selfCheckPeriod } from '@hazard/projections';
import { APP_CONFIG } from '../infrastructure/config.module';
import { PERIOD_MESSAGE, SelfCheckCorrectionDto, SelfCheckReportDto } from './dto/self-check-report.dto';
import { NamedHazardsReader } from './named-hazards.reader';

/**
 * Builds the self-check commands from a request: the period's instants in TIME_ZONE and the named hazards as
 * read from their streams go on the command as data, so the decider stays pure. Decides nothing.
 */
@Injectable()
export class SelfCheckCommands {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hazards: NamedHazardsReader,
  ) {}

  async submit(creditCode: string, body: SelfCheckReportDto): Promise<Unstamped<SubmitSelfCheckReport>> {
    return { type: 'SubmitSelfCheckReport', creditCode, data: await this.content(body.period, body) };
  }

  async correct(creditCode: string, period: string, body: SelfCheckCorrectionDto): Promise<Unstamped<CorrectSelfCheckReport>> {
    if (!SELF_CHECK_PERIOD_PATTERN.test(period)) throw new BadRequestException(PERIOD_MESSAGE);
    if (body.period !== undefined && body.period !== period) throw new BadRequestException(`period ${body.period} in the body differs from ${period} in the path`);
    return { type: 'CorrectSelfCheckReport', creditCode, data: { ...(await this.content(period, body)), reason: body.reason } };
  }

  private async content(period: string, body: SelfCheckReportDto | SelfCheckCorrectionDto): Promise<SelfCheckContent> {
    const { from, to, lateFrom } = selfCheckPeriod(period, this.config.timeZone);
    const hazardIds = body.hazardIds ?? [];
    return { period, window: { from, to, lateFrom }, hazardIds, zeroHazard: body.zeroHazard ?? false, signedBy: body.signedBy, hazards: await this.hazards.read(hazardIds) };
  }
}

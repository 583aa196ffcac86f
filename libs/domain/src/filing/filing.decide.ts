import { FileStatisticsReport, FilingCommand } from './filing.commands';
import { FilingRuleError } from './filing.errors';
import { FilingEvent, StatisticsReportFiled } from './filing.events';
import { filingIdFor } from './filing-id';
import { FilingState } from './filing.state';

export function decideFiling(command: FilingCommand, state: FilingState): FilingEvent[] {
  switch (command.type) {
    case 'FileStatisticsReport':
      return [fileStatisticsReport(command, state)];
    default: {
      const unhandled: never = command.type;
      throw new Error(`unknown filing command ${String(unhandled)}`);
    }
  }
}

/** Only an ended period is filed (16号令 Art. 24: 统计分析表 after each quarter and year): its figures no longer move. */
function fileStatisticsReport(command: FileStatisticsReport, state: FilingState): StatisticsReportFiled {
  const { commandId, ...report } = command.data;
  if (state.exists) throw new FilingRuleError('REPORT.ALREADY_FILED', `filing ${state.filing.filingId} is already recorded`);
  if (!(Date.parse(command.now) >= Date.parse(report.to))) {
    throw new FilingRuleError('REPORT.PERIOD_NOT_ENDED', `period ${report.period} has not ended: it runs until ${report.to}; only an ended period can be filed`, {
      period: report.period,
      to: report.to,
    });
  }
  return {
    type: 'StatisticsReportFiled',
    data: {
      filingId: filingIdFor(commandId),
      period: report.period,
      from: report.from,
      to: report.to,
      timeZone: report.timeZone,
      regionCode: report.regionCode,
      sectors: report.sectors,
      groupBy: report.groupBy,
      rowKeys: report.rowKeys,
      position: report.position,
      digest: report.digest,
      definitionVersion: report.definitionVersion,
      catalogueVersion: report.catalogueVersion,
      filedBy: command.actor.userId,
      filedByDepartment: command.actor.departmentId,
    },
  };
}

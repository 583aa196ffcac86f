import { FiledReportContent } from './filing.commands';

/** A 统计分析表 was filed (报送): its scope, rows, log position and digest, and who filed it. Filed at: metadata.occurredAt. */
export interface StatisticsReportFiled {
  readonly type: 'StatisticsReportFiled';
  readonly data: { readonly filingId: string } & FiledReportContent & { readonly filedBy: string; readonly filedByDepartment: string };
}

export type FilingEvent = StatisticsReportFiled;
export type FilingEventType = FilingEvent['type'];

export const FILING_EVENT_TYPES: readonly FilingEventType[] = ['StatisticsReportFiled'];

/** The filing as recorded. */
export type Filing = StatisticsReportFiled['data'];

import { NotificationRequested } from './notice.messages';

/** What a notice says: the e-mail's subject and body, the webhook's `subject` and `text`. */
export interface RenderedNotice {
  readonly subject: string;
  readonly text: string;
}

export interface NoticeTemplateOptions {
  /** IANA zone in which times are shown (TIME_ZONE); Asia/Shanghai by default. */
  readonly timeZone?: string;
}

type Request = NotificationRequested['data'];

const DAY_MS = 86_400_000;

/**
 * The zh-CN text of a requested notice: 整改期限提醒, 逾期通知 or 督办函, from the request's params alone (hazardId,
 * unitName, location, deadline, daysOverdue, responsiblePerson, recipientName; department for the letter) and
 * its requestedAt, so every resend of one notice carries the same words.
 */
export function renderNotice(request: Request, options: NoticeTemplateOptions = {}): RenderedNotice {
  const facts = factsOf(request, options.timeZone ?? 'Asia/Shanghai');
  switch (request.template) {
    case 'deadline-reminder':
      return reminder(facts);
    case 'overdue-notice':
      return overdueNotice(facts, request.recipient.kind);
    case 'duban-letter':
      return dubanLetter(facts);
    default: {
      const unknown: never = request.template;
      throw new RangeError(`unknown notice template ${String(unknown)}`);
    }
  }
}

interface Facts {
  readonly hazardId: string;
  readonly unitName: string;
  readonly location: string;
  readonly responsiblePerson: string;
  readonly recipientName: string;
  readonly department: string;
  readonly deadline: string;
  readonly deadlineDay: string;
  readonly issuedAt: string;
  readonly issuedDay: string;
  /** e.g. `3天`, `不足1天` */
  readonly remaining: string;
  readonly overdue: string;
}

function factsOf(request: Request, timeZone: string): Facts {
  const text = (key: string, fallback: string): string => {
    const value = request.params[key];
    return value === undefined || value === '' ? fallback : String(value);
  };
  const deadline = text('deadline', request.deadline);
  const daysOverdue = request.params['daysOverdue'];
  const overdueDays = typeof daysOverdue === 'number' ? daysOverdue : (Date.parse(request.requestedAt) - Date.parse(deadline)) / DAY_MS;
  return {
    hazardId: text('hazardId', request.dedupeKey.split('/')[0] ?? ''),
    unitName: text('unitName', '该单位'),
    location: text('location', '（地点未登记）'),
    responsiblePerson: text('responsiblePerson', '（未指定）'),
    recipientName: text('recipientName', request.recipient.name),
    department: text('department', '有关部门'),
    deadline: dateTime(deadline, timeZone),
    deadlineDay: date(deadline, timeZone),
    issuedAt: dateTime(request.requestedAt, timeZone),
    issuedDay: date(request.requestedAt, timeZone),
    remaining: dayCount((Date.parse(deadline) - Date.parse(request.requestedAt)) / DAY_MS),
    overdue: dayCount(overdueDays),
  };
}

function reminder(f: Facts): RenderedNotice {
  return {
    subject: `整改期限提醒：${f.unitName}事故隐患整改将于${f.deadlineDay}到期`,
    text: lines(
      `${f.recipientName}：`,
      '',
      `你单位位于${f.location}的事故隐患（隐患编号：${f.hazardId}）整改期限为${f.deadline}，距期限还有${f.remaining}。` +
        `请整改责任人${f.responsiblePerson}按照整改方案落实整改措施，于期限内完成整改，并及时提交整改情况。`,
      '',
      '逾期未完成整改的，系统将记录逾期，并通知负有安全生产监督管理职责的部门。',
      '',
      '安全生产隐患排查治理系统',
      f.issuedDay,
    ),
  };
}

function overdueNotice(f: Facts, kind: Request['recipient']['kind']): RenderedNotice {
  const facts = `位于${f.location}的事故隐患（隐患编号：${f.hazardId}）整改期限为${f.deadline}，截至${f.issuedAt}仍未完成整改，已逾期${f.overdue}。`;
  const body =
    kind === 'unit'
      ? [`你单位${facts}`, '', `请立即组织整改，落实整改期间的安全防范措施，并向负有安全生产监督管理职责的部门书面说明逾期原因和整改计划。整改责任人：${f.responsiblePerson}。`]
      : [`${f.unitName}${facts}整改责任人：${f.responsiblePerson}。`, '', '请依法督促该单位立即整改，落实整改期间的安全防范措施，并跟踪整改进展。'];
  return {
    subject: `逾期通知：${f.unitName}事故隐患（${f.hazardId}）已超过整改期限`,
    text: lines(`${f.recipientName}：`, '', ...body, '', '安全生产隐患排查治理系统', f.issuedDay),
  };
}

/** 督办函: issued in the name of the office it goes to (安委办), addressed to the supervising department. */
function dubanLetter(f: Facts): RenderedNotice {
  return {
    subject: `督办函：关于督促${f.unitName}限期整改逾期事故隐患的函`,
    text: lines(
      '督办函',
      '',
      `${f.department}：`,
      '',
      `经查，${f.unitName}位于${f.location}的事故隐患（隐患编号：${f.hazardId}），整改期限为${f.deadline}，` +
        `截至${f.issuedAt}已逾期${f.overdue}，仍未完成整改。整改责任人：${f.responsiblePerson}。`,
      '',
      '根据《中华人民共和国安全生产法》和《安全生产事故隐患排查治理暂行规定》，现对该隐患的整改予以督办。请你单位：',
      `一、督促${f.unitName}立即落实整改期间的安全防范措施，防止事故发生；`,
      '二、责令其限期整改，逐项落实整改措施、资金、期限和责任人；',
      '三、整改完成后，将整改落实情况和验收结果书面报告本办。',
      '',
      f.recipientName,
      f.issuedDay,
    ),
  };
}

function lines(...parts: string[]): string {
  return parts.join('\n');
}

/** Whole days, rounded down: `7天`; less than one: `不足1天`. */
function dayCount(days: number): string {
  if (!Number.isFinite(days) || days < 1) return '不足1天';
  return `${Math.floor(days)}天`;
}

/** `2026年3月15日 18:00` in the zone; an unreadable instant as it was given. */
function dateTime(iso: string, timeZone: string): string {
  const p = partsOf(iso, timeZone);
  return p ? `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}` : iso;
}

/** `2026年3月15日` in the zone. */
function date(iso: string, timeZone: string): string {
  const p = partsOf(iso, timeZone);
  return p ? `${p.year}年${p.month}月${p.day}日` : iso;
}

function partsOf(iso: string, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | undefined {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: parts['year'] ?? '', month: parts['month'] ?? '', day: parts['day'] ?? '', hour: parts['hour'] ?? '', minute: parts['minute'] ?? '' };
}

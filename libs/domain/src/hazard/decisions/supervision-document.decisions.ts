import { v5 as uuidv5 } from 'uuid';
import { ImposeSupervision, NumberSupervisionDocument, RecordNoticeServed, RecordNoticeSigned } from '../hazard.commands';
import { HazardEvent } from '../hazard.events';
import { IllegalTransitionError, RuleViolationError } from '../hazard.errors';
import { addDays, DEFAULT_HAZARD_RULES } from '../hazard-rules';
import { ExistingHazard } from '../hazard.state';
import { deadlineInFuture, notInFuture } from './decision-guards';

/** Fixed namespace: an imposition's supervisionId is the same wherever and whenever its command is decided. */
const SUPERVISION_NAMESPACE = '0f7c2e54-8a1d-4c6b-9e3f-5b2a7d9c1e08';

/** The SupervisionImposed of a 督办通知书: its id, 文号 (given, or the system's to come), and when it must be signed for. */
export function imposition({ data, actor, now, rules, commandId, hazardId }: ImposeSupervision): HazardEvent {
  const { noticeSignDays, supervisionDocPrefix } = rules ?? DEFAULT_HAZARD_RULES;
  if (data.plannedCompletion !== undefined) deadlineInFuture('plannedCompletion', data.plannedCompletion, now);
  if (data.documentNo !== undefined && isSystemDocumentNo(data.documentNo, supervisionDocPrefix)) {
    throw new RuleViolationError('HAZARD.DOC_NO_RESERVED', `documentNo ${data.documentNo} has the system's own form ${supervisionDocPrefix}〔yyyy〕n号; leave it out to have one assigned`, {
      field: 'documentNo',
    });
  }
  return {
    type: 'SupervisionImposed',
    data: {
      authorityLevel: data.authorityLevel,
      department: data.department ?? actor.departmentId,
      reason: data.reason,
      imposedBy: actor.userId,
      supervisionId: supervisionIdOf({ commandId, hazardId, now, data }),
      imposedAt: now,
      noticeSignDue: addDays(now, noticeSignDays),
      numbering: data.documentNo === undefined ? 'system' : 'given',
      documentNo: data.documentNo ?? null,
      issuedBy: data.issuedBy ?? null,
      plannedCompletion: data.plannedCompletion ?? null,
      publish: data.publish ?? false,
      summary: data.summary ?? null,
    },
  };
}

/** UUID v5 of the imposing command's id (a command without one, as in pure tests: of hazard, time and level). */
export function supervisionIdOf(command: Pick<ImposeSupervision, 'commandId' | 'hazardId' | 'now'> & { data: Pick<ImposeSupervision['data'], 'authorityLevel'> }): string {
  return uuidv5(command.commandId ?? `${command.hazardId}\n${command.now}\n${command.data.authorityLevel}`, SUPERVISION_NAMESPACE);
}

/** Recording a drawn number cannot be refused (the number is spent): only a different number for the same imposition is. */
export function numberDocument({ data }: NumberSupervisionDocument, s: ExistingHazard): HazardEvent[] {
  if (!(data.supervisionId in s.documentNumbers)) {
    throw new IllegalTransitionError('NumberSupervisionDocument', s.status, `no system-numbered imposition ${data.supervisionId}`);
  }
  const current = s.documentNumbers[data.supervisionId];
  if (current === data.documentNo) return [];
  if (current) throw new IllegalTransitionError('NumberSupervisionDocument', s.status, `the imposition is already numbered ${current}`);
  return [{ type: 'SupervisionDocumentNumbered', data: { ...data } }];
}

export function recordServed({ data, actor, now }: RecordNoticeServed, s: ExistingHazard): HazardEvent[] {
  const supervision = s.supervision;
  if (!supervision) throw new IllegalTransitionError('RecordNoticeServed', s.status, 'the hazard is not under supervision');
  if (supervision.notice.servedAt) throw new IllegalTransitionError('RecordNoticeServed', s.status, 'the notice was already served');
  notInFuture('servedAt', data.servedAt, now);
  if (supervision.imposedAt && Date.parse(data.servedAt) < Date.parse(supervision.imposedAt)) {
    throw new RuleViolationError('HAZARD.SERVED_BEFORE_IMPOSED', `servedAt ${data.servedAt} is before the imposition at ${supervision.imposedAt}`, { field: 'servedAt' });
  }
  return [{ type: 'SupervisionNoticeServed', data: { supervisionId: supervision.supervisionId, ...data, recordedBy: actor.userId } }];
}

export function recordSigned({ data, actor, now }: RecordNoticeSigned, s: ExistingHazard): HazardEvent[] {
  const notice = s.supervision?.notice;
  if (!s.supervision || !notice) throw new IllegalTransitionError('RecordNoticeSigned', s.status, 'the hazard is not under supervision');
  if (!notice.servedAt) throw new IllegalTransitionError('RecordNoticeSigned', s.status, 'the notice has not been served');
  if (notice.signedAt) throw new IllegalTransitionError('RecordNoticeSigned', s.status, 'the notice was already signed for');
  notInFuture('signedAt', data.signedAt, now);
  if (Date.parse(data.signedAt) < Date.parse(notice.servedAt)) {
    throw new RuleViolationError('HAZARD.SIGNED_BEFORE_SERVED', `signedAt ${data.signedAt} is before the service at ${notice.servedAt}`, { field: 'signedAt' });
  }
  return [{ type: 'SupervisionNoticeSigned', data: { supervisionId: s.supervision.supervisionId, ...data, recordedBy: actor.userId } }];
}

/** `安委办督〔2026〕12号` for the prefix 安委办督: the form the system numbers in, reserved for it. */
export function isSystemDocumentNo(documentNo: string, prefix: string): boolean {
  return documentNo.startsWith(prefix) && /^〔\d{4}〕[1-9]\d*号$/.test(documentNo.slice(prefix.length));
}

/** The system's 文号 for number n of a year. */
export function systemDocumentNo(prefix: string, year: number, n: number): string {
  return `${prefix}〔${year}〕${n}号`;
}

// @ts-check
/**
 * zh-CN names for every code the console shows. Sectors, regions, statuses and levels come from the catalogue
 * through the dashboard's labels (one rule for both pages, e.g. a region the catalogue lacks is named after its
 * enclosing district); sources, authority levels and supervision reasons from the catalogue's other value
 * sets. Event types, tip statuses and notification rungs are not in the catalogue: they are named here, in the
 * words of the domain's own time-line descriptions (libs/domain/src/hazard/event-description.ts).
 */
import { labelsOf } from '../../dashboard-web/src/labels.js';

/** @typedef {import('./api.js').Entry} Entry */

const EVENT_TYPES = {
  HazardFound: '发现隐患',
  HazardFoundAgain: '再次发现',
  RectificationAssigned: '交办整改',
  RemediationPlanSubmitted: '提交治理方案',
  DeadlineExtensionRequested: '申请延期',
  DeadlineExtended: '批准延期',
  DeadlineExtensionDenied: '不予延期',
  HazardRectified: '整改完成',
  HazardVerified: '验收通过',
  VerificationFailed: '验收不通过',
  HazardReopened: '重新打开',
  RectificationOverdue: '逾期未整改',
  SupervisionImposed: '挂牌督办',
  SupervisionDocumentNumbered: '督办文书编号',
  SupervisionNoticeServed: '督办通知书送达',
  SupervisionNoticeSigned: '督办通知书签收',
  SupervisionLifted: '解除督办',
  HazardLevelChanged: '隐患等级调整',
  ClosureApplied: '申请销号',
  ClosureReviewOverdue: '销号审核逾期',
  TipReceived: '收到举报',
  TipAccepted: '受理',
  TipRejected: '不予受理',
  TipAssigned: '转交核查',
  TipVerified: '核查结论',
  ReporterNotified: '答复举报人',
  TipReviewRequested: '举报人申请复核',
  RewardDecided: '奖励决定',
  TipOverdue: '核查逾期',
  TipFeedbackOverdue: '答复逾期',
  ReporterIdentityViewed: '查看举报人身份',
  ReporterIdentityErased: '删除举报人身份',
};

const TIP_STATUSES = {
  received: '已收到',
  accepted: '已受理',
  rejected: '不予受理',
  assigned: '核查中',
  verified: '已核查',
  answered: '已答复',
  'review-requested': '申请复核',
};

const NOTICE = {
  'remind-7d': '到期前7天提醒',
  'remind-3d': '到期前3天提醒',
  'remind-1d': '到期前1天提醒',
  overdue: '逾期通知',
  escalate: '逾期上报',
  requested: '待发送',
  delivered: '已送达',
  failed: '发送失败',
  email: '邮件',
  webhook: '接口推送',
  none: '无联系方式',
};

/**
 * @typedef {import('../../dashboard-web/src/labels.js').Labels & {
 *   source: (code: string) => string,
 *   authority: (code: string) => string,
 *   supervisionReason: (code: string) => string,
 *   eventType: (code: string) => string,
 *   tipStatus: (code: string) => string,
 *   notice: (code: string) => string,
 * }} Names
 */

/**
 * @param {(import('../../dashboard-web/src/labels.js').Catalogue & { sources?: Entry[], authorityLevels?: Entry[], supervisionReasons?: Entry[] }) | null} catalogue
 * @returns {Names}
 */
export function namesOf(catalogue) {
  const sources = mapOf(catalogue?.sources);
  const authorities = mapOf(catalogue?.authorityLevels);
  const reasons = mapOf(catalogue?.supervisionReasons);
  const events = new Map(Object.entries(EVENT_TYPES));
  const tips = new Map(Object.entries(TIP_STATUSES));
  const notices = new Map(Object.entries(NOTICE));
  return {
    ...labelsOf(catalogue),
    source: (code) => sources.get(code) ?? code,
    authority: (code) => authorities.get(code) ?? code,
    supervisionReason: (code) => reasons.get(code) ?? code,
    eventType: (code) => events.get(code) ?? code,
    tipStatus: (code) => tips.get(code) ?? code,
    notice: (code) => notices.get(code) ?? code,
  };
}

/**
 * A Map, not an object: a code such as `constructor` must not find a name on Object.prototype.
 * @param {Entry[] | undefined} entries
 */
function mapOf(entries = []) {
  return new Map(entries.map(({ code, name }) => [code, name]));
}

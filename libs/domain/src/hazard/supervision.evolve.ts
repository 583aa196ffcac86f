import { SupervisionDocumentNumbered, SupervisionImposed } from './hazard.events';
import { ExistingHazard, SupervisionNotice } from './hazard.state';

/** 挂牌督办 folded: the imposition becomes the current supervision; a system-numbered one awaits its 文号. */
export function imposed(s: ExistingHazard, d: SupervisionImposed['data']): ExistingHazard {
  const supervisionId = d.supervisionId ?? null;
  const numbering = d.numbering ?? 'none';
  return {
    ...s,
    underSupervision: true,
    supervision: {
      authorityLevel: d.authorityLevel,
      department: d.department,
      reason: d.reason,
      supervisionId,
      documentNo: d.documentNo ?? null,
      numbering,
      issuedBy: d.issuedBy ?? null,
      plannedCompletion: d.plannedCompletion ?? null,
      publish: d.publish ?? false,
      summary: d.summary ?? null,
      imposedAt: d.imposedAt ?? null,
      notice: { signDue: d.noticeSignDue ?? null },
    },
    documentNumbers: supervisionId && numbering === 'system' ? { ...s.documentNumbers, [supervisionId]: null } : s.documentNumbers,
  };
}

export function numbered(s: ExistingHazard, d: SupervisionDocumentNumbered['data']): ExistingHazard {
  const current = s.supervision?.supervisionId === d.supervisionId ? { ...s.supervision, documentNo: d.documentNo } : s.supervision;
  return { ...s, supervision: current, documentNumbers: { ...s.documentNumbers, [d.supervisionId]: d.documentNo } };
}

/** Notices act on the current supervision. */
export function withNotice(s: ExistingHazard, change: Partial<SupervisionNotice>): ExistingHazard {
  return s.supervision ? { ...s, supervision: { ...s.supervision, notice: { ...s.supervision.notice, ...change } } } : s;
}

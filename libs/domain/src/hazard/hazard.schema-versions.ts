/**
 * The schemaVersion written for each event type today. A new shape of an event gets a new version here and
 * an upcaster from the previous one; the `type` string never changes.
 */
const CURRENT: Partial<Record<string, number>> = {
  // v2 made gridId (网格) explicit: null when the hazard has no grid. v1 events simply lacked it.
  // v3 added basisCode (判定依据), null when absent; so did HazardFoundAgain v2 and HazardLevelChanged v2.
  // v4 (HazardFoundAgain v3) added tipNo, the tip a finding answers; null when absent.
  HazardFound: 4,
  HazardFoundAgain: 3,
  HazardLevelChanged: 2,
  // v2 added `closure` (the application the verification consumed) and `verifierAuthority`; v1: both null.
  HazardVerified: 2,
  VerificationFailed: 2,
  // v2: the 督办通知书 (supervisionId, imposedAt, noticeSignDue, numbering, documentNo, issuedBy, plannedCompletion, publish, summary).
  SupervisionImposed: 2,
};

export function schemaVersionOf(eventType: string): number {
  return CURRENT[eventType] ?? 1;
}

/** Pure data migrations, applied on read by the event-store's upcaster mechanism. */
export const HAZARD_UPCASTERS = [
  {
    eventType: 'HazardFound',
    fromVersion: 1,
    up: (data: unknown) => ({ gridId: null, ...(data as Record<string, unknown>) }),
  },
  { eventType: 'HazardFound', fromVersion: 2, up: withoutBasis },
  { eventType: 'HazardFoundAgain', fromVersion: 1, up: withoutBasis },
  { eventType: 'HazardFound', fromVersion: 3, up: withoutTip },
  { eventType: 'HazardFoundAgain', fromVersion: 2, up: withoutTip },
  { eventType: 'HazardLevelChanged', fromVersion: 1, up: withoutBasis },
  { eventType: 'SupervisionImposed', fromVersion: 1, up: beforeNotices },
  { eventType: 'HazardVerified', fromVersion: 1, up: beforeClosures },
  { eventType: 'VerificationFailed', fromVersion: 1, up: beforeClosures },
] as const;

function beforeClosures(data: unknown): unknown {
  return { closure: null, verifierAuthority: null, ...(data as Record<string, unknown>) };
}

function withoutBasis(data: unknown): unknown {
  return { basisCode: null, ...(data as Record<string, unknown>) };
}

/** A v1 imposition was never numbered and has no sign-due. */
function beforeNotices(data: unknown): unknown {
  return {
    supervisionId: null, imposedAt: null, noticeSignDue: null, numbering: 'none', documentNo: null,
    issuedBy: null, plannedCompletion: null, publish: false, summary: null, ...(data as Record<string, unknown>),
  };
}

function withoutTip(data: unknown): unknown {
  return { tipNo: null, ...(data as Record<string, unknown>) };
}

/**
 * The rules a city sets by configuration (CLOSURE_REQUIRED, CLOSURE_REVIEW_DAYS, NOTICE_SIGN_DAYS,
 * SUPERVISION_DOC_PREFIX, TIME_ZONE) and the reference catalogue. They reach the decider on the command, as
 * time does, so `decide` stays pure; a command without them is decided by the defaults the design gives.
 */
export interface HazardRules {
  readonly closureRequired: boolean;
  readonly closureReviewDays: number;
  readonly noticeSignDays: number;
  readonly supervisionDocPrefix: string;
  readonly timeZone: string;
  /** Reference checks (sectors, 判定依据); absent → nothing is checked against a catalogue. */
  readonly reference?: ReferenceChecks;
}

/** What the decider asks of the catalogue; each check throws a DomainError naming the code. */
export interface ReferenceChecks {
  checkSector(sector: string): void;
  checkBasis(basisCode: string, sector: string, at: string): void;
}

export const DEFAULT_HAZARD_RULES: HazardRules = {
  closureRequired: true,
  closureReviewDays: 10,
  noticeSignDays: 3,
  supervisionDocPrefix: '安委办督',
  timeZone: 'Asia/Shanghai',
};

const HOUR_MS = 3_600_000;

/** `at` plus a number of days (decimals allowed) as an ISO instant. */
export function addDays(at: string, days: number): string {
  return new Date(Date.parse(at) + Math.round(days * 24 * HOUR_MS)).toISOString();
}

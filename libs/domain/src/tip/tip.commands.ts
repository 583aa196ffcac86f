import { Actor } from '../shared/actor';
import { EncryptedReporter, RejectReason } from './tip.values';

interface Command<T extends string, D> {
  readonly type: T;
  readonly tipId: string;
  readonly data: D;
  readonly actor: Actor;
  readonly now: string;
  readonly commandId?: string;
  /** TIP_VERIFY_DAYS and TIP_FEEDBACK_DAYS, stamped by the edge; absent → 30 and 10. */
  readonly rules?: TipRules;
}

export interface TipRules {
  readonly verifyDays: number;
  readonly feedbackDays: number;
}

export const DEFAULT_TIP_RULES: TipRules = { verifyDays: 30, feedbackDays: 10 };

/** What a citizen's report is, as taken in and as recorded by TipReceived. */
export interface TipIntakeData {
  readonly tipNo: string;
  readonly sector: string | null;
  readonly regionCode: string | null;
  readonly location: string;
  readonly description: string;
  readonly evidence: readonly string[];
  readonly anonymous: boolean;
  readonly reporter: EncryptedReporter | null;
  /** sha256(tipNo ‖ ":" ‖ code) of the 查询码; the code itself is never stored. */
  readonly codeHash: string;
}

/** Public intake: the edge has drawn the number, hashed the query code and encrypted the reporter. */
export type SubmitTip = Command<'SubmitTip', TipIntakeData>;
export type AcceptTip = Command<'AcceptTip', { readonly note: string | null }>;
export type RejectTip = Command<'RejectTip', { readonly reason: RejectReason; readonly note: string }>;
export type AssignTip = Command<'AssignTip', { readonly department: string; readonly sector: string; readonly regionCode: string }>;
/** `linked`: the hazardIds the edge found with a finding carrying this tip's tipNo (the decider reads no stream). */
export type RecordTipVerification = Command<
  'RecordTipVerification',
  { readonly substantiated: boolean; readonly hazardIds: readonly string[]; readonly findings: string; readonly linked: readonly string[] }
>;
export type NotifyReporter = Command<'NotifyReporter', { readonly text: string }>;
/** Public, with the 查询码 checked by the edge. */
export type RequestTipReview = Command<'RequestTipReview', { readonly reason: string }>;
export type DecideReward = Command<'DecideReward', { readonly penaltyYuan: number }>;
export type MarkTipOverdue = Command<'MarkTipOverdue', { readonly dueAt: string }>;
export type MarkTipFeedbackOverdue = Command<'MarkTipFeedbackOverdue', { readonly dueAt: string }>;
export type ViewReporterIdentity = Command<'ViewReporterIdentity', { readonly reason: string }>;
export type EraseReporterIdentity = Command<'EraseReporterIdentity', { readonly reason: string }>;

export type TipCommand =
  | SubmitTip
  | AcceptTip
  | RejectTip
  | AssignTip
  | RecordTipVerification
  | NotifyReporter
  | RequestTipReview
  | DecideReward
  | MarkTipOverdue
  | MarkTipFeedbackOverdue
  | ViewReporterIdentity
  | EraseReporterIdentity;

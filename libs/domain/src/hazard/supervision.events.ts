import { Event } from './event';
import { AuthorityLevel, Numbering, SupervisionReason } from './hazard-values';

/* 挂牌督办 as a formal act: the imposition (督办通知书), its 文号 and the service and signature of its notice. */

export type SupervisionImposed = Event<
  'SupervisionImposed',
  {
    readonly authorityLevel: AuthorityLevel;
    readonly department: string;
    readonly reason: SupervisionReason;
    readonly imposedBy: string;
    /** Schema v2 from here on; v1 events upcast to null / `none` / false. UUID v5 of the imposing command's id. */
    readonly supervisionId: string | null;
    readonly imposedAt: string | null;
    /** imposedAt + NOTICE_SIGN_DAYS: by when the unit should have signed for the notice. */
    readonly noticeSignDue: string | null;
    readonly numbering: Numbering;
    /** The 文号 when given; a system number is recorded later by SupervisionDocumentNumbered. */
    readonly documentNo: string | null;
    readonly issuedBy: string | null;
    readonly plannedCompletion: string | null;
    readonly publish: boolean;
    readonly summary: string | null;
  }
>;

export type SupervisionDocumentNumbered = Event<
  'SupervisionDocumentNumbered',
  { readonly supervisionId: string; readonly documentNo: string; readonly number: number }
>;

export type SupervisionNoticeServed = Event<
  'SupervisionNoticeServed',
  { readonly supervisionId: string | null; readonly servedBy: string; readonly servedAt: string; readonly recipient: string; readonly recordedBy: string }
>;

export type SupervisionNoticeSigned = Event<
  'SupervisionNoticeSigned',
  { readonly supervisionId: string | null; readonly signedBy: string; readonly signedAt: string; readonly recordedBy: string }
>;

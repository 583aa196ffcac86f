import { ExistingHazard, Supervision, SupervisionNotice } from './hazard.state';

/** Signed (or, unsigned, read at `at`) after the sign-due; never for a v1 imposition, which has none. */
export function signOverdue(notice: { readonly signedAt?: string | null; readonly signDue: string | null }, at: string): boolean {
  if (!notice.signDue) return false;
  return Date.parse(notice.signedAt ?? at) > Date.parse(notice.signDue);
}

export type NoticeAsRead = SupervisionNotice & { readonly signOverdue: boolean };
export type HazardAsRead = Omit<ExistingHazard, 'supervision'> & { readonly supervision?: Supervision & { readonly notice: NoticeAsRead } };

/**
 * The state as a reader sees it at `at` (now, or an as-of time): what depends on the reading time — whether
 * the 督办通知书 is overdue for signature — is computed here, never stored.
 */
export function hazardAsRead(state: ExistingHazard, at: string): HazardAsRead {
  const { supervision, ...rest } = state;
  if (!supervision) return rest;
  return { ...rest, supervision: { ...supervision, notice: { ...supervision.notice, signOverdue: signOverdue(supervision.notice, at) } } };
}

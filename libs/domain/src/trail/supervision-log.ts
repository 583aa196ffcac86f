import { HazardEvent } from '../hazard/hazard.events';
import { AuthorityLevel } from '../hazard/hazard-values';
import { SupervisionEntry, TrailInput } from './hazard-trail';
import { signOverdue } from '../hazard/hazard-as-read';

type Data<T extends HazardEvent['type']> = Partial<Extract<HazardEvent, { type: T }>['data']>;
type Notice = { servedBy: string | null; servedAt: string | null; recipient: string | null; signedBy: string | null; signedAt: string | null; signDue: string | null };
type Imposed = Omit<Extract<SupervisionEntry, { action: 'imposed' }>, 'notice' | 'documentNo'> & { documentNo: string | null; notice: Notice };

/** The 挂牌督办 record of a hazard: each imposition with its 文号 and notice, and each lifting, in order. */
export class SupervisionLog {
  private readonly entries: (Imposed | SupervisionEntry)[] = [];
  private current?: Imposed;

  imposed(d: Data<'SupervisionImposed'>, input: TrailInput, occurrence: number): void {
    const entry: Imposed = {
      action: 'imposed',
      occurrence,
      level: d.authorityLevel as AuthorityLevel,
      reason: d.reason as Imposed['reason'],
      department: d.department ?? input.actor.departmentId,
      by: d.imposedBy ?? input.actor.userId,
      at: input.occurredAt,
      supervisionId: d.supervisionId ?? null,
      documentNo: d.documentNo ?? null,
      notice: { servedBy: null, servedAt: null, recipient: null, signedBy: null, signedAt: null, signDue: d.noticeSignDue ?? null },
    };
    this.current = entry;
    this.entries.push(entry);
  }

  /** The lifted entry names the supervision it ended (level, authority), so each row reads on its own. */
  lifted(d: Data<'SupervisionLifted'>, input: TrailInput, occurrence: number): void {
    const lifted = this.current;
    this.current = undefined;
    this.entries.push({
      action: 'lifted',
      occurrence,
      ...(lifted && { level: lifted.level }),
      reason: d.reason ?? '',
      department: lifted?.department ?? input.actor.departmentId,
      by: d.liftedBy ?? input.actor.userId,
      at: input.occurredAt,
    });
  }

  /** A number may be recorded after a later imposition (a finished interrupted numbering): match by id. */
  numbered(d: Data<'SupervisionDocumentNumbered'>): void {
    const entry = this.entries.find((e): e is Imposed => e.action === 'imposed' && e.supervisionId !== null && e.supervisionId === d.supervisionId);
    if (entry) entry.documentNo = d.documentNo ?? null;
  }

  served(d: Data<'SupervisionNoticeServed'>): void {
    if (this.current) Object.assign(this.current.notice, { servedBy: d.servedBy ?? null, servedAt: d.servedAt ?? null, recipient: d.recipient ?? null });
  }

  signed(d: Data<'SupervisionNoticeSigned'>): void {
    if (this.current) Object.assign(this.current.notice, { signedBy: d.signedBy ?? null, signedAt: d.signedAt ?? null });
  }

  toTrail(now: string): SupervisionEntry[] {
    return this.entries.map((e) => (e.action === 'imposed' ? { ...e, notice: { ...e.notice, signOverdue: signOverdue(e.notice, now) } } : { ...e }));
  }
}

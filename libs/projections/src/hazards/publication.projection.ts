import { ExistingHazard, HazardEvent, HazardState } from '@hazard/domain';

/** 公示: one published imposition, with only the public fields (API.md `GET /public/supervised-hazards`). */
export interface PublicationRow {
  readonly supervisionId: string;
  readonly hazardId: string;
  readonly documentNo: string | null;
  readonly unitName: string;
  readonly summary: string;
  readonly sector: string;
  readonly regionCode: string;
  readonly level: string;
  readonly authorityLevel: string;
  readonly imposedAt: string;
  /** plannedCompletion, else the hazard's deadline; frozen at lifting. */
  readonly deadline: string | null;
  readonly liftedAt: string | null;
}

export type PublicationChange =
  | { readonly kind: 'publication'; readonly row: PublicationRow }
  | { readonly kind: 'publication-patch'; readonly supervisionId: string; readonly set: Partial<Pick<PublicationRow, 'documentNo' | 'level' | 'deadline' | 'liftedAt'>> };

/**
 * What a hazard event does to the public list: an imposition with `publish` adds its row; its 文号 fills in
 * when drawn; while it is in force its level and (without a planned completion) the hazard's deadline follow
 * the hazard; the lifting records when and freezes the row. Pure: the hazard's state on either side of the
 * event, folded by the domain's evolve, decides everything.
 */
export function publicationChanges(before: HazardState, after: HazardState, event: HazardEvent, occurredAt: string): PublicationChange[] {
  if (!after.exists) return [];
  switch (event.type) {
    case 'SupervisionImposed': {
      const s = after.supervision;
      if (!s?.publish || !s.supervisionId) return [];
      return [{ kind: 'publication', row: rowOf(after, s.supervisionId) }];
    }
    case 'SupervisionDocumentNumbered':
      return [{ kind: 'publication-patch', supervisionId: event.data.supervisionId, set: { documentNo: event.data.documentNo } }];
    case 'SupervisionLifted': {
      const lifted = before.exists ? before.supervision : undefined;
      return lifted?.publish && lifted.supervisionId ? [{ kind: 'publication-patch', supervisionId: lifted.supervisionId, set: { liftedAt: occurredAt } }] : [];
    }
    default: {
      const s = after.supervision;
      if (!s?.publish || !s.supervisionId) return [];
      return [{ kind: 'publication-patch', supervisionId: s.supervisionId, set: { level: after.level, deadline: s.plannedCompletion ?? after.deadline ?? null } }];
    }
  }
}

function rowOf(h: ExistingHazard, supervisionId: string): PublicationRow {
  const s = h.supervision!;
  return {
    supervisionId,
    hazardId: h.hazardId,
    documentNo: s.documentNo,
    unitName: h.unitName,
    summary: s.summary ?? '',
    sector: h.sector,
    regionCode: h.regionCode,
    level: h.level,
    authorityLevel: s.authorityLevel,
    imposedAt: s.imposedAt ?? '',
    deadline: s.plannedCompletion ?? h.deadline ?? null,
    liftedAt: null,
  };
}

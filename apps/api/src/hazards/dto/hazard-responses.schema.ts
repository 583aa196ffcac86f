import { AUTHORITY_LEVELS, CLOSURE_ASSESSORS, LEVELS, NUMBERINGS, ROLES, SOURCES, STATUSES, SUPERVISION_REASONS } from '@hazard/domain';
import { namedSchema } from '../../edge/openapi/named-schemas';
import { anyObject, array, boolean, integer, mapOf, nullable, number, object, oneOf, optional, text, time, uuid } from '../../edge/openapi/schema-builders';

/** The answers of the hazard's routes, as hazard-command-result.ts, hazard.reader.ts and the domain's state shape them. */

export const HAZARD_COMMAND_RESULT = namedSchema(
  'HazardCommandResult',
  object({
    hazardId: uuid(),
    status: oneOf(STATUSES),
    occurrence: integer(1, 'the rectification cycle: 1, +1 each time a verified hazard comes back'),
    revision: integer(0, 'of the hazard stream after the command: the next If-Match'),
    position: integer(42, 'in the global log: minPosition for the read models'),
    foundAgain: optional(boolean('on a report: true when the key was already known (200 instead of 201)')),
    reviewDeadline: optional(time('2026-03-30T09:00:00.000Z')),
  }),
);

export const ACTOR = namedSchema(
  'Actor',
  object({
    userId: text('insp-li'),
    departmentId: text('dept-gas'),
    roles: array(oneOf(ROLES)),
    unitId: optional(text('91330100MA2XXXX01')),
    sectors: optional(array(text('gas'))),
    regions: optional(array(text('3301'))),
    authority: optional(oneOf(AUTHORITY_LEVELS)),
  }),
);

const SUPERVISION = object({
  authorityLevel: oneOf(AUTHORITY_LEVELS),
  department: text('dept-gas'),
  reason: oneOf(SUPERVISION_REASONS),
  supervisionId: nullable(uuid()),
  documentNo: nullable(text('杭应急督〔2026〕3号')),
  numbering: oneOf(NUMBERINGS),
  issuedBy: nullable(text('sup-zhao')),
  plannedCompletion: nullable(time()),
  publish: boolean(),
  summary: nullable(text('燃气调压箱锈蚀')),
  imposedAt: nullable(time()),
  notice: object({
    servedBy: optional(text()),
    servedAt: optional(time()),
    recipient: optional(text()),
    signedBy: optional(text()),
    signedAt: optional(time()),
    signDue: nullable(time()),
    signOverdue: boolean('not signed by signDue, at the time read'),
  }),
});

/** The hazard's identity and profile (HazardProfile), as both the stream's view and the read model's list show it. */
export const HAZARD_PROFILE_PROPERTIES = {
  hazardId: uuid(),
  unitId: text('91330100MA2XXXX01'),
  unitName: text('某某燃气有限公司'),
  location: text('3号楼 地下室 调压箱'),
  categoryCode: text('GAS-PIPE-AGING'),
  sector: text('gas'),
  regionCode: text('330102'),
  gridId: nullable(text('330102-001')),
  level: oneOf(LEVELS),
} as const;

export const HAZARD_VIEW = namedSchema(
  'HazardView',
  object({
    ...HAZARD_PROFILE_PROPERTIES,
    source: optional(oneOf(SOURCES, 'left out for a rectifier')),
    description: text('调压箱锈蚀严重，存在漏气风险'),
    discoveredAt: time(),
    basisCode: nullable(text('CZRQ-2023:5(2)')),
    status: oneOf(STATUSES),
    occurrence: integer(1),
    repeatFindings: integer(0),
    assignment: optional(
      object({ responsibleUnitId: text('91330100MA2XXXX01'), responsiblePerson: text('张三'), supervisingDepartment: text('dept-gas'), deadline: time(), requirements: text('更换调压箱'), assignedAt: time() }),
    ),
    deadline: optional(time()),
    overdue: boolean(),
    overdueDeadline: optional(time()),
    underSupervision: boolean(),
    supervision: optional(SUPERVISION),
    extensionCount: integer(0),
    pendingExtension: optional(object({ newDeadline: time(), reason: text(), requestedBy: text() })),
    plan: optional(
      object({ goals: text(), measures: text(), funding: text(), organisation: text(), timeline: text(), safetyMeasures: text(), fundingAmount: optional(nullable(number(200000))) }),
    ),
    lastRectification: optional(object({ submittedBy: text(), responsibleUnitId: text(), completedAt: time() })),
    closureApplication: optional(
      object({
        appliedAt: time(), appliedBy: text(), assessedBy: oneOf(CLOSURE_ASSESSORS), assessor: nullable(text()), summary: text(), evidence: array(text()),
        resumeProduction: boolean(), reviewDeadline: time(), reviewOverdue: boolean(),
      }),
    ),
    assignedUnitIds: array(text('91330100MA2XXXX01')),
    tipNos: optional(array(text('JB-2026-000001'), 'left out for a rectifier')),
    selfReported: optional(boolean('the unit reported it itself; left out for a rectifier')),
    documentNumbers: mapOf(nullable(text()), '文号 by supervisionId (null while it is drawn)'),
    revision: integer(5, 'of the last event folded: the ETag'),
    position: integer(42),
  }),
);

export const HISTORY_ENTRY = namedSchema(
  'HistoryEntry',
  object({
    revision: integer(0),
    position: integer(42),
    type: text('HazardFound'),
    data: anyObject('the event as stored (not upcast); its shape is the event type’s (docs/glossary.md)'),
    metadata: object({
      commandId: text(),
      correlationId: text(),
      causationId: text(),
      actor: ACTOR,
      occurredAt: time(),
      schemaVersion: integer(1),
      prevHash: optional(text(undefined, 'left out for a reader the source is hidden from')),
      hash: optional(text()),
    }),
    recordedAt: time(),
  }),
);

export const HAZARD_HISTORY = namedSchema('HazardHistory', object({ hazardId: uuid(), events: array(HISTORY_ENTRY) }));

const INTEGRITY_BREAK = object({
  streamId: text('hazard-6d1f3c2a-5b7e-5c1d-9a3b-2f4e6a8c0d12'),
  revision: integer(0),
  position: integer(42),
  reason: oneOf(['hash-mismatch', 'prev-hash-mismatch', 'revision-gap', 'missing-hash']),
});

export const STREAM_INTEGRITY = namedSchema('StreamIntegrity', object({ valid: boolean(), events: integer(5), brokenAt: optional(INTEGRITY_BREAK) }));

export const STORE_INTEGRITY = namedSchema(
  'StoreIntegrity',
  object({
    valid: boolean(),
    streams: integer(12),
    events: integer(80),
    digest: text('9f2c…', 'SHA-256 over every stream head, as `npm run cli -- digest`'),
    brokenAt: optional(array(INTEGRITY_BREAK, 'the first broken event of each broken stream')),
  }),
);

const NOTICE = object({
  dedupeKey: text(),
  rung: text('assigned'),
  template: text(),
  deadline: nullable(time()),
  recipient: text('unit-gasco'),
  channel: text('email'),
  address: optional(text()),
  requestedAt: time(),
  status: text('delivered'),
  attempts: integer(1),
  at: optional(time()),
  error: optional(text()),
});

export const HAZARD_NOTIFICATIONS = namedSchema('HazardNotifications', object({ hazardId: uuid(), items: array(NOTICE) }));

const REPORTING = object({ discoveredAt: time(), recordedAt: time(), delayHours: nullable(number(2)), late: boolean(), reportedBy: text('insp-li'), reportingDepartment: text('dept-gas') });

export const HAZARD_TRAIL = namedSchema(
  'HazardTrail',
  object({
    hazardId: nullable(uuid()),
    asOf: time(),
    lateReportHours: integer(24),
    reporting: nullable(REPORTING),
    refindings: array(anyObject('a later report of the same key: the reporting fields, occurrence, previousStatus, newCycle')),
    cycles: array(
      object({
        occurrence: integer(1),
        cause: oneOf(['found', 'found-again', 'reopened']),
        startedAt: time(),
        startedBy: text(),
        endedAt: optional(time()),
        responsibility: array(
          object({
            responsibleUnitId: text(), responsiblePerson: text(), supervisingDepartment: text(), assignedBy: text(),
            cause: oneOf(['assignment', 'reassignment', 'verification-failed']), from: time(), to: optional(time()), days: number(3.5),
          }),
        ),
        deadlines: array(object({ deadline: time(), setAt: time(), by: oneOf(['assignment', 'extension']) })),
        extensions: array(anyObject('an extension request and its decision: approved, denied, pending or lapsed')),
        rectifications: array(anyObject('a submitted rectification: submittedAt, completedAt, submittedBy, responsibleUnitId, deadline…')),
        rectifiedAt: optional(time()),
        submittedBy: optional(text()),
        onTime: optional(boolean()),
        overdue: array(anyObject('a deadline the scheduler recorded as missed')),
        overdueDaysByUnit: mapOf(number(0), 'days past the deadline charged to each unit that held responsibility'),
        failedVerifications: array(anyObject('a verification that did not pass')),
        verification: optional(anyObject('the passing verification')),
        closures: array(anyObject('a 销号 application with its review: reviewOverdue, chargedTo, outcome')),
        recurredAt: optional(time()),
        notifications: array(object({ rung: text(), recipient: text(), channel: text(), requestedAt: time(), outcome: text('delivered'), at: nullable(time()), attempts: integer(1) })),
      }),
    ),
    supervision: array(anyObject('an imposition or lifting of 挂牌督办')),
  }),
);

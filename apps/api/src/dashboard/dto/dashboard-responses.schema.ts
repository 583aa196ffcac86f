import { LEVELS, SOURCES, STATUSES } from '@hazard/domain';
import { namedSchema } from '../../edge/openapi/named-schemas';
import { HAZARD_PROFILE_PROPERTIES } from '../../hazards/dto/hazard-responses.schema';
import { array, boolean, integer, mapOf, nullable, number, object, oneOf, optional, page, text, time, uuid } from '../../edge/openapi/schema-builders';

/** The answers of the read-model routes: GET /hazards and the dashboard's figures and lists (@hazard/projections' queries). */

const COUNTS = (description: string) => mapOf(integer(3), description);

export const HAZARD_LIST_ITEM = namedSchema(
  'HazardListItem',
  object({
    ...HAZARD_PROFILE_PROPERTIES,
    source: optional(oneOf(SOURCES, 'left out for a rectifier')),
    discoveredAt: time(),
    status: oneOf(STATUSES),
    occurrence: integer(1),
    repeatFindings: integer(0),
    responsibleUnitId: nullable(text()),
    responsiblePerson: nullable(text()),
    supervisingDepartment: nullable(text('dept-gas')),
    deadline: nullable(time()),
    underSupervision: boolean(),
    foundAt: time(),
    updatedAt: time(),
    revision: integer(3),
    position: integer(42),
    overdue: boolean('by the server’s clock now'),
  }),
);

export const HAZARD_PAGE = namedSchema('HazardPage', { allOf: [page(HAZARD_LIST_ITEM), object({ position: integer(42, 'of the read models the page stands at') })] });

export const DASHBOARD_SUMMARY = namedSchema(
  'DashboardSummary',
  object({
    total: integer(12),
    byStatus: COUNTS('by status code'),
    bySector: COUNTS('by sector code'),
    byRegion: COUNTS('by region code'),
    byLevel: COUNTS('by level'),
    bySource: optional(COUNTS('by source: none for a rectifier')),
    rectificationRate: number(0.5, '整改率'),
    onTimeRate: number(0.75, '按期整改率'),
    overdue: integer(1),
    majorOpen: integer(2),
    underSupervision: integer(2),
    repeatRate: number(0.1, '重复发现率'),
    position: integer(42),
  }),
);

const listOf = (name: string, item: ReturnType<typeof object>) => namedSchema(name, object({ items: array(item), position: integer(42, 'of the read models the list stands at') }));

export const OVERDUE_LIST = listOf(
  'OverdueList',
  object({
    hazardId: uuid(), unitId: text(), unitName: text(), location: text(), sector: text('gas'), regionCode: text('330102'), level: oneOf(LEVELS), status: oneOf(STATUSES),
    responsibleUnitId: nullable(text()), responsiblePerson: nullable(text()), supervisingDepartment: nullable(text()), deadline: time(), daysOverdue: number(3), underSupervision: boolean(),
  }),
);

export const REPEAT_UNITS_LIST = listOf(
  'RepeatUnitList',
  object({ rank: integer(1), unitId: text(), unitName: text(), foundAgain: integer(3), hazards: integer(4), repeatHazards: integer(2), findings: integer(7) }),
);

export const DEPARTMENTS_LIST = listOf(
  'DepartmentScorecardList',
  object({
    department: text('dept-gas'), assigned: integer(10), verified: integer(8), rectified: integer(9), onTime: integer(7), onTimeRate: number(0.875),
    overdueNow: integer(1), overdueDays: number(4), verificationsNotHeld: integer(1), closureReviewsOverdue: integer(0),
  }),
);

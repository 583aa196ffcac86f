import { CONCEALMENT_DECLARATIONS, UNIT_TYPES } from '@hazard/domain';
import { namedSchema } from '../../edge/openapi/named-schemas';
import { array, boolean, integer, nullable, number, object, oneOf, optional, page, text, time, uuid } from '../../edge/openapi/schema-builders';

/** The answers of the registry and 自查自报 routes (unit-use-case.ts, unit.reader.ts, the projections' unit view). */

export const UNIT_COMMAND_RESULT = namedSchema(
  'UnitCommandResult',
  object({
    creditCode: text('91330102MA2B000015'),
    revision: integer(0),
    position: integer(42),
    period: optional(text('2026-03', 'on a self-check report: its period')),
    late: optional(boolean('on a self-check report: submitted after the 15th of the next month')),
  }),
);

const CONCEALMENT_SIGNAL = object({ period: text('2026-03'), declared: oneOf(CONCEALMENT_DECLARATIONS), hazardIds: array(uuid()) });

export const UNIT_VIEW = namedSchema(
  'UnitView',
  object({
    creditCode: text('91330102MA2B000015'),
    name: text('某某燃气有限公司'),
    industry: text('燃气'),
    type: oneOf(UNIT_TYPES),
    regionCode: text('330102'),
    gridId: nullable(text()),
    supervisingDepartments: array(text('dept-gas')),
    principal: object({ name: text('张三'), phone: text('13800000000') }),
    contacts: object({ email: nullable(text('safety@example.com')), webhookUrl: nullable(text()) }),
    registeredAt: time(),
    reports: array(
      object({
        period: text('2026-03'),
        zeroHazard: boolean(),
        hazardIds: array(uuid()),
        signedBy: text('张三'),
        submittedAt: time(),
        late: boolean(),
        corrected: nullable(
          object({
            correctedAt: time(),
            reason: text(),
            corrections: integer(1),
            original: object({ zeroHazard: boolean(), hazardIds: array(uuid()), signedBy: text() }),
          }),
        ),
      }),
    ),
    concealmentSignals: array(CONCEALMENT_SIGNAL, '瞒报 signals: none for a rectifier'),
  }),
);

export const UNIT_PAGE = namedSchema('UnitPage', { allOf: [page(UNIT_VIEW), object({ position: integer(42) })] });

export const SELF_REPORTING = namedSchema(
  'SelfReportingFigures',
  object({
    period: text('2026-03'),
    expected: integer(20),
    reported: integer(18),
    rate: number(0.9),
    missing: array(object({ creditCode: text(), name: text(), type: oneOf(UNIT_TYPES), regionCode: text() })),
    concealment: array(object({ creditCode: text(), name: text(), declared: oneOf(CONCEALMENT_DECLARATIONS), hazardIds: array(uuid()) })),
    position: integer(42),
  }),
);

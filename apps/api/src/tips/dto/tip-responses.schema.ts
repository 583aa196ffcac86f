import { TIP_STATUSES } from '@hazard/domain';
import { namedSchema } from '../../edge/openapi/named-schemas';
import { array, boolean, integer, nullable, number, object, oneOf, optional, page, text, time, uuid } from '../../edge/openapi/schema-builders';
import { HISTORY_ENTRY } from '../../hazards/dto/hazard-responses.schema';

/** The answers of the 举报 routes (tip-intake.ts, public-tips.controller.ts, tip-queries.controller.ts). */

export const TIP_RECEIPT = namedSchema(
  'TipReceipt',
  object({ tipNo: text('JB-2026-000001'), queryCode: text('7KQ2M9X4HD1RVT6B', 'shown once: the reporter follows the tip with it'), receivedAt: time() }),
);

export const PUBLIC_TIP = namedSchema(
  'PublicTipView',
  object({ tipNo: text('JB-2026-000001'), status: oneOf(TIP_STATUSES), receivedAt: time(), feedback: array(object({ at: time(), text: text('经核查属实，已责令整改') })), reviewRequested: boolean() }),
);

export const TIP_COMMAND_RESULT = namedSchema(
  'TipCommandResult',
  object({ tipId: uuid(), tipNo: text('JB-2026-000001'), status: oneOf(TIP_STATUSES), revision: integer(1), position: integer(42), amountYuan: optional(number(1000, 'the reward decided')) }),
);

export const TIP_VIEW = namedSchema(
  'TipView',
  object({
    tipId: uuid(),
    tipNo: text('JB-2026-000001'),
    status: oneOf(TIP_STATUSES),
    sector: nullable(text('gas')),
    regionCode: nullable(text('330102')),
    location: text('某小区3号楼'),
    description: text('楼道内私拉燃气管道'),
    evidence: array(text()),
    anonymous: boolean(),
    identity: oneOf(['none', 'held', 'erased'], 'whether the reporter’s identity is held (encrypted) or was erased'),
    receivedAt: time(),
    verifyDueAt: time(),
    feedbackDueAt: nullable(time()),
    overdue: boolean(),
    assignment: optional(object({ department: text('dept-gas'), sector: text('gas'), regionCode: text('330102') })),
    verification: optional(object({ substantiated: boolean(), hazardIds: array(uuid()), findings: text() })),
    feedback: array(object({ at: time(), text: text(), onTime: boolean() })),
    reviewRequested: boolean(),
    reward: optional(object({ penaltyYuan: number(100000), amountYuan: number(1000) })),
  }),
);

export const TIP_PAGE = namedSchema('TipPage', { allOf: [page(TIP_VIEW), object({ position: integer(42, 'of the read models answered from') })] });

export const TIP_HISTORY = namedSchema('TipHistory', object({ tipId: uuid(), events: array(HISTORY_ENTRY, 'TipReceived carries reporter {encrypted: true} or null, never the identity') }));

export const REPORTER_IDENTITY = namedSchema('ReporterIdentity', object({ name: text('王某'), phone: text('13800000000'), idNumber: optional(text()) }));

export const TIP_DASHBOARD = namedSchema(
  'TipDashboard',
  object({
    received: integer(12), accepted: integer(10), rejected: integer(1), verified: integer(8), substantiated: integer(6),
    substantiationRate: number(0.75), overdue: integer(1), feedbackOnTimeRate: number(0.9), rewardsYuan: number(3000), position: integer(42),
  }),
);

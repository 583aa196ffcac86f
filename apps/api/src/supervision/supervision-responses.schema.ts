import { AUTHORITY_LEVELS, LEVELS } from '@hazard/domain';
import { namedSchema } from '../edge/openapi/named-schemas';
import { nullable, object, oneOf, page, text, time, uuid } from '../edge/openapi/schema-builders';
import { HAZARD_COMMAND_RESULT } from '../hazards/dto/hazard-responses.schema';

/** The imposition's answer (impose-supervision.use-case.ts): the command result with the notice's id and 文号. */
export const SUPERVISION_RESULT = namedSchema('SupervisionResult', {
  allOf: [
    HAZARD_COMMAND_RESULT,
    object({
      supervisionId: nullable(uuid()),
      documentNo: nullable(text('杭应急督〔2026〕3号', 'null when numbering has not finished yet: the process manager completes it')),
    }),
  ],
});

/** 公示: exactly the ten public fields (public-supervision.controller.ts). */
export const PUBLIC_SUPERVISION_PAGE = namedSchema(
  'PublicSupervisionPage',
  page(
    object({
      documentNo: nullable(text('杭应急督〔2026〕3号')),
      unitName: text('某某燃气有限公司'),
      summary: text('燃气调压箱锈蚀'),
      sectorName: text('燃气'),
      regionName: text('上城区'),
      level: oneOf(LEVELS),
      authorityLevel: oneOf(AUTHORITY_LEVELS),
      imposedAt: time(),
      deadline: nullable(time()),
      liftedAt: nullable(time()),
    }),
  ),
);


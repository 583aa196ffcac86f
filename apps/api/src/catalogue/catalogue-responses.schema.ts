import { VALUE_SETS } from '@hazard/domain';
import { namedSchema } from '../edge/openapi/named-schemas';
import { array, nullable, object, text } from '../edge/openapi/schema-builders';

const ENTRY = namedSchema('CatalogueEntry', object({ code: text('gas'), name: text('燃气') }));

/** GET /catalogue: the catalogue file's entries and the domain's value sets, each a code with its zh-CN name. */
export const CATALOGUE_SCHEMA = namedSchema(
  'Catalogue',
  object({
    version: text('3f1a…', 'sha256 of the catalogue file: the ETag, and a filing’s catalogueVersion'),
    sectors: array(ENTRY),
    regions: array(object({ code: text('330102'), name: text('上城区'), parent: nullable(text('3301')) })),
    ...Object.fromEntries(Object.keys(VALUE_SETS).map((set) => [set, array(ENTRY)])),
    bases: array(
      object({
        code: text('CZRQ-2023:5(2)'),
        standard: text('CZRQ-2023'),
        sectors: array(text('gas')),
        title: text('城镇燃气经营安全重大隐患判定标准 第五条第（二）项'),
        text: text(),
        effectiveFrom: text('2023-04-01'),
        supersedes: array(text()),
        source: text('住房和城乡建设部'),
      }),
    ),
  }),
);

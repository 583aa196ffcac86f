import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { errorResponse } from './api-errors.decorator';
import { withNamedSchemas } from './named-schemas';

/**
 * The document served at /docs-json: what the controllers' decorators say, plus the named response schemas
 * (ErrorBody, HazardView…) they reference. test/openapi-document.e2e-spec.ts fails on an operation without a
 * summary, tags, a success schema or its errors.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hazard rectification ledger')
      .setDescription(
        '安全生产隐患排查治理: an event-sourced ledger of hazards, their rectification and verification. ' +
          'Every refusal answers the ErrorBody schema {statusCode, error, message, code?, details?}.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  return withNamedSchemas(withTransportErrors(document));
}

/**
 * What Fastify answers before any controller runs, added to every operation it applies to so no controller has
 * to remember it: 414 for a path parameter over maxParamLength, 415 for a body that is not JSON.
 */
function withTransportErrors(document: OpenAPIObject): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => {
      const operations = Object.entries(item).map(([method, operation]) => {
        if (typeof operation !== 'object' || operation === null || !('responses' in operation)) return [method, operation];
        const added = {
          ...(/\{\w+\}/.test(path) ? { 414: errorResponse(414) } : {}),
          ...(operation.requestBody ? { 415: errorResponse(415) } : {}),
        };
        return [method, { ...operation, responses: { ...added, ...operation.responses } }];
      });
      return [path, Object.fromEntries(operations)];
    }),
  );
  return { ...document, paths };
}

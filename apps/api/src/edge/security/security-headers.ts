import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SecurityConfig } from '@hazard/platform';

/**
 * The pages' policy (/docs: Swagger UI's scripts and styles come from this origin; its template has an inline
 * <style>). No upgrade-insecure-requests: the wall display may be served over plain http on a LAN, where
 * that directive would send every request to an https port nobody listens on. /dashboard sets its own.
 */
const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** What a JSON, CSV or event-stream answer may load if a browser ever renders it: nothing. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

const CORS_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'X-Correlation-Id'];

/**
 * helmet on every response (nosniff, frame and referrer policies, HSTS behind TLS, the CSP above), then for
 * every answer that is not a page: `Cache-Control: no-store` unless the route chose its own (the catalogue's
 * ETag, the wall page's no-cache) and the empty CSP. CORS only for CORS_ORIGINS; with none, browsers on other
 * origins get no CORS headers and cannot read any answer. Registered before the routes.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, security: SecurityConfig): Promise<void> {
  await app.register(helmet as never, { contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP }, frameguard: { action: 'deny' } });
  app.getHttpAdapter().getInstance().addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) void reply.header('content-security-policy', DATA_CSP);
    return payload;
  });
  if (security.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...security.corsOrigins],
      allowedHeaders: CORS_HEADERS,
      exposedHeaders: ['ETag', 'Location', 'Retry-After'],
      maxAge: 600,
    });
  }
}

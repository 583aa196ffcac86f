import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { actorOf } from '@hazard/platform';
import { AuthenticatedRequest } from '../auth/jwt-auth.guard';
import { RequestContext } from './request-context';

const IDEMPOTENCY_NAMESPACE = '0b8e3f5a-7c1d-4e2f-8a9b-1c2d3e4f5a6b';

/** Builds the RequestContext of a command route from the verified claims and the request headers. */
export const CommandContext = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.claims) throw new Error('CommandContext used on a route without JwtAuthGuard');
  const key = header(request, 'idempotency-key');
  const commandId = key ? commandIdFor(request.claims.sub, key) : randomUUID();
  const correlationId = header(request, 'x-correlation-id') ?? commandId;
  const ifMatch = parseIfMatch(header(request, 'if-match'));
  return {
    actor: actorOf(request.claims),
    commandId,
    correlationId,
    causationId: commandId,
    ...(ifMatch === undefined ? {} : { ifMatch }),
  };
});

/** One user's Idempotency-Key always names the same command. */
export function commandIdFor(userId: string, idempotencyKey: string): string {
  return uuidv5(`${userId}\n${idempotencyKey}`, IDEMPOTENCY_NAMESPACE);
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

/** Accepts the ETag as sent (`"3"`) or the bare revision (`3`). */
function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(value);
  if (!match?.[1]) throw new BadRequestException(`If-Match must be a revision such as "3", got '${value}'`);
  return Number(match[1]);
}

import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Claims, parseClaims } from '@hazard/platform';
import { IS_PUBLIC } from './public.decorator';
import { QUERY_TOKEN } from './query-token.decorator';

export interface AuthenticatedRequest {
  claims?: Claims;
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
}

/**
 * Every route needs a valid HS256 bearer token unless marked @Public(); 401 says what was wrong. Routes marked
 * @AcceptQueryToken() may carry it as `?access_token=` instead, checked the same way.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const inQuery = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, [context.getHandler(), context.getClass()]);
    const token = bearerToken(request) ?? (inQuery ? queryToken(request) : undefined);
    if (!token) {
      throw new UnauthorizedException(`missing bearer token (Authorization: Bearer <JWT>${inQuery ? ' or ?access_token=<JWT>' : ''})`);
    }
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
    const claims = parseClaims(payload);
    if (typeof claims === 'string') throw new UnauthorizedException(`invalid token: ${claims}`);
    request.claims = claims;
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.headers.authorization;
  return (typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null)?.[1];
}

function queryToken(request: AuthenticatedRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.access_token;
  return typeof value === 'string' && value ? value : undefined;
}

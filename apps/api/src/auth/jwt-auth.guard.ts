import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Claims, parseClaims } from './claims';
import { IS_PUBLIC } from './public.decorator';

export interface AuthenticatedRequest {
  claims?: Claims;
  headers: Record<string, string | string[] | undefined>;
}

/** Every route needs a valid HS256 bearer token unless marked @Public(); 401 says what was wrong. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new UnauthorizedException('missing bearer token (Authorization: Bearer <JWT>)');
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync(match[1], { algorithms: ['HS256'] });
    } catch (error) {
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
    const claims = parseClaims(payload);
    if (typeof claims === 'string') throw new UnauthorizedException(`invalid token: ${claims}`);
    request.claims = claims;
    return true;
  }
}

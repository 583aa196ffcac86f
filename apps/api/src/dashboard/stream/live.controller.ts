import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { actorOf, Claims } from '@hazard/platform';
import { FastifyReply } from 'fastify';
import { CurrentClaims } from '../../edge/auth/current-claims.decorator';
import { AcceptQueryToken } from '../../edge/auth/query-token.decorator';
import { LiveStreams } from './live-streams';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('stream')
export class LiveController {
  constructor(private readonly streams: LiveStreams) {}

  /**
   * Server-sent events: each change the projector commits to a hazard the reader may read after it, `id` = its log
   * position; a comment every 15 s.
   */
  @Get()
  @AcceptQueryToken()
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'access_token', required: false, description: 'the JWT, for EventSource, which cannot send headers' })
  @ApiOkResponse({ description: 'messages `id: <position>` and `data: {position, hazardId, type, occurredAt}`' })
  stream(@CurrentClaims() claims: Claims, @Res() reply: FastifyReply): void {
    // Fastify must not send or time out this reply: the stream is written to the raw response until it closes.
    reply.hijack();
    this.streams.attach(reply.raw, actorOf(claims));
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, SECURED } from '../../edge/openapi/api-errors.decorator';
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
  @ApiOperation({ summary: 'server-sent events: each change to a hazard the reader may read, id = its log position' })
  @ApiResponse({
    status: 200,
    description: 'messages `id: <position>` and `data: {position, hazardId, type, occurredAt}`; a comment every 15 s',
    content: { 'text/event-stream': { schema: { type: 'string', example: 'id: 42\ndata: {"position":42,"hazardId":"…","type":"RectificationAssigned","occurredAt":"…"}\n\n' } } },
  })
  @ApiErrors(...SECURED)
  stream(@CurrentClaims() claims: Claims, @Res() reply: FastifyReply): void {
    // Fastify must not send or time out this reply: the stream is written to the raw response until it closes.
    reply.hijack();
    this.streams.attach(reply.raw, actorOf(claims));
  }
}

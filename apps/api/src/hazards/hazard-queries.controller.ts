import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { HazardId } from './hazard-id.param';
import { HazardReader, HazardView } from './hazard.reader';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('hazards')
export class HazardQueriesController {
  constructor(private readonly reader: HazardReader) {}

  /** The current state replayed from the hazard's stream; ETag is its revision, for If-Match. */
  @Get(':id')
  async get(@HazardId() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<HazardView> {
    const view = await this.reader.current(id);
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  @Get(':id/history')
  async history(@HazardId() id: string) {
    const events = await this.reader.events(id);
    return {
      hazardId: id,
      events: events.map(({ revision, position, type, data, metadata, recordedAt }) => ({ revision, position, type, data, metadata, recordedAt })),
    };
  }
}

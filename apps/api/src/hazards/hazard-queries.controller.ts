import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { streamIdFor } from '@hazard/domain';
import { verifyStream } from '@hazard/event-store';
import { FastifyReply } from 'fastify';
import { StateQueryDto } from './dto/state-query.dto';
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

  /** Time travel: the state as it stood at `asOf` or at `revision`. */
  @Get(':id/state')
  state(@HazardId() id: string, @Query() query: StateQueryDto): Promise<HazardView> {
    if ((query.asOf === undefined) === (query.revision === undefined)) {
      throw new BadRequestException('give exactly one of asOf (ISO-8601 time) or revision');
    }
    return this.reader.asOf(id, { time: query.asOf, revision: query.revision });
  }

  /** Who was responsible when, deadlines and extensions, overdue days per unit, verifications that did not hold, 迟报. */
  @Get(':id/trail')
  trail(@HazardId() id: string) {
    return this.reader.trail(id);
  }

  /** Recomputes the hazard's hash chain from what is stored. */
  @Get(':id/integrity')
  async integrity(@HazardId() id: string) {
    return verifyStream(streamIdFor(id), await this.reader.events(id));
  }
}

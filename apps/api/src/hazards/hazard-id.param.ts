import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** The `:id` route parameter; a value that is not a UUID can never name a hazard and is bad input (400). */
export const HazardId = () =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a hazard id (UUID)') }));

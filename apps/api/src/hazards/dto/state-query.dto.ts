import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_REVISION } from '../../edge/hostile-input/query-bounds';
import { IsIsoDateTime } from './iso-date-time.validator';

/** `?asOf=<time>` or `?revision=<n>`: exactly one. */
export class StateQueryDto {
  @ApiPropertyOptional({ example: '2026-03-12T08:00:00+08:00' })
  @IsOptional() @IsIsoDateTime()
  asOf?: string;

  @ApiPropertyOptional({ example: 3, minimum: 0, maximum: MAX_REVISION })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'revision must be a whole number' }) @Min(0, { message: 'revision must not be negative' })
  @Max(MAX_REVISION, { message: `revision must not exceed ${MAX_REVISION}` })
  revision?: number;
}

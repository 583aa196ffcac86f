import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_POSITION } from '../../edge/hostile-input/query-bounds';

/** Every read-model query: `?minPosition=<n>` waits until the projector has passed n (read your writes). */
export class MinPositionQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_POSITION, description: 'the `position` a command answered with: wait (a few seconds at most) until the read models include it; 503 otherwise' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'minPosition must be a whole number' }) @Min(0, { message: 'minPosition must not be negative' })
  @Max(MAX_POSITION, { message: `minPosition must not exceed ${MAX_POSITION}` })
  minPosition?: number;
}

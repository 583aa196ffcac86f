import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TIP_STATUSES, TipStatus } from '@hazard/domain';
import { MinPositionQueryDto } from '../../dashboard/read-models/min-position-query.dto';

/** `GET /tips` filters and paging; an unknown value or parameter is a 400 naming it. */
export class TipListQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ enum: TIP_STATUSES })
  @IsOptional() @IsIn(TIP_STATUSES, { message: `status must be one of ${TIP_STATUSES.join(', ')}` })
  status?: TipStatus;

  @ApiPropertyOptional({ example: '3301' })
  @IsOptional() @Matches(/^\d{1,12}$/, { message: 'regionCode must be 1 to 12 digits (a region-code prefix)' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional() @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page must be at least 1' }) @Max(100_000, { message: 'page must be at most 100000' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' }) @Min(1, { message: 'pageSize must be at least 1' }) @Max(200, { message: 'pageSize must not exceed 200' })
  pageSize?: number;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PERIOD_PATTERN } from '@hazard/projections';
import { MinPositionQueryDto } from '../../dashboard/read-models/min-position-query.dto';
import { MAX_PAGE } from '../../edge/hostile-input/query-bounds';
import { REGION_CODE, REGION_CODE_MESSAGE } from './report-fields';

export const MAX_FILINGS_PAGE_SIZE = 200;

/** `GET /reports/filings`: the filings the reader may read, newest filed first. */
export class FilingListQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ example: '2026Q1' })
  @IsOptional() @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYYQ1–YYYYQ4 or YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ example: '3301', description: 'a region-code prefix: 3301 also lists its districts’ filings' })
  @IsOptional() @Matches(REGION_CODE, { message: REGION_CODE_MESSAGE })
  regionCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page must be at least 1' })
  @Max(MAX_PAGE, { message: `page must not exceed ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FILINGS_PAGE_SIZE, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be at least 1' }) @Max(MAX_FILINGS_PAGE_SIZE, { message: `pageSize must not exceed ${MAX_FILINGS_PAGE_SIZE}` })
  pageSize?: number;
}

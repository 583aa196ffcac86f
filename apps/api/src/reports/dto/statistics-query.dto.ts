import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MinPositionQueryDto } from '../../dashboard/read-models/min-position-query.dto';
import { commaSeparated, FORMAT_MESSAGE, GROUP_BY_MESSAGE, GROUP_BYS, GroupBy, PERIOD_MESSAGE, REGION_CODE, REGION_CODE_MESSAGE, REPORT_FORMATS, ReportFormat } from './report-fields';

/** `GET /reports/statistics`: the period's 统计分析表 from the live read models. */
export class StatisticsQueryDto extends MinPositionQueryDto {
  @ApiProperty({ example: '2026Q1', description: '2026 (year), 2026Q1 (quarter) or 2026-03 (month), in TIME_ZONE; a period not begun is 400' })
  @IsString({ message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ example: '3301', description: 'a region-code prefix, 2–12 digits; rows are its catalogue children' })
  @IsOptional() @Matches(REGION_CODE, { message: REGION_CODE_MESSAGE })
  regionCode?: string;

  @ApiPropertyOptional({ type: String, example: 'gas,fire', description: 'comma-separated catalogue sector codes; default all' })
  @IsOptional() @Transform(commaSeparated)
  @IsArray({ message: 'sectors must be comma-separated sector codes' }) @ArrayNotEmpty({ message: 'sectors must name at least one sector code' })
  @ArrayMaxSize(100, { message: 'sectors must name at most 100 sector codes' }) @IsString({ each: true, message: 'sectors must be comma-separated sector codes' })
  sectors?: string[];

  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'region' })
  @IsOptional() @IsIn(GROUP_BYS, { message: GROUP_BY_MESSAGE })
  groupBy?: GroupBy;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'xlsx: the 隐患排查治理统计分析表 as a workbook' })
  @IsOptional() @IsIn(REPORT_FORMATS, { message: FORMAT_MESSAGE })
  format?: ReportFormat;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { GROUP_BY_MESSAGE, GROUP_BYS, GroupBy, PERIOD_MESSAGE, REGION_CODE, REGION_CODE_MESSAGE } from './report-fields';

/** `POST /reports/filings`: 报送 an ended period's 统计分析表. */
export class FileStatisticsReportDto {
  @ApiProperty({ example: '2026Q1', description: 'an ended period: 2026, 2026Q1 or 2026-03 (a running one is 422)' })
  @IsString({ message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ example: '3301', description: 'required of a supervisor, under its regions; absent: every region (admin)' })
  @IsOptional() @Matches(REGION_CODE, { message: REGION_CODE_MESSAGE })
  regionCode?: string;

  @ApiPropertyOptional({ type: [String], example: ['gas'], description: 'catalogue sector codes; default: the filer’s own sectors' })
  @IsOptional() @IsArray({ message: 'sectors must be an array of sector codes' }) @ArrayNotEmpty({ message: 'sectors must name at least one sector code' })
  @ArrayMaxSize(100, { message: 'sectors must name at most 100 sector codes' }) @IsString({ each: true, message: 'sectors must be an array of sector codes' })
  sectors?: string[];

  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'region' })
  @IsOptional() @IsIn(GROUP_BYS, { message: GROUP_BY_MESSAGE })
  groupBy?: GroupBy;
}

import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** Twelve fields validated as the API's report DTO validates its own: the work any real command's edge does. */
export class NoopCommandDto {
  @IsString() @Length(1, 64) unitId!: string;
  @IsString() @Length(1, 200) unitName!: string;
  @IsString() @Length(1, 200) location!: string;
  @IsString() @Length(1, 64) categoryCode!: string;
  @IsString() @Length(1, 64) sector!: string;
  @Matches(/^\d{6,12}$/) regionCode!: string;
  @IsOptional() @IsString() @MaxLength(64) gridId?: string;
  @IsIn(['general', 'major']) level!: string;
  @IsIn(['inspection', 'self-check', 'citizen-report', 'monitoring', 'media', 'other']) source!: string;
  @IsString() @Length(1, 2000) description!: string;
  @IsISO8601({ strict: true }) discoveredAt!: string;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) evidence!: string[];
}

export const NOOP_BODY: NoopCommandDto = {
  unitId: '91330106MA2KXXXX0X',
  unitName: '杭州西湖燃气有限公司',
  location: '3号楼 地下室 调压箱',
  categoryCode: 'GAS-PIPE-AGING',
  sector: 'gas',
  regionCode: '330106',
  gridId: 'grid-001',
  level: 'major',
  source: 'inspection',
  description: '调压箱锈蚀严重，存在漏气风险',
  discoveredAt: '2026-02-28T09:30:00+08:00',
  evidence: ['photo-001.jpg'],
};

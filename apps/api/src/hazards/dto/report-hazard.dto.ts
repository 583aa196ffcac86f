import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { HazardLevel, HazardSource, LEVELS, SOURCES } from '@hazard/domain';
import { IsIsoDateTime } from './iso-date-time.validator';

/** A finding names a tip only when it comes from one. */
@ValidatorConstraint({ name: 'tipNoWithCitizenReport' })
class TipNoWithCitizenReport implements ValidatorConstraintInterface {
  validate(_tipNo: unknown, args: ValidationArguments): boolean {
    return (args.object as { source?: string }).source === 'citizen-report';
  }

  defaultMessage(): string {
    return 'tipNo goes with source citizen-report only';
  }
}

export class ReportHazardDto {
  @ApiProperty({ example: '91310000MA1FL0001X', description: 'responsible unit code (统一社会信用代码 or facility code)' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  unitId!: string;

  @ApiProperty({ example: '某某燃气有限公司' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  unitName!: string;

  @ApiProperty({ example: '3号楼 地下室 调压箱' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  location!: string;

  @ApiProperty({ example: 'GAS-PIPE-AGING', description: 'hazard category or 判定标准 clause' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  categoryCode!: string;

  @ApiProperty({ example: 'gas' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  sector!: string;

  @ApiProperty({ example: '330102', description: 'administrative region code' })
  @IsString() @Matches(/^\d{2,12}$/, { message: 'regionCode must be 2 to 12 digits' })
  regionCode!: string;

  @ApiPropertyOptional({ example: 'grid-0817', description: '网格 id' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  gridId?: string;

  @ApiPropertyOptional({ example: 'GMT-10-2023:11(3)', description: '判定依据: a clause of GET /catalogue `bases` that lists the sector and is in force at discoveredAt' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  basisCode?: string;

  @ApiPropertyOptional({ example: 'JB-2026-000001', description: 'with source citizen-report only: the open tip (举报) this finding answers' })
  @IsOptional() @Matches(/^JB-\d{4}-\d{6}$/, { message: 'tipNo must look like JB-2026-000001' })
  @Validate(TipNoWithCitizenReport)
  tipNo?: string;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level!: HazardLevel;

  @ApiProperty({ enum: SOURCES })
  @IsIn(SOURCES, { message: `source must be one of ${SOURCES.join(', ')}` })
  source!: HazardSource;

  @ApiProperty({ example: '调压箱锈蚀严重，存在漏气风险' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  description!: string;

  @ApiProperty({ example: '2026-03-01T09:30:00+08:00' })
  @IsIsoDateTime()
  discoveredAt!: string;

  @ApiPropertyOptional({ type: [String], description: 'evidence references (photo ids, document URLs)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(2000, { each: true })
  evidence?: string[];
}

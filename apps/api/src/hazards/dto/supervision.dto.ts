import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AUTHORITY_LEVELS, AuthorityLevel, HazardLevel, LEVELS, SUPERVISION_REASONS, SupervisionReason } from '@hazard/domain';

export class SupervisionDto {
  @ApiProperty({ enum: AUTHORITY_LEVELS })
  @IsIn(AUTHORITY_LEVELS, { message: `authorityLevel must be one of ${AUTHORITY_LEVELS.join(', ')}` })
  authorityLevel!: AuthorityLevel;

  @ApiProperty({ enum: SUPERVISION_REASONS })
  @IsIn(SUPERVISION_REASONS, { message: `reason must be one of ${SUPERVISION_REASONS.join(', ')}` })
  reason!: SupervisionReason;

  @ApiPropertyOptional({ example: 'dept-safety-committee', description: 'defaults to the caller’s department' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  department?: string;
}

export class LevelChangeDto {
  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level!: HazardLevel;

  @ApiProperty({ example: '复核后认定为重大事故隐患' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  reason!: string;

  @ApiPropertyOptional({ example: 'CZRQ-2023:4(1)', description: '判定依据 of the new grading: in the catalogue, for the hazard’s sector, in force now' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  basisCode?: string;
}

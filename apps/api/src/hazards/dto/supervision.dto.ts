import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsIsoDateTime } from './iso-date-time.validator';
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

  @ApiPropertyOptional({ example: '杭安委〔2026〕7号', description: '文号 of a notice issued outside the ledger; absent → the system assigns <SUPERVISION_DOC_PREFIX>〔year〕n号' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  documentNo?: string;

  @ApiPropertyOptional({ example: '李四', description: '签发人' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  issuedBy?: string;

  @ApiPropertyOptional({ example: '2026-06-30T18:00:00+08:00', description: '计划完成时间, in the future' })
  @IsOptional() @IsIsoDateTime()
  plannedCompletion?: string;

  @ApiPropertyOptional({ default: false, description: '公示: list it on GET /public/supervised-hazards' })
  @IsOptional() @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({ maxLength: 200, description: 'the only text the public sees; required with publish' })
  @ValidateIf((o: SupervisionDto) => o.publish === true || o.summary !== undefined)
  @IsString({ message: 'summary is required with publish and must be a text' }) @IsNotEmpty({ message: 'summary is required with publish' }) @MaxLength(200)
  summary?: string;
}

/** 送达 of the current 督办通知书. */
export class NoticeServiceDto {
  @ApiProperty({ example: '区安委办 王五', description: '送达人' }) @IsString() @IsNotEmpty() @MaxLength(64)
  servedBy!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00+08:00', description: 'not in the future, not before the imposition' }) @IsIsoDateTime()
  servedAt!: string;

  @ApiProperty({ example: '某某燃气有限公司 安全科 张三', description: '受送达人' }) @IsString() @IsNotEmpty() @MaxLength(200)
  recipient!: string;
}

/** 签收 of the current 督办通知书. */
export class NoticeSignatureDto {
  @ApiProperty({ example: '张三', description: '签收人' }) @IsString() @IsNotEmpty() @MaxLength(64)
  signedBy!: string;

  @ApiProperty({ example: '2026-03-02T15:00:00+08:00', description: 'not in the future, not before the service' }) @IsIsoDateTime()
  signedAt!: string;
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

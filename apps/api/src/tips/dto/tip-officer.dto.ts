import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';
import { REJECT_REASONS, RejectReason } from '@hazard/domain';

export class TipAcceptanceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class TipRejectionDto {
  @ApiProperty({ enum: REJECT_REASONS }) @IsIn(REJECT_REASONS, { message: `reason must be one of ${REJECT_REASONS.join(', ')}` })
  reason!: RejectReason;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000)
  note!: string;
}

/** 交办: the department that is to verify it. */
export class TipAssignmentDto {
  @ApiProperty({ example: 'dept-gas' }) @IsString() @IsNotEmpty() @MaxLength(64)
  department!: string;

  @ApiProperty({ example: 'gas' }) @IsString() @IsNotEmpty() @MaxLength(64)
  sector!: string;

  @ApiProperty({ example: '330102' }) @Matches(/^\d{2,12}$/, { message: 'regionCode must be 2 to 12 digits' })
  regionCode!: string;
}

export class TipVerificationDto {
  @ApiProperty() @IsBoolean()
  substantiated!: boolean;

  @ApiProperty({ type: [String], description: 'hazards found for it, each with a finding naming this tipNo' })
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'each of hazardIds must be a hazard id (UUID)' })
  hazardIds!: string[];

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000)
  findings!: string;
}

/** 反馈: what the reporter reads with the query code. */
export class TipFeedbackDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000)
  text!: string;
}

export class TipReasonDto {
  @ApiProperty({ minLength: 5, maxLength: 500 }) @IsString() @Length(5, 500, { message: 'reason must be 5 to 500 characters' })
  reason!: string;
}

export class TipRewardDto {
  @ApiProperty({ description: 'the penalty imposed, whole yuan' }) @IsInt({ message: 'penaltyYuan must be whole yuan' }) @Min(0, { message: 'penaltyYuan must not be negative' })
  penaltyYuan!: number;
}

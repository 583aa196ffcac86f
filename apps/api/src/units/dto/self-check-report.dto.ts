import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { SELF_CHECK_PERIOD_PATTERN } from '@hazard/domain';

export const PERIOD_MESSAGE = 'period must be a month YYYY-MM or a quarter YYYYQ1–YYYYQ4 (e.g. 2026-03, 2026Q1)';

/** Runs also when zeroHazard is absent: a report lists hazards (at least one) xor declares zero hazards. */
@ValidatorConstraint({ name: 'hazardIdsXorZeroHazard' })
class HazardIdsXorZeroHazard implements ValidatorConstraintInterface {
  validate(zeroHazard: unknown, args: ValidationArguments): boolean {
    if (zeroHazard !== undefined && typeof zeroHazard !== 'boolean') return false;
    const listed = ((args.object as { hazardIds?: unknown }).hazardIds as unknown[] | undefined)?.length ?? 0;
    return zeroHazard === true ? listed === 0 : listed > 0;
  }

  defaultMessage(): string {
    return 'give hazardIds (at least one) or zeroHazard: true, not both; zeroHazard must be a boolean';
  }
}

/** The report's content: hazardIds xor zeroHazard, signed by the principal (主要负责人). */
class SelfCheckContentDto {
  @ApiPropertyOptional({ type: [String], description: 'the hazards the unit found itself in the period (each with a self-check finding discovered in it)' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true, message: 'each of hazardIds must be a hazard id (UUID)' })
  hazardIds?: string[];

  @ApiPropertyOptional({ description: '零隐患: true declares that the unit found no hazard in the period' })
  @Validate(HazardIdsXorZeroHazard)
  zeroHazard?: boolean;

  @ApiProperty({ example: '王建国', description: "the principal's name (签字)" })
  @IsString() @IsNotEmpty() @MaxLength(50)
  signedBy!: string;
}

/** `POST /units/:creditCode/self-check-reports`. */
export class SelfCheckReportDto extends SelfCheckContentDto {
  @ApiProperty({ example: '2026-03' })
  @IsString() @Matches(SELF_CHECK_PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;
}

/** `POST /units/:creditCode/self-check-reports/:period/corrections`: the path names the period (a body's period must match it). */
export class SelfCheckCorrectionDto extends SelfCheckContentDto {
  @ApiPropertyOptional({ example: '2026-03', description: 'optional: must equal the path’s period' })
  @IsOptional() @IsString() @Matches(SELF_CHECK_PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period?: string;

  @ApiProperty({ example: '漏报一项隐患', description: '更正原因' })
  @IsString() @IsNotEmpty() @MaxLength(500)
  reason!: string;
}

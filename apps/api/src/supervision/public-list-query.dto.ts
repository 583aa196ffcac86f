import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUTHORITY_LEVELS, AuthorityLevel } from '@hazard/domain';

const BOOLEANS = ['true', 'false'] as const;

/** `GET /public/supervised-hazards` filters and paging; an unknown value or parameter is a 400 naming it. */
export class PublicListQueryDto {
  @ApiPropertyOptional({ example: '3301', description: 'a region-code prefix' })
  @IsOptional() @Matches(/^\d{1,12}$/, { message: 'regionCode must be 1 to 12 digits (a region-code prefix)' })
  regionCode?: string;

  @ApiPropertyOptional({ example: 'gas' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  sector?: string;

  @ApiPropertyOptional({ enum: AUTHORITY_LEVELS })
  @IsOptional() @IsIn(AUTHORITY_LEVELS, { message: `authorityLevel must be one of ${AUTHORITY_LEVELS.join(', ')}` })
  authorityLevel?: AuthorityLevel;

  @ApiPropertyOptional({ enum: BOOLEANS, description: 'true: not lifted' })
  @IsOptional() @IsIn(BOOLEANS, { message: 'active must be true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page must be at least 1' }) @Max(100_000, { message: 'page must be at most 100000' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' }) @Min(1, { message: 'pageSize must be at least 1' }) @Max(100, { message: 'pageSize must be at most 100' })
  pageSize?: number;
}

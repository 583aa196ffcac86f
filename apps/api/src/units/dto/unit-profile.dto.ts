import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { normalizeCreditCode, UNIT_TYPES, UnitType } from '@hazard/domain';

const REGION_CODE_MESSAGE = 'regionCode must be 2 to 12 digits';

/** 主要负责人: name 1–50 characters, phone `^[0-9+-]{5,20}$`. */
export class PrincipalDto {
  @ApiProperty({ example: '王建国' })
  @IsString() @IsNotEmpty() @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '13800000001' })
  @Matches(/^[0-9+-]{5,20}$/, { message: 'principal.phone must be 5 to 20 digits, + or -' })
  phone!: string;
}

/** Where the unit's notices go; each may be left out. */
export class UnitContactsDto {
  @ApiPropertyOptional({ example: 'safety@gasco.example' })
  @IsOptional() @IsEmail({}, { message: 'contacts.email must be an email address' }) @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'https://gasco.example/hooks/safety' })
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'contacts.webhookUrl must be an http(s) URL' }) @MaxLength(2000)
  webhookUrl?: string;
}

/** `POST /units`: the registry fields; creditCode is upper-cased, its check character verified by the domain (400 UNIT.CREDIT_CODE_INVALID). */
export class RegisterUnitDto {
  @ApiProperty({ example: '91330102MA2B000015', description: '统一社会信用代码 (GB 32100-2015), 18 characters; lower case is accepted' })
  @Transform(({ value }) => (typeof value === 'string' ? normalizeCreditCode(value) : value))
  @IsString() @IsNotEmpty() @MaxLength(64)
  creditCode!: string;

  @ApiProperty({ example: '杭州某某燃气有限公司' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'gas', description: '行业' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  industry!: string;

  @ApiProperty({ enum: UNIT_TYPES, description: 'high-risk 高危, above-scale 规上, crowded-place 人员密集, other 其他' })
  @IsIn(UNIT_TYPES, { message: `type must be one of ${UNIT_TYPES.join(', ')}` })
  type!: UnitType;

  @ApiProperty({ example: '330102' })
  @IsString() @Matches(/^\d{2,12}$/, { message: REGION_CODE_MESSAGE })
  regionCode!: string;

  @ApiPropertyOptional({ example: 'grid-0817', description: '网格 id; null clears it on an update', nullable: true })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  gridId?: string | null;

  @ApiProperty({ type: [String], example: ['dept-gas', 'dept-fire'], description: 'the departments that supervise the unit' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(64, { each: true })
  supervisingDepartments!: string[];

  @ApiProperty({ type: PrincipalDto })
  @IsObject() @ValidateNested() @Type(() => PrincipalDto)
  principal!: PrincipalDto;

  @ApiProperty({ type: UnitContactsDto })
  @IsObject() @ValidateNested() @Type(() => UnitContactsDto)
  contacts!: UnitContactsDto;
}

/** `PATCH /units/:creditCode`: any of the registry fields but creditCode; principal and contacts replace the whole object. */
export class UpdateUnitDto extends PartialType(OmitType(RegisterUnitDto, ['creditCode'] as const)) {}

/** PATCH takes null only to clear the grid; any other field left null would blank a required registry field. */
export function refuseNullFields(body: UpdateUnitDto): void {
  const nulls = Object.entries(body).filter(([field, value]) => value === null && field !== 'gridId').map(([field]) => field);
  if (nulls.length > 0) throw new BadRequestException(`${nulls.join(', ')} may not be null (only gridId can be cleared)`);
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

/** The reporter, encrypted before anything is stored; a 400 names the field, never echoes the value. */
export class ReporterDto {
  @ApiProperty({ description: '1–50 characters' }) @IsString({ message: 'reporter.name must be a text' }) @IsNotEmpty({ message: 'reporter.name is required' }) @MaxLength(50, { message: 'reporter.name must be at most 50 characters' })
  name!: string;

  @ApiProperty({ description: '^[0-9+-]{5,20}$' }) @Matches(/^[0-9+-]{5,20}$/, { message: 'reporter.phone must be 5 to 20 digits, + or -' })
  phone!: string;

  @ApiPropertyOptional({ description: '18 characters, the last a digit or X' }) @IsOptional() @Matches(/^[0-9]{17}[0-9X]$/, { message: 'reporter.idNumber must be 17 digits and a digit or X' })
  idNumber?: string;
}

/** `POST /public/tips`: anyone, without a token. */
export class PublicTipDto {
  @ApiPropertyOptional({ example: 'gas' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  sector?: string;

  @ApiPropertyOptional({ example: '330102' }) @IsOptional() @Matches(/^\d{2,12}$/, { message: 'regionCode must be 2 to 12 digits' })
  regionCode?: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200, { message: 'location must be at most 200 characters' })
  location!: string;

  @ApiProperty({ maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 10 }) @IsOptional() @IsArray() @ArrayMaxSize(10, { message: 'evidence must list at most 10 items' }) @IsString({ each: true }) @MaxLength(500, { each: true })
  evidence?: string[];

  @ApiProperty({ description: 'true: no reporter may be given; false: the reporter is required' }) @IsBoolean()
  anonymous!: boolean;

  @ApiPropertyOptional({ type: ReporterDto })
  @ValidateIf((o: PublicTipDto) => o.anonymous === false || o.reporter !== undefined)
  @ValidateNested() @Type(() => ReporterDto)
  @IsNotEmpty({ message: 'reporter is required unless the tip is anonymous' })
  reporter?: ReporterDto;
}

/** `POST /public/tips/:tipNo/review-requests` (复查). */
export class ReviewRequestDto {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'code is required' }) @MaxLength(32)
  code!: string;

  @ApiProperty({ maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000)
  reason!: string;
}

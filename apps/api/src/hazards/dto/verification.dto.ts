import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class VerificationDto {
  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ example: '现场复核，整改到位' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  notes!: string;
}

export class ReopeningDto {
  @ApiProperty({ example: '群众投诉，整改后再次漏气' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  reason!: string;
}

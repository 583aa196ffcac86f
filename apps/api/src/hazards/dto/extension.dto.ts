import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsIsoDateTime } from './iso-date-time.validator';

export class ExtensionRequestDto {
  @ApiProperty({ example: '2026-04-30T18:00:00+08:00', description: 'later than the current deadline' })
  @IsIsoDateTime()
  newDeadline!: string;

  @ApiProperty({ example: '设备到货延迟' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  reason!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty()
  @IsBoolean()
  approved!: boolean;

  @ApiProperty({ example: '理由充分，同意延期' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  reason!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsIsoDateTime } from './iso-date-time.validator';

export class RectificationDto {
  @ApiProperty({ example: '已更换调压箱并加装泄漏报警装置' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  measures!: string;

  @ApiProperty({ type: [String], description: 'at least one evidence reference (photo, report)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(2000, { each: true })
  evidence!: string[];

  @ApiProperty({ example: '2026-03-20T17:00:00+08:00' })
  @IsIsoDateTime()
  completedAt!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsIsoDateTime } from './iso-date-time.validator';

export class AssignRectificationDto {
  @ApiProperty({ example: '91310000MA1FL0001X' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  responsibleUnitId!: string;

  @ApiProperty({ example: '张三' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  responsiblePerson!: string;

  @ApiProperty({ example: 'dept-gas' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  supervisingDepartment!: string;

  @ApiProperty({ example: '2026-03-31T18:00:00+08:00', description: 'must be in the future' })
  @IsIsoDateTime()
  deadline!: string;

  @ApiProperty({ example: '更换锈蚀调压箱，加装泄漏报警' })
  @IsString() @IsNotEmpty() @MaxLength(4000)
  requirements!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** 治理方案: the six parts required of a major hazard's plan. */
export class RemediationPlanDto {
  @ApiProperty({ description: '治理的目标和任务' }) @IsString() @IsNotEmpty() @MaxLength(4000)
  goals!: string;

  @ApiProperty({ description: '采取的方法和措施' }) @IsString() @IsNotEmpty() @MaxLength(4000)
  measures!: string;

  @ApiProperty({ description: '经费和物资的落实' }) @IsString() @IsNotEmpty() @MaxLength(4000)
  funding!: string;

  @ApiProperty({ description: '负责治理的机构和人员' }) @IsString() @IsNotEmpty() @MaxLength(4000)
  organisation!: string;

  @ApiProperty({ description: '治理的时限和要求' }) @IsString() @IsNotEmpty() @MaxLength(4000)
  timeline!: string;

  @ApiProperty({ description: '安全措施和应急预案' }) @IsString() @IsNotEmpty() @MaxLength(4000)
  safetyMeasures!: string;

  @ApiPropertyOptional({ example: 200000, description: '治理资金 in yuan, 0 – 10¹², at most 2 decimals (the 统计分析表 sums it to the fen)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'fundingAmount must be a number of yuan with at most 2 decimals' })
  @Min(0, { message: 'fundingAmount must not be negative' }) @Max(1e12, { message: 'fundingAmount must be at most 10¹² yuan' })
  fundingAmount?: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CLOSURE_ASSESSORS, ClosureAssessor } from '@hazard/domain';

/** 销号申请 (16号令 Art. 18): the unit's application to close a rectified major hazard, with its assessment. */
export class ClosureApplicationDto {
  @ApiProperty({ enum: CLOSURE_ASSESSORS, description: '评估主体: self 本单位技术人员和专家, experts 外聘专家, agency 安全评价机构' })
  @IsIn(CLOSURE_ASSESSORS, { message: `assessedBy must be one of ${CLOSURE_ASSESSORS.join(', ')}` })
  assessedBy!: ClosureAssessor;

  @ApiPropertyOptional({ description: '评估机构或专家' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  assessor?: string;

  @ApiProperty({ description: '评估报告摘要' }) @IsString() @IsNotEmpty() @MaxLength(4000)
  summary!: string;

  @ApiProperty({ type: [String], description: '评估报告等证明材料, 1–50' })
  @IsArray() @ArrayMinSize(1, { message: 'evidence must list at least one document' }) @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(500, { each: true })
  evidence!: string[];

  @ApiProperty({ description: '恢复生产申请: a passing verification grants it' }) @IsBoolean()
  resumeProduction!: boolean;
}

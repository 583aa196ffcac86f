import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MinPositionQueryDto } from '../../dashboard/read-models/min-position-query.dto';
import { FORMAT_MESSAGE, REPORT_FORMATS, ReportFormat } from './report-fields';

/** `GET /reports/filings/:id`: as filed (recomputed from the log), as corrected (now), and what separates them. */
export class FilingQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'xlsx: the form as filed, then sheets 更正后 and 差异' })
  @IsOptional() @IsIn(REPORT_FORMATS, { message: FORMAT_MESSAGE })
  format?: ReportFormat;
}

import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Schema } from './schema-builders';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE = { type: 'string', format: 'binary' } as const;

/** The operation's summary and its success answer in JSON; a 2xx other than 200 is given as `status`. */
export function ApiAnswer(summary: string, schema: Schema, options: { status?: 200 | 201; description?: string } = {}): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiResponse({ status: options.status ?? 200, description: options.description ?? summary, content: { 'application/json': { schema } } }),
  );
}

/** As ApiAnswer, for a route that also answers as a file download (`format=csv|xlsx`) with a Content-Disposition name. */
export function ApiAnswerOrFile(summary: string, schema: Schema, fileTypes: readonly string[] = [CSV_TYPE, XLSX_TYPE]): MethodDecorator {
  const files = Object.fromEntries(fileTypes.map((type) => [type, { schema: FILE }]));
  return applyDecorators(
    ApiOperation({ summary }),
    ApiResponse({
      status: 200,
      description: `${summary}; with format=${fileTypes.map((t) => (t === CSV_TYPE ? 'csv' : 'xlsx')).join('|')} a download (Content-Disposition names the file)`,
      content: { 'application/json': { schema }, ...files },
    }),
  );
}

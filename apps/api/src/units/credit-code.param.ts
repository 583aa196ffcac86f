import { Param, PipeTransform } from '@nestjs/common';
import { normalizeCreditCode } from '@hazard/domain';

const normalized: PipeTransform<string, string> = { transform: (value) => normalizeCreditCode(value) };

/** The `:creditCode` route parameter, upper-cased: a code no unit was registered under reads as 404 UNIT.NOT_FOUND. */
export const CreditCode = () => Param('creditCode', normalized);

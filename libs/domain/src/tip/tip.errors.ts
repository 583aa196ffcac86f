import { DomainError } from '../hazard/hazard.errors';
import { TipStatus } from './tip.values';

export type TipCode =
  | 'TIP.NOT_FOUND'
  | 'TIP.ALREADY_EXISTS'
  | 'TIP.ILLEGAL_TRANSITION'
  | 'TIP.REWARD_ALREADY_DECIDED'
  | 'TIP.NO_IDENTITY'
  | 'TIP.IDENTITY_ERASED'
  | 'TIP.HAZARD_NOT_LINKED'
  | 'TIP.SUBSTANTIATION_MISMATCH'
  | 'TIP.NOT_ACCEPTING_HAZARDS'
  | 'TIP.REWARD_NEEDS_REAL_NAME'
  | 'TIP.REWARD_NOT_SUBSTANTIATED'
  | 'TIP.NOT_DUE'
  | 'TIP.ALREADY_OVERDUE';

/** A refusal about a tip; the HTTP status follows the code (API.md "Errors (added)"). */
export class TipError extends DomainError {
  constructor(
    readonly code: TipCode,
    message: string,
    override readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function tipIllegal(command: string, status: TipStatus, why?: string): TipError {
  return new TipError('TIP.ILLEGAL_TRANSITION', `${command} is not allowed while the tip is ${status}${why ? ` (${why})` : ''}`, { status, command });
}

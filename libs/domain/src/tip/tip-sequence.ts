import { ForbiddenError } from '../hazard/hazard.errors';
import { Actor } from '../shared/actor';
import { Aggregate } from '../shared/aggregate';
import { createDecoder } from '../shared/decoder';
import { TipError } from './tip.errors';

/**
 * The yearly register of 举报 numbers, `tipseq-<year>`: its n-th event allocates number n. A number is
 * taken by creating its tip's stream first; the register records it after, so a crash in between leaves a tip
 * the next intake records (no gap), and two intakes never record one number twice (expected revision).
 */
export interface RecordTipNumber {
  readonly type: 'RecordTipNumber';
  readonly year: number;
  readonly data: { readonly number: number; readonly tipNo: string; readonly tipId: string };
  readonly actor: Actor;
  readonly now: string;
  readonly commandId?: string;
}

export interface TipNumberAllocated {
  readonly type: 'TipNumberAllocated';
  readonly data: { readonly number: number; readonly tipNo: string; readonly tipId: string };
}

export interface TipSequenceState {
  readonly count: number;
}

export function decideTipNumber(command: RecordTipNumber, state: TipSequenceState): TipNumberAllocated[] {
  const { number } = command.data;
  if (number <= state.count) return []; // recorded already (by this intake's retry or another's catch-up)
  if (number !== state.count + 1) throw new TipError('TIP.ILLEGAL_TRANSITION', `number ${number} cannot follow ${state.count}: numbers have no holes`);
  return [{ type: 'TipNumberAllocated', data: { ...command.data } }];
}

export const tipSequenceDecoder = createDecoder<TipNumberAllocated>({ streamPrefix: 'tipseq-', eventTypes: ['TipNumberAllocated'], upcasters: [] });

export const tipSequenceAggregate: Aggregate<RecordTipNumber, TipNumberAllocated, TipSequenceState> = {
  decider: { decide: decideTipNumber, evolve: (s, e) => ({ count: Math.max(s.count, e.data.number) }), initialState: () => ({ count: 0 }) },
  decoder: tipSequenceDecoder,
  idOf: (command) => String(command.year),
  authorize: (command) => {
    if (!command.actor.roles.includes('admin')) throw new ForbiddenError('tip numbers are recorded by the system only');
  },
  schemaVersionOf: () => 1,
};

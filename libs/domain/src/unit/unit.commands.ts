import { Actor } from '../shared/actor';
import { NamedHazard, Principal, SelfCheckWindow, UnitProfile } from './unit.values';

/** Every unit command names its unit (stream `unit-<creditCode>`), who issues it and when (stamped by the runner). */
interface UnitCommandOf<T extends string, D> {
  readonly type: T;
  /** Upper-cased by the edge (`normalizeCreditCode`). */
  readonly creditCode: string;
  readonly data: D;
  readonly actor: Actor;
  readonly now: string;
  readonly commandId?: string;
}

/** As a registration carries the profile: grid and contacts may be left out. */
export type RegisteredProfile = Omit<UnitProfile, 'gridId' | 'contacts'> & {
  readonly gridId?: string | null;
  readonly contacts?: { readonly email?: string | null; readonly webhookUrl?: string | null };
};

export type RegisterUnit = UnitCommandOf<'RegisterUnit', RegisteredProfile>;

/** Any of the profile's fields; creditCode never changes (it names the stream). */
export type UpdateUnit = UnitCommandOf<'UpdateUnit', Partial<Omit<RegisteredProfile, 'principal'>> & { readonly principal?: Principal }>;

/** 自查自报: a period's report, signed by the principal. */
export interface SelfCheckContent {
  readonly period: string;
  readonly window: SelfCheckWindow;
  /** The hazards the unit found itself in the period; empty with `zeroHazard`. */
  readonly hazardIds: readonly string[];
  /** 零隐患: the unit declares it found none. */
  readonly zeroHazard: boolean;
  readonly signedBy: string;
  /** Each of `hazardIds` as the edge read it, so the decider checks them without I/O. */
  readonly hazards: readonly NamedHazard[];
}

export type SubmitSelfCheckReport = UnitCommandOf<'SubmitSelfCheckReport', SelfCheckContent>;

export type CorrectSelfCheckReport = UnitCommandOf<'CorrectSelfCheckReport', SelfCheckContent & { readonly reason: string }>;

export type UnitCommand = RegisterUnit | UpdateUnit | SubmitSelfCheckReport | CorrectSelfCheckReport;
export type UnitCommandType = UnitCommand['type'];

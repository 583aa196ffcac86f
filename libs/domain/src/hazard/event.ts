/** The shape of every event: a past-tense `type` and its data (see hazard.events.ts for the rules). */
export interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
}

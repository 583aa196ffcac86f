/** A command or an event: a `type` tag and its data (STYLE.md, "messages are data"). */
export interface DomainMessage {
  readonly type: string;
  readonly data: unknown;
}

/** The decider shape (emmett): pure decision and fold, no I/O. */
export interface Decider<C, E extends DomainMessage, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

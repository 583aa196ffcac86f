/** The one source of "now" for command paths and schedulers; tests pass a fake to move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

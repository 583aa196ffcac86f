/** The one source of "now" for command handlers and schedulers; tests inject a fake to move time. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

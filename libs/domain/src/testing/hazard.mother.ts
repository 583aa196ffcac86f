/**
 * Object mothers for the hazard decider's tests: fixed times and actors, every command and event with
 * happy-path defaults, and a history builder. Test-only: not exported from the lib's index.
 */
export * from './hazard-fixtures';
export * from './hazard-commands.mother';
export * from './hazard-events.mother';
export * from './hazard-history.mother';

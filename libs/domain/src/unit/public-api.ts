/** The unit aggregate's surface (re-exported from the lib's index). */
export * from './credit-code';
export * from './unit.values';
export * from './unit.commands';
export * from './unit.events';
export * from './unit.state';
export * from './unit.errors';
export * from './unit-profile';
export * from './unit.access';
export * from './unit.decide';
export * from './unit.evolve';
export * from './unit.decoder';
export * from './unit.aggregate';
export * from './self-reporting.rules';

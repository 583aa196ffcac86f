/** The registry and self-reporting read side (re-exported from the lib's index). */
export * from './self-check-period';
export * from './unit-registry.store';
export * from './unit-registry.query';
export * from './unit-findings.query';
export * from './unit-concealment';
export * from './unit-view';
export * from './self-reporting.query';

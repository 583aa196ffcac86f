/** Injection token of the app's Clock (`@hazard/platform`); AppModule provides the system clock or a test's fake. */
export const CLOCK = Symbol('CLOCK');

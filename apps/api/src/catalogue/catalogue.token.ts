/** Injection token of the loaded `Catalogue` (libs/domain). */
export const CATALOGUE = Symbol('CATALOGUE');

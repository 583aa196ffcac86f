import { TestClaims } from './test-app';

/** Object mothers for the people of a city gas department and the units it supervises. */
export const inspector: TestClaims = { sub: 'insp-li', dept: 'dept-gas', roles: ['inspector'], sectors: ['gas'], regions: ['3301'] };
export const inspector2: TestClaims = { sub: 'insp-wang', dept: 'dept-gas', roles: ['inspector'], sectors: ['gas'], regions: ['3301'] };
/** A district gas bureau's supervisors: they act for the county level, enough to close county-supervised hazards. */
export const supervisor: TestClaims = { sub: 'sup-zhao', dept: 'dept-gas', roles: ['supervisor'], sectors: ['gas'], regions: ['3301'], authority: 'county' };
export const supervisor2: TestClaims = { sub: 'sup-qian', dept: 'dept-gas', roles: ['supervisor'], sectors: ['gas'], regions: ['3301'], authority: 'county' };
export const fireSupervisor: TestClaims = { sub: 'sup-sun', dept: 'dept-fire', roles: ['supervisor'], sectors: ['fire'], regions: ['*'] };
export const otherRegionSupervisor: TestClaims = { sub: 'sup-zhou', dept: 'dept-gas', roles: ['supervisor'], sectors: ['gas'], regions: ['3302'] };
export const rectifier: TestClaims = { sub: 'rect-wu', dept: 'unit-gasco', roles: ['rectifier'], unitId: 'UNIT-GASCO' };
export const otherRectifier: TestClaims = { sub: 'rect-zheng', dept: 'unit-other', roles: ['rectifier'], unitId: 'UNIT-OTHER' };
export const reviewer: TestClaims = { sub: 'rev-feng', dept: 'dept-safety-committee', roles: ['reviewer'], sectors: ['*'], regions: ['*'] };
export const admin: TestClaims = { sub: 'admin-chen', dept: 'dept-safety-committee', roles: ['admin'], sectors: ['*'], regions: ['*'] };
/** A supervisor who is also the responsible unit's own staff: separation of duties must stop them verifying. */
export const supervisorOfUnit: TestClaims = { sub: 'sup-unit', dept: 'dept-gas', roles: ['supervisor'], sectors: ['gas'], regions: ['3301'], unitId: 'UNIT-GASCO' };

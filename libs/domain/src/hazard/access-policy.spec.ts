import { given } from '../testing/decider-spec';
import {
  admin,
  tipOfficer,
  numberSupervisionDocument,
  recordNoticeServed,
  recordNoticeSigned,
  applyForClosure,
  markClosureReviewOverdue,
  aHazardIn,
  assignRectification,
  decideExtension,
  imposeSupervision,
  inspector,
  Issued,
  liftSupervision,
  markOverdue,
  reclassifyHazard,
  rectifier,
  reopenHazard,
  reportHazard,
  requestExtension,
  reviewer,
  submitRectification,
  submitRemediationPlan,
  supervisor,
  system,
  verifyRectification,
} from '../testing/hazard.mother';
import { rolesAllowedTo } from './access-policy';
import { HazardCommand, HazardCommandType } from './hazard.commands';
import { HazardEvent } from './hazard.events';
import { HazardStatus } from './hazard-values';
import { Actor, Role } from '../shared/actor';

/** Each command, issued by `actor` on a hazard in the status it is meant for (in the actor's sector, region and unit). */
const SCENARIO: Record<HazardCommandType, { status?: HazardStatus; issue: (by: Issued) => HazardCommand }> = {
  ReportHazard: { issue: (by) => reportHazard(by.actor?.roles.includes('rectifier') ? { source: 'self-check' } : {}, by) },
  AssignRectification: { status: 'found', issue: (by) => assignRectification({}, by) },
  SubmitRemediationPlan: { status: 'assigned', issue: (by) => submitRemediationPlan({}, by) },
  RequestExtension: { status: 'assigned', issue: (by) => requestExtension({}, by) },
  DecideExtension: { status: 'assigned', issue: (by) => decideExtension({}, by) },
  SubmitRectification: { status: 'assigned', issue: (by) => submitRectification({}, by) },
  VerifyRectification: { status: 'rectified', issue: (by) => verifyRectification({}, by) },
  ReopenHazard: { status: 'verified', issue: (by) => reopenHazard({}, by) },
  MarkOverdue: { status: 'assigned', issue: (by) => markOverdue(by) },
  ImposeSupervision: { status: 'found', issue: (by) => imposeSupervision({ authorityLevel: 'city' }, by) },
  LiftSupervision: { status: 'verified', issue: (by) => liftSupervision({}, by) },
  ReclassifyHazard: { status: 'found', issue: (by) => reclassifyHazard({ level: 'general' }, by) },
  ApplyForClosure: { status: 'rectified', issue: (by) => applyForClosure({}, by) },
  MarkClosureReviewOverdue: { status: 'rectified', issue: (by) => markClosureReviewOverdue(by) },
  NumberSupervisionDocument: { status: 'found', issue: (by) => numberSupervisionDocument({}, by) },
  RecordNoticeServed: { status: 'found', issue: (by) => recordNoticeServed({}, by) },
  RecordNoticeSigned: { status: 'assigned', issue: (by) => recordNoticeSigned({}, by) },
};

const SUPERVISOR_ACTIONS: HazardCommandType[] = [
  'AssignRectification',
  'DecideExtension',
  'VerifyRectification',
  'ReopenHazard',
  'ImposeSupervision',
  'LiftSupervision',
  'ReclassifyHazard',
  'RecordNoticeServed',
  'RecordNoticeSigned',
];

/**
 * API.md "Identity": inspectors report; supervisors assign, decide extensions, verify, reopen, grade and impose
 * supervision; rectifiers submit plans, extension requests and rectifications; reviewers write nothing; admins
 * do any supervisor action (and, as the system, mark deadlines missed). Supervisors and admins may also report
 * what they find themselves.
 */
const MAY: Record<Role, { actor: Actor; commands: readonly HazardCommandType[] }> = {
  inspector: { actor: inspector, commands: ['ReportHazard'] },
  supervisor: { actor: supervisor, commands: ['ReportHazard', ...SUPERVISOR_ACTIONS] },
  rectifier: { actor: rectifier, commands: ['ReportHazard', 'SubmitRemediationPlan', 'RequestExtension', 'SubmitRectification', 'ApplyForClosure', 'RecordNoticeSigned'] },
  reviewer: { actor: reviewer, commands: [] },
  'tip-officer': { actor: tipOfficer, commands: [] },
  admin: { actor: admin, commands: ['ReportHazard', ...SUPERVISOR_ACTIONS, 'MarkOverdue', 'MarkClosureReviewOverdue', 'NumberSupervisionDocument'] },
};

const ALL_COMMANDS = Object.keys(SCENARIO) as HazardCommandType[];
const table = (allowed: boolean) =>
  (Object.keys(MAY) as Role[]).flatMap((role) =>
    ALL_COMMANDS.filter((type) => MAY[role].commands.includes(type) === allowed).map((type) => [role, type] as const),
  );

function historyFor(type: HazardCommandType): readonly HazardEvent[] {
  const { status } = SCENARIO[type];
  return status === undefined ? [] : aHazardIn(status).events;
}

describe('access policy: who may do what', () => {
  it.each(table(true))('a %s may issue %s', (role, type) => {
    given(historyFor(type)).when(SCENARIO[type].issue({ actor: MAY[role].actor })).thenAuthorized();
  });

  it.each(table(false))('a %s may not issue %s (403)', (role, type) => {
    given(historyFor(type))
      .when(SCENARIO[type].issue({ actor: MAY[role].actor }))
      .thenForbidden(`${type} needs one of the roles`);
  });

  it('a reviewer writes nothing, even with every sector and region', () => {
    for (const type of ALL_COMMANDS) {
      given(historyFor(type)).when(SCENARIO[type].issue({ actor: reviewer })).thenForbidden();
    }
  });

  it('the deadline scheduler marks overdue as the system actor', () => {
    given(aHazardIn('assigned').events).when(markOverdue({ actor: system })).thenAuthorized();
  });

  it('an actor with several roles acts under whichever role allows the command', () => {
    const inspectingRectifier: Actor = { ...rectifier, roles: ['inspector', 'rectifier'], sectors: ['gas'], regions: ['3301'] };

    given([]).when(reportHazard({}, { actor: inspectingRectifier })).thenAuthorized();
    given(aHazardIn('assigned').events).when(submitRectification({}, { actor: inspectingRectifier })).thenAuthorized();
    given(aHazardIn('found').events).when(assignRectification({}, { actor: inspectingRectifier })).thenForbidden();
  });

  it.each(ALL_COMMANDS)('rolesAllowedTo(%s) lists exactly the roles of the table', (type) => {
    const expected = (Object.keys(MAY) as Role[]).filter((role) => MAY[role].commands.includes(type));

    expect([...rolesAllowedTo(type)].sort()).toEqual(expected.sort());
  });
});

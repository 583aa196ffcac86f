import { ForbiddenError } from '../hazard/hazard.errors';
import { Aggregate } from '../shared/aggregate';
import { Actor } from '../shared/actor';
import { createDecoder } from '../shared/decoder';
import { DEFAULT_TIP_RULES, TipCommand, TipRules } from './tip.commands';
import { decideTip } from './tip.decide';
import { TIP_EVENT_TYPES, TipEvent } from './tip.events';
import { evolveTip } from './tip.evolve';
import { ExistingTip, initialTipState, TipState } from './tip.state';

export const tipDecoder = createDecoder<TipEvent>({ streamPrefix: 'tip-', eventTypes: TIP_EVENT_TYPES, upcasters: [] });

/** The public acts with no identity of its own: no user, no address (identity protection). */
export const PUBLIC_ACTOR: Actor = { userId: 'public', departmentId: 'public', roles: [] };

const PUBLIC_COMMANDS: readonly TipCommand['type'][] = ['SubmitTip', 'RequestTipReview'];
const SYSTEM_COMMANDS: readonly TipCommand['type'][] = ['MarkTipOverdue', 'MarkTipFeedbackOverdue'];

/** Public commands are the public's; system ones the system's; every other is a tip officer's, within its regions. */
export function authorizeTip(command: TipCommand, state: TipState): void {
  const { actor } = command;
  if (PUBLIC_COMMANDS.includes(command.type)) {
    if (actor.userId !== PUBLIC_ACTOR.userId) throw new ForbiddenError(`${command.type} is the public's own`);
    return;
  }
  if (SYSTEM_COMMANDS.includes(command.type)) {
    if (!actor.roles.includes('admin')) throw new ForbiddenError(`${command.type} is the system's`);
    return;
  }
  if (!actor.roles.includes('tip-officer')) throw new ForbiddenError(`${command.type} needs the role tip-officer`);
  if (state.exists && !tipInRegions(actor, state)) throw new ForbiddenError(`tip ${state.tipNo} is outside your regions`);
}

/** A tip officer's regions; a tip without a region is everyone's. */
export function tipInRegions(actor: Actor, tip: Pick<ExistingTip, 'regionCode'>): boolean {
  const regions = actor.regions ?? [];
  return tip.regionCode === null || regions.some((prefix) => prefix === '*' || tip.regionCode!.startsWith(prefix));
}

/** The tip as the generic command path runs it, with TIP_VERIFY_DAYS and TIP_FEEDBACK_DAYS stamped on its commands. */
export function tipAggregateWith(rules: TipRules): Aggregate<TipCommand, TipEvent, TipState> {
  return {
    decider: { decide: (command, state) => decideTip(command.rules ? command : { ...command, rules }, state), evolve: evolveTip, initialState: initialTipState },
    decoder: tipDecoder,
    idOf: (command) => command.tipId,
    authorize: authorizeTip,
    schemaVersionOf: () => 1,
  };
}

export const tipAggregate = tipAggregateWith(DEFAULT_TIP_RULES);

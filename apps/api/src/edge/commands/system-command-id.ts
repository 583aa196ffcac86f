import { SYSTEM_ACTOR } from '@hazard/domain';
import { v5 as uuidv5 } from 'uuid';
import { RequestContext } from '../request-context/request-context';

/** Fixed namespace: the same cause yields the same commandId in every process and after every restart. */
const SYSTEM_COMMAND_NAMESPACE = '5d0c6a7e-3b1f-4f0a-8e2d-9c4b7a1e6f30';

/** A deterministic commandId, so the event store dedupes a command the system sends twice. */
export function systemCommandId(...parts: readonly (string | number)[]): string {
  return uuidv5(parts.join('\n'), SYSTEM_COMMAND_NAMESPACE);
}

/** The context of a command the system sends because of an earlier event (its cause). */
export function systemContext(commandId: string, cause: { readonly eventId: string; readonly correlationId: string }): RequestContext {
  return { actor: SYSTEM_ACTOR, commandId, correlationId: cause.correlationId, causationId: cause.eventId };
}

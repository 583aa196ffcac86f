import { ExistingTip, foldStored, initialTipState, TIP_NO_PATTERN, tipDecoder, evolveTip } from '@hazard/domain';
import { EventStore, readStreamOrEmpty, RecordedEvent } from '@hazard/event-store';
import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace: a tipNo names one tip stream, on every replica, forever. */
const TIP_NAMESPACE = '3c1d9e27-6a54-4f08-b2e1-8d7f0a6c5b49';

export function tipIdFor(tipNo: string): string {
  return uuidv5(tipNo, TIP_NAMESPACE);
}

/** `:id` is a tipId or a tipNo (API.md). */
export function tipIdOf(idOrNo: string): string {
  return TIP_NO_PATTERN.test(idOrNo) ? tipIdFor(idOrNo) : idOrNo;
}

export interface StoredTip {
  readonly state: ExistingTip;
  readonly events: readonly RecordedEvent[];
}

/** A tip folded from its stream; undefined when there is none. */
export async function readTip(store: EventStore, idOrNo: string): Promise<StoredTip | undefined> {
  const events = await readStreamOrEmpty(store, tipDecoder.streamIdFor(tipIdOf(idOrNo)));
  const state = foldStored(tipDecoder, evolveTip, initialTipState(), events);
  return state.exists ? { state, events } : undefined;
}

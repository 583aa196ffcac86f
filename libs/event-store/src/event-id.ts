import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace so ids derived from a commandId are the same on every machine and every retry. */
const EVENT_ID_NAMESPACE = '6f1c2b4e-0f7e-4c36-9a57-3f0f2b9d8e11';

/** The id of the `index`-th event a command produces: a retried command yields the same ids, so the store dedupes it. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);
}

import { Actor } from '@hazard/domain';

/** What the edge knows about a request and passes along with every command. */
export interface RequestContext {
  readonly actor: Actor;
  /** Derived from Idempotency-Key when given, so a retried request is the same command. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** If-Match: the revision the client last saw. */
  readonly ifMatch?: number;
}

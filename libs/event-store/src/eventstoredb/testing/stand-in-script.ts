import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';

/**
 * What the stand-in does with the next call of a kind, instead of serving it:
 * - `status`: the call fails with this gRPC status (and trailing metadata, e.g. `exception: not-leader`);
 * - `notHandled`: the server's answer while it cannot serve (24.10's `ClientMessage.NotHandled`): over
 *   BatchAppend an error status with an empty detail, over unary calls `RpcExceptions.ServerNotReady`,
 *   `ServerBusy` or `NoLeaderInfo`;
 * - `hang`: no answer at all (a node stalled mid-election);
 * - `delayMs`: served normally, that much later.
 */
export type Scripted =
  | { readonly status: status; readonly details: string; readonly metadata?: Readonly<Record<string, string>> }
  | { readonly notHandled: 'not-ready' | 'too-busy' | 'no-leader-info' }
  | { readonly hang: true }
  | { readonly delayMs: number };

/** Scripted answers per kind of call, taken in order; a kind with none left is served normally. */
export class StandInScript {
  readonly append: Scripted[] = [];
  readonly read: Scripted[] = [];
  readonly subscribe: Scripted[] = [];
  readonly serverFeatures: Scripted[] = [];
  readonly gossip: Scripted[] = [];

  next(kind: 'append' | 'read' | 'subscribe' | 'serverFeatures' | 'gossip'): Scripted | undefined {
    return this[kind].shift();
  }
}

/** The message 24.10 puts in a BatchAppend error status for each NotHandled reason (Streams.BatchAppend.cs). */
export const BATCH_NOT_HANDLED: Record<'not-ready' | 'too-busy' | 'no-leader-info', string> = {
  'not-ready': 'Server Is Not Ready',
  'too-busy': 'Server Is Busy',
  'no-leader-info': 'No leader info available in response',
};

/** The status a unary call fails with for a NotHandled reason (RpcExceptions.TryHandleNotHandled). */
export function notHandledStatus(reason: 'not-ready' | 'too-busy' | 'no-leader-info'): ServerErrorResponse {
  switch (reason) {
    case 'not-ready':
      return serviceError(status.UNAVAILABLE, 'Server Is Not Ready');
    case 'too-busy':
      return serviceError(status.UNAVAILABLE, 'Server Is Too Busy');
    case 'no-leader-info':
      return serviceError(status.UNKNOWN, 'No leader info available in response');
  }
}

export function serviceError(code: status, details: string, trailers: Readonly<Record<string, string>> = {}): ServerErrorResponse {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export function scriptedError(scripted: Scripted): ServerErrorResponse | undefined {
  if ('status' in scripted) return serviceError(scripted.status, scripted.details, scripted.metadata);
  if ('notHandled' in scripted) return notHandledStatus(scripted.notHandled);
  return undefined;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

import { CheckpointsFromAnotherLogError } from '@hazard/event-store';
import { installProcessGuards, isKnownLateAppendResponse } from './process-guards';

/** A TypeError with the stack a late BatchAppend response leaves (the client's own file on top). */
function lateAppendResponse(): TypeError {
  const error = new TypeError('undefined is not iterable (cannot read property Symbol(Symbol.iterator))');
  error.stack = `${error.message}\n    at ClientDuplexStreamImpl.<anonymous> (/app/node_modules/@eventstore/db-client/dist/streams/appendToStream/batchAppend.js:22:23)`;
  return error;
}

describe('process guards', () => {
  const events = ['unhandledRejection', 'uncaughtException'] as const;
  const added = new Map<(typeof events)[number], Array<(error: unknown) => void>>();
  afterEach(() => {
    for (const [event, listeners] of added) for (const listener of listeners) process.off(event as 'uncaughtException', listener);
    added.clear();
  });

  /** Installs the guards with a recording logger and exit, and returns how to raise a fault at them. */
  function guarded() {
    const exits: number[] = [];
    const logged: string[] = [];
    const listenersOf = (event: (typeof events)[number]) => process.listeners(event as 'uncaughtException') as unknown as Array<(error: unknown) => void>;
    const before = new Map(events.map((event) => [event, listenersOf(event)] as const));
    installProcessGuards({ logger: { warn: (m: string) => logged.push(`warn ${m}`), error: (m: string) => logged.push(`error ${m}`) }, exit: (code) => exits.push(code) });
    for (const event of events) {
      added.set(event, listenersOf(event).filter((listener) => !before.get(event)?.includes(listener)));
    }
    const emit = (event: (typeof events)[number], error: unknown) => added.get(event)?.forEach((listener) => listener(error));
    return { exits, logged, emit };
  }

  it('recognises the client’s late-response TypeError by message and origin only', () => {
    expect(isKnownLateAppendResponse(lateAppendResponse())).toBe(true);
    expect(isKnownLateAppendResponse(new TypeError('undefined is not iterable'))).toBe(false);
    expect(isKnownLateAppendResponse(new Error('undefined is not iterable'))).toBe(false);
  });

  it('logs the late response as a warning and keeps serving', () => {
    const { exits, logged, emit } = guarded();
    emit('uncaughtException', lateAppendResponse());
    emit('unhandledRejection', lateAppendResponse());
    expect(exits).toEqual([]);
    expect(logged).toEqual([expect.stringMatching(/^warn ignored a late BatchAppend/), expect.stringMatching(/^warn ignored a late BatchAppend/)]);
  });

  it('exits 1 on any other unhandled rejection or exception, and 2 on checkpoints of another log', () => {
    const { exits, logged, emit } = guarded();
    emit('unhandledRejection', new Error('a bug'));
    emit('uncaughtException', new TypeError('x is not a function'));
    emit('unhandledRejection', new CheckpointsFromAnotherLogError('/data/processes.sqlite', 'sqlite log a', 'eventstoredb log b'));
    expect(exits).toEqual([1, 1, 2]);
    expect(logged[2]).toMatch(/processes\.sqlite holds checkpoints of the event log sqlite log a/);
  });
});

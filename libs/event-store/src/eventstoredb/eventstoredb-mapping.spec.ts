import {
  AccessDeniedError,
  ANY,
  DeadlineExceededError,
  NO_STREAM as ESDB_NO_STREAM,
  NotLeaderError,
  START,
  StreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { testEvent, testMetadata } from '../testing';
import { toPortError } from './error-mapping';
import { toEventData, toRecordedEvent } from './event-mapping';
import { fromEsdbRevision, toEsdbExpectedRevision } from './expected-revision';
import { decodeAfter, encodePosition } from './position-codec';
import { isSystemEvent, systemEventFilter } from './system-events';
import { storedEvent } from './testing/fake-esdb-client';

describe('EventStoreDB mapping', () => {
  describe('expected revision', () => {
    it.each([
      [NO_STREAM, ESDB_NO_STREAM],
      [0, 0n],
      [41, 41n],
      ['any' as const, ANY],
    ])('maps %p to %p', (ours, theirs) => {
      expect(toEsdbExpectedRevision(ours)).toBe(theirs);
    });

    it.each([-2, 1.5, Number.NaN])('refuses %p', (bad) => {
      expect(() => toEsdbExpectedRevision(bad)).toThrow(RangeError);
    });

    it("reads the client's current revision back in our convention", () => {
      expect(fromEsdbRevision(ESDB_NO_STREAM)).toBe(NO_STREAM);
      expect(fromEsdbRevision(7n)).toBe(7);
    });
  });

  describe('errors', () => {
    const context = { streamId: 'hazard-1', expectedRevision: 0 };

    it('turns WrongExpectedVersionError into WrongExpectedRevisionError with the actual revision', () => {
      const atOne = new WrongExpectedVersionError(undefined, { streamName: 'hazard-1', expected: 0n, current: 1n });
      const absent = new WrongExpectedVersionError(undefined, { streamName: 'hazard-1', expected: 0n, current: ESDB_NO_STREAM });

      expect(toPortError(atOne, context)).toEqual(expect.any(WrongExpectedRevisionError));
      expect(toPortError(atOne, context)).toMatchObject({ streamId: 'hazard-1', expected: 0, actual: 1 });
      expect(toPortError(absent, context)).toMatchObject({ streamId: 'hazard-1', expected: 0, actual: NO_STREAM });
    });

    it('turns a missing or deleted stream into StreamNotFoundError', () => {
      expect(toPortError(new EsdbStreamNotFoundError(undefined, 'hazard-1'), context)).toEqual(new StreamNotFoundError('hazard-1'));
      expect(toPortError(StreamDeletedError.fromStreamName('hazard-1'), context)).toEqual(new StreamNotFoundError('hazard-1'));
    });

    const rawUnavailable = { code: 14, details: 'No connection established', message: '14 UNAVAILABLE: No connection established' };
    const notLeader = new NotLeaderError({
      code: 5,
      details: 'Leader info available',
      message: 'not leader',
      metadata: { getMap: () => ({ 'leader-endpoint-host': 'esdb-node2', 'leader-endpoint-port': '2113' }) },
    } as unknown as ConstructorParameters<typeof NotLeaderError>[0]);

    it.each([
      ["the client's UnavailableError", new UnavailableError()],
      ['a raw gRPC error object with code 14', rawUnavailable],
      ['a raw Error with code 14 (as appendToStream rejects)', Object.assign(new Error('14 UNAVAILABLE: connect ECONNREFUSED'), { code: 14 })],
      ["the client's DeadlineExceededError", new DeadlineExceededError()],
      ['a raw gRPC error with code 4 (deadline exceeded)', { code: 4, message: '4 DEADLINE_EXCEEDED' }],
      ['NotLeaderError (the client reconnects to the leader)', notLeader],
      ['a failed cluster discovery', new Error('Failed to discover after 10 attempts.')],
    ])('turns %s into StoreUnavailableError, keeping the cause', (_, error) => {
      const mapped = toPortError(error, context);
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect(mapped).toMatchObject({ code: 'STORE.UNAVAILABLE', cause: error });
    });

    it('passes anything else through unchanged', () => {
      const denied = new AccessDeniedError();
      const bug = new TypeError('boom');
      expect(toPortError(denied, context)).toBe(denied);
      expect(toPortError(bug, context)).toBe(bug);
      expect(toPortError({ code: 9 }, context)).toEqual({ code: 9 });
    });
  });

  describe('positions', () => {
    it('encodes the commit position, which orders $all', () => {
      expect(encodePosition({ commit: 1234n, prepare: 1234n })).toBe(1234);
      expect(encodePosition({ commit: BigInt(Number.MAX_SAFE_INTEGER), prepare: 0n })).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('refuses a commit position beyond Number.MAX_SAFE_INTEGER instead of rounding it', () => {
      const tooFar = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
      expect(() => encodePosition({ commit: tooFar, prepare: tooFar })).toThrow(RangeError);
    });

    it('decodes 0 to the start of $all and a position to the event it came from', () => {
      expect(decodeAfter(0)).toBe(START);
      expect(decodeAfter(1234)).toEqual({ commit: 1234n, prepare: 1234n });
      const position = { commit: 987_654n, prepare: 987_654n };
      expect(decodeAfter(encodePosition(position))).toEqual(position);
    });

    it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses to decode %p', (bad) => {
      expect(() => decodeAfter(bad)).toThrow(RangeError);
    });
  });

  describe('system events', () => {
    it("asks the server to exclude event types starting with '$'", () => {
      const filter = systemEventFilter();
      expect(filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
      const regex = new RegExp('regex' in filter ? filter.regex : '');
      for (const type of ['$metadata', '$>', '$statsCollected']) {
        expect(regex.test(type)).toBe(false);
        expect(isSystemEvent({ type })).toBe(true);
      }
      expect(regex.test('HazardFound')).toBe(true);
      expect(isSystemEvent({ type: 'HazardFound' })).toBe(false);
    });
  });

  describe('events', () => {
    it('sends data and metadata as JSON under the event’s own id, and reads them back unchanged', () => {
      const event = testEvent({
        type: 'RectificationAssigned',
        data: { deadline: '2025-03-15T23:59:59.999Z', photos: ['a.jpg'], nested: { nothing: null } },
        metadata: { prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) },
      });

      const sent = toEventData(event);
      expect(sent).toEqual({ id: event.id, type: event.type, contentType: 'application/json', data: event.data, metadata: event.metadata });

      // What the client hands back: the JSON it parsed, the server's created time and the log position.
      const received = storedEvent({
        at: 4096n,
        streamId: 'hazard-1',
        id: sent.id,
        revision: 3n,
        type: sent.type,
        data: JSON.parse(JSON.stringify(sent.data)),
        metadata: JSON.parse(JSON.stringify(sent.metadata)),
        created: new Date('2025-03-01T08:00:01.250Z'),
      });
      expect(toRecordedEvent(received)).toEqual({
        ...event,
        streamId: 'hazard-1',
        revision: 3,
        position: 4096,
        recordedAt: '2025-03-01T08:00:01.250Z',
      });
    });

    it('sends missing data as JSON null', () => {
      expect(toEventData({ id: '6f1c2b4e-0f7e-4c36-9a57-3f0f2b9d8e11', type: 'Noted', data: undefined, metadata: testMetadata() }).data).toBeNull();
    });

    it('refuses an id that is not a UUID, which EventStoreDB cannot store', () => {
      expect(() => toEventData(testEvent({ id: 'command-1#0' }))).toThrow(TypeError);
    });

    it('reads metadata that is absent or not JSON as {}', () => {
      expect(toRecordedEvent(storedEvent({ at: 10n, metadata: undefined })).metadata).toEqual({});
      expect(toRecordedEvent(storedEvent({ at: 10n, metadata: new Uint8Array([1, 2]) })).metadata).toEqual({});
    });

    it('fails loudly on a stream read without positions (server older than 22.6)', () => {
      expect(() => toRecordedEvent({ ...storedEvent({ at: 10n }), position: undefined })).toThrow(/22\.6/);
    });
  });
});

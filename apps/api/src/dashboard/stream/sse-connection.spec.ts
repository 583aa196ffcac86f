import { Subject } from 'rxjs';
import { ProjectedChange } from '../read-models/projection-events';
import { SseConnection, SseOptions, SseResponse } from './sse-connection';

/** A response that records what was written; `writableLength` is what the test says is still buffered. */
class FakeResponse implements SseResponse {
  status?: number;
  headers: Record<string, string> = {};
  chunks: string[] = [];
  writableLength = 0;
  writableEnded = false;
  writeHead = ((status: number, headers: Record<string, string>) => {
    this.status = status;
    this.headers = headers;
    return this;
  }) as unknown as SseResponse['writeHead'];
  write = ((chunk: string) => {
    this.chunks.push(chunk);
    return true;
  }) as SseResponse['write'];
  end = (() => {
    this.writableEnded = true;
    return this;
  }) as unknown as SseResponse['end'];
  get text(): string {
    return this.chunks.join('');
  }
}

const aChange = (position: number): ProjectedChange => ({ position, hazardId: `h-${position}`, type: 'HazardFound', occurredAt: '2026-03-01T08:00:00.000Z' });

describe('SseConnection', () => {
  let changes: Subject<ProjectedChange>;
  let response: FakeResponse;
  let closed: SseConnection[];
  const open = (options: Partial<SseOptions> = {}) =>
    new SseConnection(response, changes, { heartbeatMs: 15_000, maxBufferedBytes: 1024, onClose: (c) => closed.push(c), ...options });

  beforeEach(() => {
    jest.useFakeTimers();
    changes = new Subject();
    response = new FakeResponse();
    closed = [];
  });
  afterEach(() => jest.useRealTimers());

  it('answers 200 text/event-stream, uncached, and says so at once', () => {
    open();
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['Cache-Control']).toContain('no-cache');
    expect(response.text).toBe('retry: 3000\n: connected\n\n');
  });

  it('writes each change as a message whose id is its position', () => {
    open();
    changes.next(aChange(7));
    changes.next(aChange(9));
    expect(response.chunks.slice(1)).toEqual([
      'id: 7\ndata: {"position":7,"hazardId":"h-7","type":"HazardFound","occurredAt":"2026-03-01T08:00:00.000Z"}\n\n',
      'id: 9\ndata: {"position":9,"hazardId":"h-9","type":"HazardFound","occurredAt":"2026-03-01T08:00:00.000Z"}\n\n',
    ]);
  });

  it('sends a heartbeat comment every interval', () => {
    open();
    jest.advanceTimersByTime(15_000 * 2);
    expect(response.chunks.slice(1)).toEqual([': heartbeat\n\n', ': heartbeat\n\n']);
  });

  it('on close stops listening, stops the heartbeat, ends the response once and reports it', () => {
    const connection = open();
    connection.close();
    connection.close();
    changes.next(aChange(1));
    jest.advanceTimersByTime(60_000);
    expect(response.chunks).toHaveLength(1);
    expect(response.writableEnded).toBe(true);
    expect(changes.observed).toBe(false);
    expect(closed).toEqual([connection]);
  });

  it('cuts off a client that has fallen too far behind instead of buffering without bound', () => {
    const connection = open({ maxBufferedBytes: 100 });
    response.writableLength = 101;
    changes.next(aChange(1));
    expect(closed).toEqual([connection]);
    expect(changes.observed).toBe(false);
  });

  it('ends when the projector stops', () => {
    const connection = open();
    changes.complete();
    expect(closed).toEqual([connection]);
    expect(response.writableEnded).toBe(true);
  });
});

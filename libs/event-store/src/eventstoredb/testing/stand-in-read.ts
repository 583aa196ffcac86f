import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StandInEvent, StandInLog } from './stand-in-log';
import { serviceError } from './stand-in-script';

const BACKWARDS = 1;

/**
 * Streams.Read as 24.10 serves it: a stream read (forwards from a revision, backwards from the end or a
 * revision; `StreamNotFound` for a missing stream), a `$all` read (forwards from a position inclusive,
 * backwards exclusive; INVALID_ARGUMENT "Trying to read from an invalid position." for one that names no
 * record), and a subscription to `$all` (a confirmation, the stored events after the position, then live
 * ones, filtered on event type) that lasts until the client cancels it.
 */
export function readStandIn(log: StandInLog, call: ServerWritableStream<ReadReq, unknown>): void {
  const options = call.request.getOptions();
  if (!options) return void call.emit('error', serviceError(status.INVALID_ARGUMENT, 'no options'));
  const backwards = options.getReadDirection() === BACKWARDS;
  const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
  if (options.hasStream()) return readStream(log, call, options, backwards, count);
  const all = options.getAll();
  const from = all?.hasPosition() ? BigInt(all.getPosition()?.getCommitPosition() ?? '0') : undefined;
  if (from !== undefined && !log.isEventBoundary(from)) {
    return void call.emit('error', serviceError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.'));
  }
  const start = from ?? (all?.hasEnd() ? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : undefined) : backwards ? undefined : 0n);
  const matches = typeFilter(options);
  if (options.hasSubscription()) return subscribe(log, call, from ?? (all?.hasEnd() ? (log.events.at(-1)?.position ?? 0n) : -1n), matches);
  const events = backwards
    ? [...log.events].reverse().filter((event) => start === undefined || event.position < start)
    : log.events.filter((event) => start === undefined || event.position >= start);
  for (const event of events.slice(0, count)) call.write(eventResponse(event));
  call.end();
}

function readStream(log: StandInLog, call: ServerWritableStream<ReadReq, unknown>, options: ReadReq.Options, backwards: boolean, count: number): void {
  const streamOptions = options.getStream();
  const name = Buffer.from(streamOptions?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  const stream = log.stream(name);
  if (stream.length === 0) {
    const notFound = new ReadResp.StreamNotFound();
    const identifier = new StreamIdentifier();
    identifier.setStreamName(Buffer.from(name, 'utf8'));
    notFound.setStreamIdentifier(identifier);
    const response = new ReadResp();
    response.setStreamNotFound(notFound);
    call.write(response);
    return void call.end();
  }
  const revision = streamOptions?.hasRevision() ? BigInt(streamOptions.getRevision()) : undefined;
  const events = backwards
    ? [...stream].reverse().filter((event) => revision === undefined || event.revision <= revision)
    : stream.filter((event) => revision === undefined || event.revision >= revision);
  for (const event of events.slice(0, count)) call.write(eventResponse(event));
  call.end();
}

function subscribe(log: StandInLog, call: ServerWritableStream<ReadReq, unknown>, after: bigint, matches: (event: StandInEvent) => boolean): void {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(`stand-in-${Date.now()}`);
  const confirmed = new ReadResp();
  confirmed.setConfirmation(confirmation);
  call.write(confirmed);
  const send = (events: readonly StandInEvent[]) => {
    for (const event of events) if (event.position > after && matches(event)) call.write(eventResponse(event));
  };
  send(log.events);
  const unlisten = log.listen(send);
  call.on('cancelled', unlisten);
  call.on('close', unlisten);
}

function typeFilter(options: ReadReq.Options): (event: StandInEvent) => boolean {
  const regex = options.hasFilter() ? options.getFilter()?.getEventType()?.getRegex() : undefined;
  if (!regex) return () => true;
  const pattern = new RegExp(regex);
  return (event) => pattern.test(event.type);
}

function eventResponse(event: StandInEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  const id = new UUID();
  id.setString(event.id);
  recorded.setId(id);
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(event.streamId, 'utf8'));
  recorded.setStreamIdentifier(identifier);
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.created.toString());
  recorded.setCustomMetadata(event.customMetadata);
  recorded.setData(event.data);
  const read = new ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(event.position.toString());
  const response = new ReadResp();
  response.setEvent(read);
  return response;
}

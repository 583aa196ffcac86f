import { status } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition, Empty, MaximumAppendSizeExceeded, StreamIdentifier, WrongExpectedVersion, type UUID } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendResp, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { StandInExpected, WriteOutcome } from './stand-in-log';
import { BATCH_NOT_HANDLED } from './stand-in-script';

/** Streams.Append's answer: the new revision and position, or WrongExpectedVersion with the current revision. */
export function appendResponse(outcome: WriteOutcome, expected: StandInExpected): AppendResp {
  const response = new AppendResp();
  if (outcome.kind === 'wrong-expected-version') {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.current === undefined) wrong.setCurrentNoStream(new Empty());
    else wrong.setCurrentRevision(outcome.current.toString());
    if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
    else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
    else wrong.setExpectedStreamExists(new Empty());
    return response.setWrongExpectedVersion(wrong);
  }
  const position = new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString());
  return response.setSuccess(new AppendResp.Success().setCurrentRevision(outcome.revision.toString()).setPosition(position));
}

/** Streams.BatchAppend's answer to one write: success, or an error status (codes as 24.10's `Status.cs`) whose detail names what went wrong. */
export function batchResponse(correlationId: UUID, streamId: string, outcome: WriteOutcome, expected: StandInExpected): BatchAppendResp {
  const response = batchResp(correlationId, streamId);
  if (outcome.kind === 'wrong-expected-version') {
    const detail = new WrongExpectedVersion();
    if (outcome.current === undefined) detail.setCurrentNoStream(new Empty());
    else detail.setCurrentStreamRevision(outcome.current.toString());
    if (typeof expected === 'bigint') detail.setExpectedStreamPosition(expected.toString());
    else detail.setExpectedNoStream(new Empty());
    return response.setError(errorStatus(status.ALREADY_EXISTS, 'WrongExpectedVersion', 'event_store.client.WrongExpectedVersion', detail.serializeBinary()));
  }
  const position = new AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString());
  return response.setSuccess(new BatchAppendResp.Success().setCurrentRevision(outcome.revision.toString()).setPosition(position));
}

/** 24.10's answer while it cannot serve: an error status with the reason as message and an empty detail. */
export function batchNotHandled(correlationId: UUID, streamId: string, reason: keyof typeof BATCH_NOT_HANDLED): BatchAppendResp {
  return batchResp(correlationId, streamId).setError(errorStatus(status.UNKNOWN, BATCH_NOT_HANDLED[reason], 'google.protobuf.Empty', new GoogleEmpty().serializeBinary()));
}

export function batchTooLarge(correlationId: UUID, streamId: string, maxAppendSize: number): BatchAppendResp {
  const detail = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
  return batchResp(correlationId, streamId).setError(
    errorStatus(status.INVALID_ARGUMENT, 'MaximumAppendSizeExceeded', 'event_store.client.MaximumAppendSizeExceeded', detail.serializeBinary()),
  );
}

/** Every BatchAppend answer names its correlation id and its stream (the client reads the stream name from it). */
function batchResp(correlationId: UUID, streamId: string): BatchAppendResp {
  return new BatchAppendResp().setCorrelationId(correlationId).setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8')));
}

function errorStatus(code: status, message: string, typeName: string, detail: Uint8Array): Status {
  const details = new Any();
  details.pack(detail, typeName);
  return new Status().setCode(code as number).setMessage(message).setDetails(details);
}

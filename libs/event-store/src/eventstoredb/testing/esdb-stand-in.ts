import { Server, ServerCredentials, status, type ServerDuplexStream, type ServerReadableStream, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import type { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { appendResponse, batchNotHandled, batchResponse, batchTooLarge } from './stand-in-append';
import { readStandIn } from './stand-in-read';
import { StandInLog, type ProposedEvent, type StandInExpected } from './stand-in-log';
import { delay, scriptedError, serviceError, StandInScript, type Scripted } from './stand-in-script';

export interface StandInOptions {
  /** List BatchAppend among the supported methods (24.10 does), so the client appends over it. Default true. */
  readonly batchAppend?: boolean;
  /** The server's MaxAppendSize (default 1 MiB, as 24.10's). */
  readonly maxAppendSize?: number;
}

/** Who asked what: enough to check the adapter's leader preference and that every call reached the server. */
export interface StandInCall {
  readonly method: 'read' | 'append' | 'batchAppend' | 'serverFeatures' | 'gossip';
  readonly requiresLeader: boolean;
  readonly stream?: string;
}

/**
 * An EventStoreDB stand-in for protocol-level tests: a real gRPC server (`@grpc/grpc-js`) speaking the
 * services the client's own generated definitions describe — Streams Read (stream, `$all`, subscriptions),
 * Append and BatchAppend, ServerFeatures and Gossip (as a one-node cluster whose leader is itself) — over the
 * in-memory `StandInLog`, answering as the 24.10 server's sources say, with each failure scriptable.
 */
export class EsdbStandIn {
  readonly log = new StandInLog();
  readonly script = new StandInScript();
  readonly calls: StandInCall[] = [];
  private readonly server = new Server();
  private port = 0;

  private constructor(private readonly options: StandInOptions) {}

  static async start(options: StandInOptions = {}): Promise<EsdbStandIn> {
    const standIn = new EsdbStandIn(options);
    await standIn.listen();
    return standIn;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** A single-node connection string (no discovery). */
  connectionString(query = ''): string {
    return `esdb://${this.address}?tls=false${query ? `&${query}` : ''}`;
  }

  async stop(): Promise<void> {
    this.server.forceShutdown();
  }

  private async listen(): Promise<void> {
    this.server.addService(StreamsService, {
      read: (call: ServerWritableStream<ReadReq, unknown>) => void this.read(call),
      append: (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => this.append(call, callback),
      batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => this.batchAppend(call),
      delete: unimplemented,
      tombstone: unimplemented,
    });
    this.server.addService(ServerFeaturesService, { getSupportedMethods: (call: { metadata: unknown }, callback: sendUnaryData<SupportedMethods>) => void this.features(callback) });
    this.server.addService(GossipService, { read: (_call: unknown, callback: sendUnaryData<ClusterInfo>) => void this.gossip(callback) });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
  }

  private async read(call: ServerWritableStream<ReadReq, unknown>): Promise<void> {
    const options = call.request.getOptions();
    const subscription = options?.hasSubscription() ?? false;
    const stream = options?.hasStream() ? Buffer.from(options.getStream()?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8') : '$all';
    this.record(call.metadata.get('requires-leader'), 'read', stream);
    const scripted = this.script.next(subscription ? 'subscribe' : 'read');
    if (scripted && !(await this.obey(scripted, (error) => call.emit('error', error)))) return;
    readStandIn(this.log, call);
  }

  private append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
    let streamId = '';
    let expected: StandInExpected = 'any';
    const proposed: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      const options = request.getOptions();
      if (options) {
        streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
        expected = options.hasRevision() ? BigInt(options.getRevision()) : options.hasNoStream() ? 'no_stream' : options.hasStreamExists() ? 'stream_exists' : 'any';
      }
      const message = request.getProposedMessage();
      if (message) proposed.push(proposedEvent(message));
    });
    call.on('end', () => {
      this.record(call.metadata.get('requires-leader'), 'append', streamId);
      void (async () => {
        const scripted = this.script.next('append');
        if (scripted && !(await this.obey(scripted, (error) => callback(error)))) return;
        if (this.tooLarge(proposed)) {
          const trailers = { exception: 'maximum-append-size-exceeded', 'maximum-append-size': String(this.maxAppendSize) };
          return callback(serviceError(status.INVALID_ARGUMENT, `Maximum Append Size of ${this.maxAppendSize} Exceeded.`, trailers));
        }
        callback(null, appendResponse(this.log.write(streamId, expected, proposed), expected));
      })();
    });
  }

  private batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<string, { streamId: string; expected: StandInExpected; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId()?.getString() ?? '';
      const options = request.getOptions();
      if (options) {
        const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
        const expected: StandInExpected = options.hasStreamPosition() ? BigInt(options.getStreamPosition()) : options.hasNoStream() ? 'no_stream' : options.hasStreamExists() ? 'stream_exists' : 'any';
        pending.set(correlation, { streamId, expected, events: [] });
        this.record(call.metadata.get('requires-leader'), 'batchAppend', streamId);
      }
      const write = pending.get(correlation);
      if (!write) return;
      write.events.push(...request.getProposedMessagesList().map(proposedEvent));
      if (!request.getIsFinal()) return;
      pending.delete(correlation);
      void this.answerBatch(call, request.getCorrelationId() as UUID, write);
    });
    call.on('end', () => call.end());
  }

  private async answerBatch(
    call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
    correlationId: UUID,
    { streamId, expected, events }: { streamId: string; expected: StandInExpected; events: ProposedEvent[] },
  ): Promise<void> {
    const scripted = this.script.next('append');
    if (scripted && 'notHandled' in scripted) return void call.write(batchNotHandled(correlationId, streamId, scripted.notHandled));
    if (scripted && !(await this.obey(scripted, (error) => call.emit('error', error)))) return;
    if (this.tooLarge(events)) return void call.write(batchTooLarge(correlationId, streamId, this.maxAppendSize));
    call.write(batchResponse(correlationId, streamId, this.log.write(streamId, expected, events), expected));
  }

  private async features(callback: sendUnaryData<SupportedMethods>): Promise<void> {
    this.record([], 'serverFeatures');
    const scripted = this.script.next('serverFeatures');
    if (scripted && !(await this.obey(scripted, (error) => callback(error)))) return;
    const methods = new SupportedMethods();
    methods.setEventStoreServerVersion('24.10.4');
    const names = ['Read', 'Append', ...(this.options.batchAppend === false ? [] : ['BatchAppend'])];
    methods.setMethodsList(
      names.map((name) => {
        const method = new SupportedMethod();
        method.setServiceName('event_store.client.streams.Streams');
        method.setMethodName(name);
        return method;
      }),
    );
    callback(null, methods);
  }

  /** A one-member cluster whose leader is this server: what discovery asks before the first call. */
  private async gossip(callback: sendUnaryData<ClusterInfo>): Promise<void> {
    this.record([], 'gossip');
    const scripted = this.script.next('gossip');
    if (scripted && !(await this.obey(scripted, (error) => callback(error)))) return;
    const endpoint = new EndPoint();
    endpoint.setAddress('127.0.0.1');
    endpoint.setPort(this.port);
    const member = new MemberInfo();
    member.setState(MemberInfo.VNodeState.LEADER);
    member.setIsAlive(true);
    member.setHttpEndPoint(endpoint);
    member.setTimeStamp(String(Date.now()));
    const info = new ClusterInfo();
    info.setMembersList([member]);
    callback(null, info);
  }

  /** Carries out a scripted answer; resolves true when the call should then be served normally. */
  private async obey(scripted: Scripted, fail: (error: ReturnType<typeof serviceError>) => void): Promise<boolean> {
    if ('hang' in scripted) return false;
    if ('delayMs' in scripted) {
      await delay(scripted.delayMs);
      return true;
    }
    const error = scriptedError(scripted);
    if (error) fail(error);
    return false;
  }

  private get maxAppendSize(): number {
    return this.options.maxAppendSize ?? 1024 * 1024;
  }

  private tooLarge(events: readonly ProposedEvent[]): boolean {
    return events.reduce((size, event) => size + event.data.length + event.customMetadata.length, 0) > this.maxAppendSize;
  }

  private record(requiresLeader: unknown[], method: StandInCall['method'], stream?: string): void {
    this.calls.push({ method, requiresLeader: requiresLeader.includes('true'), ...(stream === undefined ? {} : { stream }) });
  }
}

function proposedEvent(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: message.getId()?.getString() ?? '',
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function unimplemented(_call: unknown, callback?: sendUnaryData<unknown>): void {
  callback?.(serviceError(status.UNIMPLEMENTED, 'not in the stand-in'));
}

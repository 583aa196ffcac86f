import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of the stand-in that counts the connections open through it: the one way to see from
 * outside whether the client really closed its gRPC channel (a channel holds its HTTP/2 connection open).
 */
export class ConnectionCounter {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly port: number,
  ) {}

  static async relayTo(target: string): Promise<ConnectionCounter> {
    const [host, port] = target.split(':');
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = createConnection({ host, port: Number(port) });
      sockets.add(client);
      const closeBoth = () => {
        sockets.delete(client);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', closeBoth).on('error', closeBoth);
      upstream.on('close', closeBoth).on('error', closeBoth);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no port');
    return new ConnectionCounter(server, sockets, address.port);
  }

  get open(): number {
    return this.sockets.size;
  }

  /** Resolves once no connection is open (the caller's test timeout bounds the wait). */
  async drained(): Promise<void> {
    while (this.sockets.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

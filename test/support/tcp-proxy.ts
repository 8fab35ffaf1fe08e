import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Ends every connection through it and refuses new ones, as a server that went away. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  /** Keeps the target's replies from reaching the client (until `cut`), while the client's requests still get through. */
  holdReplies(): void;
  stop(): Promise<void>;
}

/** A TCP proxy on loopback to `target`, that a test can cut and restore (a database going away). */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const upstreams = new Set<Socket>();
  let holding = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const newServer = () =>
    createServer((client) => {
      const upstream = connect(target.port, target.host);
      track(client);
      track(upstream);
      upstreams.add(upstream);
      upstream.once('close', () => upstreams.delete(upstream));
      client.pipe(upstream);
      if (!holding) upstream.pipe(client);
      // Either side ending or failing ends the pair, as a dropped connection would.
      for (const [socket, other] of [[client, upstream], [upstream, client]] as const) socket.once('error', () => other.destroy()).once('close', () => other.destroy());
    });
  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

  let server: Server | undefined = newServer();
  const port = await listen(server, 0);
  const proxy: TcpProxy = {
    port,
    async cut() {
      if (!server) return;
      const closing = close(server);
      server = undefined;
      for (const socket of sockets) socket.destroy();
      await closing;
    },
    async restore() {
      holding = false;
      if (server) return;
      server = newServer();
      await listen(server, port);
    },
    holdReplies() {
      holding = true;
      for (const upstream of upstreams) upstream.unpipe();
    },
    stop: () => proxy.cut(),
  };
  return proxy;
}

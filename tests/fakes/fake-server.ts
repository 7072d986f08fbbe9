// The part every fake channel API shares: a node:http server on a free loopback port that records every
// request and answers from the fake's handler, unless a scripted fault comes first (the next N matching
// requests get a 429, a 401, a dropped connection…), so tests and e2e runs can replay what stores do.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path with query string. */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
  /** Set when a scripted fault answered instead of the fake. */
  fault?: FaultKind;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (set content-type in headers). */
  body: unknown;
}

export type FaultKind =
  | 'rate-limit'
  | 'throttled'
  | 'unauthorized'
  | 'forbidden'
  | 'locked'
  | 'server-error'
  | 'malformed'
  /** Connection closed before the request is handled: nothing changed. */
  | 'drop'
  /** Handled (state changed), then the connection is closed before the answer: the answer is lost. */
  | 'drop-after'
  /** No answer at all until the client gives up. */
  | 'hang';

export interface FaultOptions {
  /** How many matching requests get this fault (default 1). */
  times?: number;
  /** Only requests whose `METHOD path\nbody` contains this text (e.g. an operation name). */
  match?: string;
  /** Retry-After seconds for rate-limit (default 1). */
  retryAfterSeconds?: number;
  /** HTTP status for server-error (default 500). */
  status?: number;
}

interface Fault extends FaultOptions {
  kind: FaultKind;
  remaining: number;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  fail(kind: FaultKind, options?: FaultOptions): void;
  close(): Promise<void>;
}

export async function startFakeServer(
  handle: (req: RecordedRequest) => Reply,
  faultReply: (kind: FaultKind, fault: FaultOptions, req: RecordedRequest) => Reply,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const sockets = new Set<Socket>();

  const server = createServer(async (incoming, res) => {
    const req = await record(incoming);
    requests.push(req);
    const fault = takeFault(faults, req);
    if (fault) req.fault = fault.kind;
    if (fault?.kind === 'drop') return void incoming.socket.destroy();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'drop-after') {
      handle(req);
      return void incoming.socket.destroy();
    }
    send(res, fault ? faultReply(fault.kind, fault, req) : safely(handle, req));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail(kind, options = {}) {
      faults.push({ ...options, kind, remaining: options.times ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers[name] = value;
  }
  return { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers, body, json };
}

function takeFault(faults: Fault[], req: RecordedRequest): Fault | undefined {
  const text = `${req.method} ${req.path}\n${req.body}`;
  const fault = faults.find((f) => f.remaining > 0 && (!f.match || text.includes(f.match)));
  if (fault) fault.remaining--;
  return fault;
}

/** A fake's own bug answers 500 with the message, so a test sees it instead of a hung request. */
function safely(handle: (req: RecordedRequest) => Reply, req: RecordedRequest): Reply {
  try {
    return handle(req);
  } catch (err) {
    return { status: 500, body: { fakeBug: err instanceof Error ? err.message : String(err) } };
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === 'string';
  res.writeHead(reply.status, {
    'content-type': isText ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    ...reply.headers,
  });
  res.end(isText ? (reply.body as string) : JSON.stringify(reply.body));
}

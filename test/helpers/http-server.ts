/**
 * A throw-away HTTP server on 127.0.0.1 (free port) for download-layer tests, with a request log (start and end
 * times) so tests can assert spacing, retries and what was never requested. Closed when the test file ends.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';

export interface Hit {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  start: number;
  end: number;
}

export interface TestServer {
  origin: string;
  host: string;
  hits: Hit[];
  /** Hits whose path starts with prefix. */
  hitsOf(prefix: string): Hit[];
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse, hit: Hit) => void | Promise<void>;

export async function startServer(route: Route): Promise<TestServer> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    const hit: Hit = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: '', start: Date.now(), end: 0 };
    hits.push(hit);
    res.on('close', () => (hit.end = Date.now()));
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hit.body = Buffer.concat(chunks).toString('utf8');
      Promise.resolve(route(req, res, hit)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  after(close);
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    hits,
    hitsOf: (prefix) => hits.filter((h) => h.path.startsWith(prefix)),
    close,
  };
}

/**
 * Sends a complete response with Content-Length. Legacy servers send raw GBK bytes in headers (Content-Disposition)
 * and so must the fixtures: such a header is given as a latin1 string, set through setHeader (writeHead(status,
 * headers) rejects it) and before the others (on Node 20 it came out mangled to 0xFD bytes when set after
 * Content-Type; observed, not explained).
 */
export function send(res: ServerResponse, status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  for (const [k, v] of Object.entries({ ...headers, 'content-type': type, 'content-length': String(buf.length) })) res.setHeader(k, v);
  res.writeHead(status);
  res.end(buf);
}

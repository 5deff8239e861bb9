import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';

export interface Hit {
  url: string;
  method: string;
  start: number;
  headers: http.IncomingHttpHeaders;
}

/** A throw-away HTTP server on a free 127.0.0.1 port, closed when the test file ends. */
export async function testServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; host: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    hits.push({ url: req.url ?? '/', method: req.method ?? 'GET', start: Date.now(), headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  after(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, hits };
}

/** Starts the web view on a host and port (127.0.0.1 unless told otherwise) over a read-only catalog. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Catalog } from '../catalog/catalog.ts';
import { storagePaths } from '../config.ts';
import { createApp } from './app.ts';
import { openContentStore } from '../download/content-store.ts';

export interface ServeOptions {
  storageDir: string;
  /** The catalog (config `catalog`): a SQLite file or a postgres:// URL; default `<storageDir>/catalog.sqlite`. */
  catalog?: string;
  /** Where stored files are (config `files`): null for `<storageDir>/files`. */
  files?: string | null;
  /** Default 127.0.0.1: the catalog is not published to the network unless asked. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
}

export interface RunningView {
  url: string;
  close(): Promise<void>;
}

export async function startView(opts: ServeOptions): Promise<RunningView> {
  const catalog = Catalog.openReadOnly(opts.catalog ?? storagePaths(opts.storageDir).catalog);
  const store = await openContentStore({ storageDir: opts.storageDir, files: opts.files ?? null });
  const app = createApp({ catalog, storageDir: opts.storageDir, store });
  const host = opts.host ?? '127.0.0.1';
  let server: ServerType;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 8080 }, (info) => resolve(info));
    server.once('error', (err) => {
      catalog.close();
      void store.close();
      reject(err);
    });
  });
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          catalog.close();
          void store.close().then(resolve);
        });
        // Keep-alive connections of a browser would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

// The PostgreSQL session of a catalog connection (connection.ts), in a worker thread: one `pg` client, so that
// transactions, cursors and advisory locks belong to one session. The main thread posts a request on the port and
// sleeps on the shared word (Atomics.wait) until this thread has posted the answer and set the word: the catalog's
// API stays synchronous. Plain JavaScript so that it loads the same from src/ and dist/ without a TypeScript loader.
import { workerData } from 'node:worker_threads';
import pg from 'pg';
import { serveSync } from './sync-serve.mjs';

// Ids and counts fit in 2^53; SQLite gives numbers and booleans as 0/1, and so does this session.
pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric (sum of integers)
pg.types.setTypeParser(16, (v) => (v === 't' ? 1 : 0)); // bool

/** @type {pg.Client | null} */
let client = null;

async function handle(req) {
  switch (req.op) {
    case 'connect': {
      client = new pg.Client({ connectionString: req.url, connectionTimeoutMillis: req.timeoutMs });
      // An idle-session drop of the server must not kill the worker: the next request fails with it instead.
      client.on('error', () => undefined);
      await client.connect();
      // SQLite's date() works in UTC: so does this session (the compatibility functions rely on it).
      await client.query("SET TIME ZONE 'UTC'");
      return {};
    }
    case 'query': {
      const r = await client.query({ text: req.text, values: req.values, rowMode: req.rowMode });
      return { rows: r.rows, rowCount: r.rowCount ?? 0, fields: r.fields?.map((f) => f.name) ?? [] };
    }
    case 'exec': {
      await client.query(req.text);
      return {};
    }
    case 'end': {
      await client?.end().catch(() => undefined);
      client = null;
      return {};
    }
    default:
      throw new Error(`unknown request ${req.op}`);
  }
}

serveSync(workerData.port, workerData.signal, handle);

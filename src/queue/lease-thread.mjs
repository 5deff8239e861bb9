// The lease keeper's thread (lease-keeper.ts): renews the leases of the jobs its process holds, on a `pg` connection
// of its own, so that a main thread held up (a synchronous catalog call waiting for the catalog's write lock, a long
// parse on a loaded machine) does not lose its jobs. It renews only while the main thread shows life: the main thread
// stamps `beat` (milliseconds since the epoch) every second; a stamp older than `stallMs` stops the renewals, so a
// hung process's jobs still expire and are taken over. Plain JavaScript so that it loads the same from src/ and dist/.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, beat: beatBuffer, stallMs } = workerData;
const beat = new BigInt64Array(beatBuffer);

// The renewal: expire_in pushed to now + lease, only while the row is still the activation we fetched (a job
// expired and queued again, or taken by another worker, has another retry_count or state).
const RENEW = `UPDATE pgboss.job SET expire_in = (now() - started_on) + make_interval(secs => $4)
  WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3 RETURNING id`;

/** The keeper's session: made at the first renewal, and made again after the server dropped it. */
let session = null;
function connection() {
  if (!session) {
    const client = new pg.Client({ connectionString: url, application_name: 'nianbao lease keeper', connectionTimeoutMillis: 10_000 });
    const made = client.connect().then(() => client);
    session = made;
    // A dropped connection fails the renewal under way (said to the main thread); the next one connects again.
    const drop = () => {
      if (session === made) session = null;
      client.end().catch(() => undefined);
    };
    client.on('error', drop);
    made.catch(drop);
  }
  return session;
}

/** key → { job, timer, busy } */
const held = new Map();

async function renew(key) {
  const h = held.get(key);
  if (!h || h.busy) return; // one renewal of a job at a time: a slow one is not stacked on
  const age = Date.now() - Number(Atomics.load(beat, 0));
  if (age > stallMs) {
    if (!h.stalled) parentPort.postMessage({ op: 'stalled', key, ageMs: age });
    h.stalled = true;
    return;
  }
  h.stalled = false;
  h.busy = true;
  try {
    const c = await connection();
    const { rows } = await c.query(RENEW, [h.job.name, h.job.id, h.job.activation, h.job.leaseSeconds]);
    // Released meanwhile (completed, failed, given back): whatever the row says is no longer news.
    if (held.get(key) !== h) return;
    if (rows.length !== 1) {
      held.delete(key);
      clearInterval(h.timer);
      parentPort.postMessage({ op: 'lost', key });
    }
  } catch (err) {
    if (held.get(key) === h) parentPort.postMessage({ op: 'error', key, message: err.message });
  } finally {
    h.busy = false;
  }
}

parentPort.on('message', async (m) => {
  if (m.op === 'hold') {
    const every = Math.max(500, (m.job.leaseSeconds * 1000) / 3);
    const h = { job: m.job, busy: false, stalled: false, timer: setInterval(() => void renew(m.key), every) };
    held.set(m.key, h);
  } else if (m.op === 'release') {
    const h = held.get(m.key);
    if (h) clearInterval(h.timer);
    held.delete(m.key);
  } else if (m.op === 'close') {
    for (const h of held.values()) clearInterval(h.timer);
    held.clear();
    if (session) await session.then((c) => c.end()).catch(() => undefined);
    parentPort.close();
  }
});

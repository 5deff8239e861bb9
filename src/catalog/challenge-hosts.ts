/** Hosts behind an anti-bot challenge that only the browser passes (migration 005), remembered across runs. */
import type { Db } from './db.ts';
import { nowIso } from './time.ts';

export interface ChallengeHostRow {
  host: string;
  status: number | null;
  first_seen_at: string;
  last_seen_at: string;
  last_passed_at: string | null;
}

export class ChallengeHosts {
  constructor(private readonly db: Db) {}

  /** A host answered with a challenge (again). */
  seen(host: string, status: number | null): void {
    const now = nowIso();
    this.db
      .prepare(
        `INSERT INTO challenge_hosts (host, status, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (host) DO UPDATE SET status = excluded.status, last_seen_at = excluded.last_seen_at`,
      )
      .run(host, status, now, now);
  }

  /** The browser got past the host's challenge. */
  passed(host: string): void {
    const now = nowIso();
    this.db
      .prepare(
        `INSERT INTO challenge_hosts (host, status, first_seen_at, last_seen_at, last_passed_at) VALUES (?, NULL, ?, ?, ?)
         ON CONFLICT (host) DO UPDATE SET last_passed_at = excluded.last_passed_at`,
      )
      .run(host, now, now, now);
  }

  get(host: string): ChallengeHostRow | undefined {
    return this.db.prepare('SELECT * FROM challenge_hosts WHERE host = ?').get(host) as ChallengeHostRow | undefined;
  }

  hosts(): string[] {
    return (this.db.prepare('SELECT host FROM challenge_hosts ORDER BY host').all() as { host: string }[]).map((r) => r.host);
  }
}

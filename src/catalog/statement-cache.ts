/**
 * Statements prepared once per connection and kept: the registry sync runs the same few for every agency and entry
 * of the seeds files (100k at national size), and preparing them again each time was most of its cost.
 */
import type { Statement } from './connection.ts';
import type { Db } from './db.ts';

export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }
}

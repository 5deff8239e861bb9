import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { AggregateCache } from '../../src/serve/aggregate-cache.ts';
import { tempDir } from '../helpers/tmp.ts';

test('an aggregate is reused while the catalog is unchanged, for a while after a change, then recomputed', () => {
  const file = path.join(tempDir(), 'catalog.sqlite');
  const writer = Catalog.open(file);
  const reader = Catalog.openReadOnly(file);
  try {
    let clock = 1_000_000;
    const cache = new AggregateCache(reader.db, 60_000, () => clock);
    const count = () => (reader.db.prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n;
    let computed = 0;
    const get = () => cache.get('n', () => (computed++, count())).value;
    assert.equal(get(), 0);
    clock += 10 * 60_000;
    assert.equal(get(), 0, 'unchanged catalog: reused however old');
    assert.equal(computed, 1);
    writer.agencies.upsert({ name: '甲局', nameKey: '甲局' });
    assert.equal(get(), 1, 'changed and the value is old: recomputed');
    writer.agencies.upsert({ name: '乙局', nameKey: '乙局' });
    clock += 30_000;
    assert.equal(get(), 1, 'changed, but the value is younger than a minute: reused');
    clock += 31_000;
    assert.equal(get(), 2);
    assert.equal(computed, 3);
  } finally {
    reader.close();
    writer.close();
  }
});

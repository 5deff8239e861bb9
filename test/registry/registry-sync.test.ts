// The registry sync from seeds files: an unchanged registry is neither parsed nor synced again (a national one is
// 16 MB of YAML), and any change to a file is seen: the changed agency is synced, its entries are the run's.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { ConfigError } from '../../src/errors.ts';
import { syncRegistry, syncRegistryFiles } from '../../src/registry/sync.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { tempDir } from '../helpers/tmp.ts';

const REGISTRY = `agencies:
  - name: 宜春市国防动员办公室
    aliases: [宜春市人民防空办公室]
    division: "360900"
    entries:
      - url: http://rfb.test/nb/
  - name: 宜春市教育局
    division: "360900"
    entries:
      - url: http://jyj.test/nb/
        family: trs
      - url: http://jyj.test/nb2/
  - name: 袁州区人民政府
    division: "360902"
`;

function setUp() {
  const dir = tempDir();
  const file = path.join(dir, 'seeds.yaml');
  writeFileSync(file, REGISTRY);
  const catalog = Catalog.open(path.join(dir, 'catalog.sqlite'));
  return { dir, file, catalog };
}

const urls = (r: { entries: { url: string }[] }) => r.entries.map((e) => e.url);

test('an unchanged registry is not parsed again; its entries come back in file order', () => {
  const { file, catalog } = setUp();
  try {
    const first = syncRegistryFiles(catalog, [file]);
    assert.equal(first.parsed, true);
    assert.equal(first.synced, 3);
    assert.deepEqual(urls(first), ['http://rfb.test/nb/', 'http://jyj.test/nb/', 'http://jyj.test/nb2/']);
    assert.equal(catalog.agencies.byNameKey('袁州区人民政府')?.county, '袁州区');

    const again = syncRegistryFiles(catalog, [file]);
    assert.equal(again.parsed, false);
    assert.equal(again.synced, 0);
    assert.deepEqual(again.entries, first.entries);
    // The rows are read fresh: what a crawl recorded on an entry is there.
    catalog.seeds.markCrawled(first.entries[1]!.id, 'trs');
    assert.equal(syncRegistryFiles(catalog, [file]).entries[1]!.detected_family, 'trs');
  } finally {
    catalog.close();
  }
});

test('a changed seeds file is read and only the changed agency is synced; a removed entry is no longer the run’s', () => {
  const { file, catalog } = setUp();
  try {
    syncRegistryFiles(catalog, [file]);
    writeFileSync(
      file,
      REGISTRY.replace('        family: trs\n', '        family: hanweb\n').replace('      - url: http://jyj.test/nb2/\n', '      - url: http://jyj.test/nb3/\n'),
    );
    const changed = syncRegistryFiles(catalog, [file]);
    assert.equal(changed.parsed, true);
    assert.equal(changed.synced, 1);
    assert.deepEqual(urls(changed), ['http://rfb.test/nb/', 'http://jyj.test/nb/', 'http://jyj.test/nb3/']);
    assert.equal(changed.entries[1]!.family, 'hanweb');
    assert.equal(catalog.seeds.byUrl('http://jyj.test/nb/')?.family, 'hanweb');
    // And that is now the known state.
    const after = syncRegistryFiles(catalog, [file]);
    assert.equal(after.parsed, false);
    assert.deepEqual(urls(after), urls(changed));

    // A new agency in a second file: the set of files changed, and the new agency alone is synced.
    const second = path.join(path.dirname(file), 'more.yaml');
    writeFileSync(second, 'agencies:\n  - name: 宜春市财政局\n    division: "360900"\n    entries:\n      - url: http://czj.test/nb/\n');
    const more = syncRegistryFiles(catalog, [file, second]);
    assert.equal(more.parsed, true);
    assert.equal(more.synced, 1);
    assert.deepEqual(urls(more).at(-1), 'http://czj.test/nb/');
  } finally {
    catalog.close();
  }
});

test('a sync of other seeds (a province, a list) makes the next run from files read them again', () => {
  const { file, catalog } = setUp();
  try {
    syncRegistryFiles(catalog, [file]);
    // The same agency synced from another record (its entry's family changed): the files' snapshot is stale.
    const other = loadSeeds([file]).slice(1, 2);
    other[0]!.entries[0]!.family = 'generic';
    syncRegistry(catalog, other);
    assert.equal(catalog.seeds.byUrl('http://jyj.test/nb/')?.family, 'generic');
    const back = syncRegistryFiles(catalog, [file]);
    assert.equal(back.parsed, true);
    assert.equal(back.synced, 1);
    assert.equal(catalog.seeds.byUrl('http://jyj.test/nb/')?.family, 'trs');
  } finally {
    catalog.close();
  }
});

test('a bad seeds file fails with its line and column, and the last good registry stays known', () => {
  const { file, catalog } = setUp();
  try {
    syncRegistryFiles(catalog, [file]);
    writeFileSync(file, REGISTRY.replace('  - name: 宜春市教育局\n', '  - name: 宜春市教育局\n   stray: x\n'));
    assert.throws(
      () => syncRegistryFiles(catalog, [file]),
      (e: unknown) => e instanceof ConfigError && /seeds\.yaml:8:4: not valid YAML: bad indentation/.test(e.message) && !e.message.includes('\n'),
    );
    writeFileSync(file, REGISTRY.replace('"360902"', '"369999"'));
    assert.throws(() => syncRegistryFiles(catalog, [file]), /seeds\.yaml: agencies\[2\] \(袁州区人民政府\)\.division: 369999 is not a known/);
    writeFileSync(file, REGISTRY);
    assert.equal(syncRegistryFiles(catalog, [file]).parsed, false);
  } finally {
    catalog.close();
  }
});

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../src/errors.ts';
import { loadSeeds, parseSeedsText } from '../../src/registry/seeds-file.ts';
import { tempDir } from '../helpers/tmp.ts';

const GOOD = `agencies:
  - name: 宜春市国防动员办公室
    aliases: [宜春市人民防空办公室]
    division: "360900"
    level: city
    province: 江西省
    city: 宜春市
    entries:
      - url: https://rfb.yichun.gov.cn/zwgk/zfxxgknb/index.html
`;

function fails(text: string, message: RegExp): void {
  assert.throws(
    () => parseSeedsText(text, 'seeds/x.yaml'),
    (e: unknown) => e instanceof ConfigError && message.test(e.message) && !e.message.includes('\n'),
  );
}

test('a good file parses, with defaults for family and render', () => {
  const [a] = parseSeedsText(GOOD, 'seeds/x.yaml');
  assert.equal(a!.name, '宜春市国防动员办公室');
  assert.deepEqual(a!.entries[0], { url: 'https://rfb.yichun.gov.cn/zwgk/zfxxgknb/index.html', family: 'auto', render: 'auto' });
});

test("a 12-digit 统计用区划代码 of a county or above is read as its six digits; a township's is refused, saying why", () => {
  const [a] = parseSeedsText(GOOD.replace('"360900"', '"360900000000"'), 'seeds/x.yaml');
  assert.equal(a!.division, '360900');
  fails(GOOD.replace('"360900"', '"360902100000"'), /division: must be a six-digit GB\/T 2260 code \(a 12-digit 统计用区划代码 only when it ends in six zeros\)/);
});

test('errors name the file, the entry and the field, in one line', () => {
  fails(GOOD.replace('"360900"', '"3609"'), /^seeds\/x\.yaml: agencies\[0\] \(宜春市国防动员办公室\)\.division: must be a six-digit/);
  fails(GOOD.replace('https://rfb', 'ftp://rfb'), /^seeds\/x\.yaml: agencies\[0\] \(宜春市国防动员办公室\)\.entries\[0\]\.url: must be an http\(s\) URL/);
  fails(GOOD.replace('level: city', 'level: town'), /agencies\[0\] \(宜春市国防动员办公室\)\.level:/);
  fails(GOOD.replace('    city: 宜春市\n', '    city: 宜春市\n    citty: x\n'), /agencies\[0\] \(宜春市国防动员办公室\): .*citty/);
  fails(GOOD + '        family: wordpress\n', /entries\[0\]\.family:/);
  fails('agencies: []\n', /agencies: must list at least one agency/);
  fails('agencies:\n  - name: [unclosed\n', /^seeds\/x\.yaml:\d+:\d+: not valid YAML/);
});

test('the same agency or entry URL in two files is an error naming both', () => {
  const dir = tempDir();
  const a = path.join(dir, 'a.yaml');
  const b = path.join(dir, 'b.yaml');
  writeFileSync(a, GOOD);
  writeFileSync(b, GOOD);
  assert.throws(() => loadSeeds([a, b]), (e: unknown) => e instanceof ConfigError && /b\.yaml: agencies\[0\] \(宜春市国防动员办公室\): name: already listed in .*a\.yaml/.test(e.message));
  assert.throws(() => loadSeeds([path.join(dir, 'missing.yaml')]), /missing\.yaml: cannot read: ENOENT/);
});

test('the shipped seeds files are valid', () => {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../seeds');
  // demo.yaml and china.yaml list the same four agencies (one on the fixture portal, one on the real web).
  assert.equal(loadSeeds([path.join(root, 'china.yaml')]).length, 4);
  assert.ok(loadSeeds([path.join(root, 'demo.yaml')]).length >= 4);
});

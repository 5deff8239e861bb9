import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { charsetFromMarkup, decodeHtml, normaliseCharset } from '../../src/encoding/decode-html.ts';

const DOCS = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../fixtures/docs');
const utf8 = readFileSync(path.join(DOCS, 'r000.html'), 'utf8');
const gbkMeta = readFileSync(path.join(DOCS, 'r000.gbk.html'));
const gbkBare = readFileSync(path.join(DOCS, 'r000.gbk-nometa.html'));
const TITLE = '宜春市国防动员办公室';

test('gb2312 and gbk labels decode as GB18030 (a superset)', () => {
  assert.equal(normaliseCharset('GB2312'), 'gb18030');
  assert.equal(normaliseCharset('"gbk"'), 'gb18030');
  assert.equal(normaliseCharset('utf8'), 'utf-8');
  assert.equal(normaliseCharset('no-such-charset'), null);
});

test('GBK page with the charset in the HTTP header only', () => {
  const d = decodeHtml(gbkBare, 'text/html; charset=GBK');
  assert.equal(d.source, 'header');
  assert.ok(d.text.includes(TITLE));
});

test('GBK page with the charset in <meta> only', () => {
  const d = decodeHtml(gbkMeta, 'text/html');
  assert.equal(d.source, 'meta');
  assert.equal(d.encoding, 'gb18030');
  assert.ok(d.text.includes(TITLE));
});

test('GBK page with no charset anywhere', () => {
  const d = decodeHtml(gbkBare, null);
  assert.equal(d.source, 'detected');
  assert.ok(d.text.includes(TITLE));
  assert.ok(!d.text.includes('\ufffd'));
});

test('UTF-8 with a BOM, and plain UTF-8 without any declaration', () => {
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>年报</p>')]);
  assert.deepEqual(decodeHtml(bom, 'text/html; charset=gbk'), { text: '<p>年报</p>', encoding: 'utf-8', source: 'bom' });
  const plain = decodeHtml(Buffer.from(utf8.replace(/<meta charset="utf-8">/i, '')), undefined);
  assert.ok(plain.text.includes(TITLE));
});

test('meta prescan reads http-equiv content and XML declarations', () => {
  assert.equal(charsetFromMarkup('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gb18030');
  assert.equal(charsetFromMarkup('<?xml version="1.0" encoding="GBK"?><datastore>'), 'gb18030');
  assert.equal(charsetFromMarkup('<html><head><title>x</title>'), null);
});

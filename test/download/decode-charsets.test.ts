/**
 * HTML is decoded from its bytes (BOM, HTTP charset, <meta> prescan, detection; GB2312/GBK as GB18030), through
 * the HTTP client Crawlee uses, for a GBK page with the charset in the header only, in the meta only, and nowhere.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { PoliteHttpClient } from '../../src/download/crawlee-http-client.ts';
import { decodeHtml } from '../../src/encoding/decode-html.ts';
import { Fetcher } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { doc } from '../fixtures/portal/docs.ts';
import { send, startServer } from '../helpers/http-server.ts';

const withMeta = doc('r000.gbk.html'); // <meta … charset=gb2312>, GBK bytes
const noMeta = doc('r000.gbk-nometa.html'); // GBK bytes, no declaration
const TITLE = '宜春市国防动员办公室2023年政府信息公开工作年度报告';
// A GBK-only character (not in GB2312) must survive a page that says gb2312.
const GBK_ONLY = Buffer.from([0xe9, 0x46]); // 镕: trail byte 0x46 is outside GB2312's range

test('GBK page decoded right with the charset in the header only, in the meta only, and nowhere', async () => {
  const s = await startServer((req, res) => {
    if (req.url === '/header-only') return send(res, 200, 'text/html; charset=GBK', noMeta);
    if (req.url === '/meta-only') return send(res, 200, 'text/html', withMeta);
    return send(res, 200, 'text/html', noMeta); // nowhere
  });
  const client = new PoliteHttpClient(new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 5 }, new Scope([s.host])));
  for (const path of ['/header-only', '/meta-only', '/nowhere']) {
    const r = await client.sendRequest({ url: `${s.origin}${path}` });
    const html = r.body as string;
    assert.match(html, new RegExp(`<title>${TITLE}</title>`), path);
    assert.ok(html.includes('统计期限') || html.includes('政府信息公开'), path);
    assert.ok(!html.includes('\ufffd'), `${path}: replacement characters`);
    assert.match(String(r.headers['content-type']), /charset=utf-8/, `${path}: handed to Crawlee as UTF-8`);
    const raw = client.takeRawPage(`${s.origin}${path}`);
    assert.ok(raw && raw.bytes.equals(path === '/meta-only' ? withMeta : noMeta), `${path}: the raw bytes are kept for storage`);
  }
});

test('decodeHtml: sources in order, gb2312 read as gb18030, BOM first', () => {
  assert.equal(decodeHtml(noMeta, 'text/html; charset=gbk').source, 'header');
  assert.equal(decodeHtml(withMeta, 'text/html').source, 'meta');
  assert.equal(decodeHtml(withMeta, 'text/html').encoding, 'gb18030');
  const nowhere = decodeHtml(noMeta, null);
  assert.equal(nowhere.source, 'detected');
  assert.equal(nowhere.encoding, 'gb18030');
  const gbkOnly = Buffer.concat([Buffer.from('<meta charset="gb2312"><p>'), GBK_ONLY, Buffer.from('</p>')]);
  assert.match(decodeHtml(gbkOnly).text, /<p>镕<\/p>/);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="gbk">年报')]);
  assert.deepEqual([decodeHtml(bom, 'text/html; charset=gbk').source, decodeHtml(bom).text.endsWith('年报')], ['bom', true]);
});

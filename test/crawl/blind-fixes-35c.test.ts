/**
 * Round 35c's fixes (docs/blind-portals.md, "Round 35c"), each on hand-made input. Ordinary columns whose servers
 * answer badly: an overloaded backend's 200 "系统繁忙，请稍后再试" page on a page's first ask, and an anti-bot CDN's
 * 521 cookie challenge (加速乐-style) in front of every request.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULTS, type PolitenessConfig } from '../../src/config.ts';
import { isScriptChallenge } from '../../src/download/challenge-answer.ts';
import { PoliteHttpClient } from '../../src/download/crawlee-http-client.ts';
import { Fetcher } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { Robots } from '../../src/download/robots.ts';
import { saysServerBusy } from '../../src/download/server-busy.ts';
import { FetchError } from '../../src/errors.ts';
import { send, startServer } from '../helpers/http-server.ts';

const LIST = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年度报告</title></head><body><ul>
<li><a href="content_2.shtml">某县人民政府2023年政府信息公开工作年度报告</a></li></ul><a href="index_3.shtml">下一页</a></body></html>
`;
const BUSY = '<html><head><meta charset="utf-8"><title>提示</title></head><body><div style="margin:80px auto">系统繁忙，请稍后再试！</div></body></html>';

function politeness(over: Partial<PolitenessConfig> = {}): PolitenessConfig {
  return { ...DEFAULTS.politeness, hostDelayMs: 10, backoffBaseMs: 20, maxRetries: 2, pageTimeoutMs: 4000, ...over };
}

test('a 200 "系统繁忙" page is a server error: asked again and the page read; busy on every ask fails', { timeout: 30_000 }, async () => {
  const asked = new Map<string, number>();
  const s = await startServer((req, res) => {
    const url = req.url ?? '/';
    const n = (asked.get(url) ?? 0) + 1;
    asked.set(url, n);
    if (url === '/ndbg/index_2.shtml') return send(res, 200, 'text/html; charset=utf-8', n === 1 ? BUSY : LIST);
    if (url === '/ndbg/index_3.shtml') return send(res, 200, 'text/html; charset=GBK', iconv.encode('<html><body><p>服务器繁忙，请稍后刷新重试。</p></body></html>', 'gbk'));
    send(res, 404, 'text/plain', 'no');
  });
  const client = new PoliteHttpClient(new Fetcher(politeness(), new Scope([s.host])));
  const page2 = await client.sendRequest({ url: `${s.origin}/ndbg/index_2.shtml` });
  assert.match(String(page2.body), /某县人民政府2023年/);
  assert.equal(asked.get('/ndbg/index_2.shtml'), 2);
  await assert.rejects(client.sendRequest({ url: `${s.origin}/ndbg/index_3.shtml` }), (e: unknown) => e instanceof FetchError && /busy/.test(e.message));
  assert.equal(asked.get('/ndbg/index_3.shtml'), 3);
  // Pages that only mention the words are pages: a list with a notice about a busy 12345 hotline, a long article.
  assert.equal(saysServerBusy(Buffer.from(`<p>系统繁忙时段请拨打12345</p>${'<li><a href="a.html">某县2024年政务公开工作要点</a></li>'.repeat(12)}`)), false);
  assert.equal(saysServerBusy(Buffer.from('<html><body>服务暂时不可用，请稍后再试</body></html>')), true);
});

test('a 521 script challenge is handed on as the page it is (robots.txt allows, the page reaches the crawl once); a 521 error page is asked again before it is', { timeout: 30_000 }, async () => {
  const CHALLENGE = `<html><body><script>document.cookie=('_')+('_jsl_clearance_s=')+(1733261300)+'|0|'+'8f3a';location.href=location.pathname+location.search</script></body></html>`;
  const asked = new Map<string, number>();
  const s = await startServer((req, res) => {
    const url = req.url ?? '/';
    asked.set(url, (asked.get(url) ?? 0) + 1);
    if (url === '/down.html') return send(res, 521, 'text/html; charset=utf-8', '<html><body><h1>Web server is down</h1><p>Error code 521</p></body></html>');
    res.setHeader('set-cookie', '__jsluid_s=0f3a8b; path=/; HttpOnly');
    send(res, 521, 'text/html; charset=utf-8', CHALLENGE);
  });
  const fetcher = new Fetcher(politeness(), new Scope([s.host]));
  const robots = new Robots(fetcher, 'nianbao/1.0');
  const verdict = await robots.check(`${s.origin}/zwgk/index.html`);
  assert.equal(verdict.allowed, true, verdict.why);
  const client = new PoliteHttpClient(fetcher);
  const page = await client.sendRequest({ url: `${s.origin}/zwgk/index.html` });
  assert.equal(page.statusCode, 521);
  assert.match(String(page.body), /jsl_clearance_s/);
  assert.equal(asked.get('/zwgk/index.html'), 1);
  // An error page is asked again; its last answer reaches the crawl's handlers as the 521 it is (round 50d: a page's
  // server error handed on once its retries are spent), which record it failed: it is no challenge.
  const down = await client.sendRequest({ url: `${s.origin}/down.html` });
  assert.equal(down.statusCode, 521);
  assert.equal(asked.get('/down.html'), 3);
  assert.equal(isScriptChallenge(521, Buffer.from(CHALLENGE)), true);
});

/**
 * Round 37a's fix (docs/blind-portals.md, "Round 37a: script-drawn portals (上海, 辽宁)"), on hand-made input of other
 * shapes than the round's portal: a list page published as a static script file that declares its data and ends by
 * handing it to the page (`showDocs(docs, pageInfo);`, `if (typeof f === 'function') f();`, `window.render &&
 * render();`) is a data script: recorded from the page's traffic, read as a list, its page number learned from the
 * file names the pager asks (before: any call made it "a script that runs something", not recorded, the list never
 * learned; the page's items only as drawn on page 1).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { learnListEndpoint } from '../../src/crawl/learn/learn.ts';
import { readList } from '../../src/crawl/learn/list-shape.ts';
import { requestForPage } from '../../src/crawl/learn/page-param.ts';
import { isDataScript, scriptData } from '../../src/crawl/learn/script-data.ts';
import { exchangesOf, recordExchange } from '../../src/crawl/learn/traffic.ts';

const PAGE = 'http://gov.test/sthjj/gk/nb/index.html';
const REPORT = (y: number) => `某市生态环境局${y}年政府信息公开工作年度报告`;

/** Page n of a column whose CMS writes one script per list page, ending with a call handing it to the page. */
function pageScript(n: number): string {
  const docs = [
    [REPORT(2025 - n), `/sthjj/gk/nb/2025${n}/art_${n}1.html`],
    [`某市生态环境局${2025 - n}年部门决算`, `/sthjj/gk/nb/2025${n}/art_${n}2.html`],
    [`${2025 - n}年某市生态环境状况公报`, `/sthjj/gk/nb/2025${n}/art_${n}3.html`],
  ];
  return `// generated ${n}
var pageInfo = { total: 9, pageNo: ${n}, pageSize: 3, pages: 3 };
var docs = [
${docs.map(([t, u]) => `  { title: '${t}', url: '${u}', time: '2025-01-0${n}' }`).join(',\n')}
];
showDocs(docs, pageInfo);
`;
}

test('a data script ending with calls that hand its data to the page is data; a call anywhere else still is not', () => {
  const shapes = [
    "var nbList = [{ t: '某县2024年度报告', u: './a.html' }];\nif (typeof drawList === 'function') { drawList(); }\n",
    'window.listData = {"count": 1, "rows": [{"title": "x", "href": "/a.html"}]};\nwindow.renderList && renderList(window.listData, "nb");',
    'var gk = [{ id: 3 }];\nApp.list.show(gk, 1, "gk");\nApp.pager.draw(1);',
  ];
  for (const code of shapes) assert.equal(isDataScript(code), true, code);
  assert.deepEqual(scriptData(shapes[0]!), { nbList: [{ t: '某县2024年度报告', u: './a.html' }] });
  assert.deepEqual(scriptData(shapes[1]!), { listData: { count: 1, rows: [{ title: 'x', href: '/a.html' }] } });
  assert.deepEqual(scriptData(shapes[2]!), { gk: [{ id: 3 }] });
  // A call that computes a value, one before the data, one fed by another call, a function: not data, as before.
  for (const code of ['var list = load([{a: 1}]);', "init();\nvar a = [{t: 'x'}];", 'var a = [1];\nshow(build(a));', 'var a = [1];\nfunction show() { return a; }\nshow();']) {
    assert.equal(isDataScript(code), false, code);
    assert.equal(scriptData(code), null, code);
  }
});

test("per-page script files handing their data to the page: recorded from the traffic, read as a list, paged by the file's number", () => {
  const page = {} as Page;
  const res = (body: string) => ({ status: 200, headers: { 'content-type': 'application/javascript' }, body: Buffer.from(body) });
  const script = (url: string) => ({ resourceType: 'script', method: 'GET', url, body: null, contentType: null });
  recordExchange(page, script('http://gov.test/sthjj/gk/nb/data/page1.js'), res(pageScript(1)));
  recordExchange(page, script('http://gov.test/sthjj/gk/nb/data/page2.js'), res(pageScript(2)));
  const recorded = exchangesOf(page);
  assert.deepEqual(recorded.map((x) => x.url), ['http://gov.test/sthjj/gk/nb/data/page1.js', 'http://gov.test/sthjj/gk/nb/data/page2.js']);
  const learned = learnListEndpoint(recorded.slice(0, 1), PAGE, recorded.slice(1));
  assert.ok(learned, 'a list learned from the page scripts');
  assert.equal(learned.endpoint.request.url, 'http://gov.test/sthjj/gk/nb/data/page1.js');
  assert.deepEqual(learned.items.map((i) => i.title), [REPORT(2024), '某市生态环境局2024年部门决算', '2024年某市生态环境状况公报']);
  assert.equal(learned.items[0]!.url, 'http://gov.test/sthjj/gk/nb/20251/art_11.html');
  // Page 3 asked as the pager would, read over HTTP with the learned shape.
  assert.ok(learned.endpoint.page, 'the page number learned from the file names');
  assert.equal(requestForPage(learned.endpoint.request, learned.endpoint.page, 3).url, 'http://gov.test/sthjj/gk/nb/data/page3.js');
  assert.deepEqual(
    readList(pageScript(3), 'http://gov.test/sthjj/gk/nb/data/page3.js', PAGE, learned.endpoint.shape).map((i) => i.title)[0],
    REPORT(2022),
  );
});

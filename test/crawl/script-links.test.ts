/**
 * Links opened by a function of the site's scripts, clicked in the sandbox (script-links.ts, script-sandbox.ts): the
 * function is run, so any way of building the address is read, and nothing of the stand-in DOM becomes an address.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { withScriptLinks } from '../../src/crawl/script-links.ts';

const at = 'http://a.gov.cn/xxgk/nb/list.html';
const page = (body: string, inline = '') => `<html><head><title>年报</title><script>${inline}</script></head><body><ul>${body}</ul></body></html>`;
const urls = (html: string, external: string[] = []) => parseListItems(withScriptLinks(html, at, external), at).map((i) => i.url);
const li = (code: string, year: number) => `<li><a href="javascript:${code}">某局${year}年政府信息公开工作年度报告</a></li>`;

test('a function building its address any way a script can (template, encodeURIComponent, helpers, arrays, ternaries) is followed', () => {
  const site = `
    const SITE = { root: '/site/nb/', ext: '.html' };
    function base() { return SITE.root + 'art/'; }
    function openArticle(id) { window.open(\`\${base()}\${encodeURIComponent(id)}\${SITE.ext}\`, '_blank'); }
    var showInfo = function (cat, id) { location.href = ['/info', cat, id].join('/') + (cat > 10 ? '.shtml' : '.html'); };
    window.goDoc = (y, id) => { window.location = '/doc/' + y + '/' + String(id).padStart(6, '0') + '.htm'; };
    function later(id) { setTimeout(function () { top.location.href = '/later/' + id + '.html'; }, 100); }
    function bySearch(id) { location.search = '?id=' + id; }`;
  const html = page([li("openArticle('a 1')", 2024), li('showInfo(12, 887)', 2023), li('goDoc(2022,42)', 2022), li("later('x9')", 2021), li('bySearch(5)', 2020)].join(''));
  assert.deepEqual(urls(html, [site]), [
    'http://a.gov.cn/site/nb/art/a%201.html',
    'http://a.gov.cn/info/12/887.shtml',
    'http://a.gov.cn/doc/2022/000042.htm',
    'http://a.gov.cn/later/x9.html',
    'http://a.gov.cn/xxgk/nb/list.html?id=5',
  ]);
});

test("an onclick reading its own element's attributes is clicked as that element; the page's inline scripts count", () => {
  const inline = `function show(el) { window.open('/detail.jsp?infoid=' + el.getAttribute('data-id') + '&y=' + el.dataset.year); return false; }`;
  const html = page(
    `<li><a href="javascript:void(0)" data-id="77" data-year="2024" onclick="return show(this)">某局2024年政府信息公开工作年度报告</a></li>
     <li><a href="javascript:;" data-id="78" data-year="2023" onclick="show(this);">某局2023年政府信息公开工作年度报告</a></li>`,
    inline,
  );
  assert.deepEqual(urls(html), ['http://a.gov.cn/detail.jsp?infoid=77&y=2024', 'http://a.gov.cn/detail.jsp?infoid=78&y=2023']);
});

test('nothing is guessed: an address built from the DOM, a missing argument, an unknown function or a form stays unread', () => {
  const site = `
    function fromDom(id) { window.open(document.getElementById('ctx').value + '/a/' + id + '.html'); }
    function fromJq(el) { location.href = '/a/' + $(el).attr('data-id') + '.html'; }
    function noArg(id) { window.open('/a/' + id + '.html'); }
    function viaForm(id) { document.forms[0].infoid.value = id; document.forms[0].submit(); }
    function throws(id) { missing.call(id); }`;
  const html = page([li("fromDom('1')", 2024), li('fromJq(this)', 2023), li('noArg()', 2022), li("viaForm('4')", 2021), li("throws('5')", 2020), li("unknownFn('6')", 2019)].join(''));
  assert.deepEqual(urls(html, [site]), []);
});

test("a script that loops, throws or redirects on load leaves the other scripts' functions, and no link goes where it redirected", () => {
  const scripts = [
    'while (true) {}',
    "function openA(id) { window.open('/a/' + id + '.html'); }\nundefinedLibrary.init();",
    "location.href = '/login.html';",
    "jQuery(function () { $('.x').click(function () {}); });",
  ];
  const html = page([li("openA('1')", 2024), li('void(0)', 2023)].join(''));
  assert.deepEqual(urls(html, scripts), ['http://a.gov.cn/a/1.html']);
});

test('a page whose links run no code is returned as given', () => {
  const html = page('<li><a href="javascript:void(0)">x</a></li><li><a href="/a.html">y</a></li>');
  assert.equal(withScriptLinks(html, at, ['function f() {}']), html);
});

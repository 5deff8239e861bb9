/**
 * The script sandbox's deadlines count the CPU its scripts use, not the time they wait (script-sandbox.ts): by the
 * clock, a crawl on a busy machine ran out of time on ordinary scripts and read fewer of their links, and this suite
 * failed on a loaded machine for the same reason.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import test from 'node:test';
import { ScriptSandbox } from '../../src/crawl/script-sandbox.ts';

test("time a page spends between its scripts (the crawl's other work, a busy machine) is not spent from its budget", async () => {
  const sandbox = new ScriptSandbox('http://a.gov.cn/xxgk/nb/list.html');
  try {
    assert.equal(sandbox.load("function openA(id) { window.open('/a/' + id + '.html'); }"), null);
    // Longer than the page's whole budget (4 s) by the clock; the sandbox used a few milliseconds of it.
    await sleep(4300);
    assert.equal(sandbox.target("openA('7')", {}), '/a/7.html');
  } finally {
    sandbox.dispose();
  }
});

test('a script that never ends is still stopped, and the page has budget left for its links', () => {
  const sandbox = new ScriptSandbox('http://a.gov.cn/xxgk/nb/list.html');
  try {
    sandbox.load('while (true) {}');
    sandbox.load("function openB(id) { location.href = '/b/' + id + '.html'; }");
    assert.equal(sandbox.target("openB('3')", {}), '/b/3.html');
  } finally {
    sandbox.dispose();
  }
});

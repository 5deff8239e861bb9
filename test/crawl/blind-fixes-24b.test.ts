/**
 * Round 24b's fixes (docs/blind-portals.md, "Round 24b"), each on hand-made input. The two mainstream script-drawn
 * lists were read whole; the htmx one was not: its fragment view answers only requests carrying htmx's own header
 * (`HX-Request: true`, as Django's `request.htmx` or a Flask/Rails `hx-request` check reads it), and the browser
 * lane kept only credential and `X-…` headers of a captured request, so the replay of page 2 was refused (400).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialHeaders } from '../../src/crawl/learn/page-param.ts';

test('the headers a fragment library sets on its requests (htmx HX-*, Turbo-Frame) go with the replay; the browser\'s own do not', () => {
  const htmx = {
    'HX-Request': 'true',
    'HX-Target': 'art-list',
    'HX-Current-URL': 'http://gov.example/zrzy/gk/nb/',
    accept: '*/*',
    'user-agent': 'Mozilla/5.0',
    referer: 'http://gov.example/zrzy/gk/nb/',
    'sec-fetch-mode': 'cors',
  };
  assert.deepEqual(credentialHeaders(htmx), { 'hx-request': 'true', 'hx-target': 'art-list', 'hx-current-url': 'http://gov.example/zrzy/gk/nb/' });
  // Hotwire Turbo's frame request names the frame it fills; a server may answer the frame's markup only then.
  assert.deepEqual(credentialHeaders({ 'Turbo-Frame': 'list', accept: 'text/html; turbo-stream' }), { 'turbo-frame': 'list' });
  // As before: X-Requested-With and the fetch metadata are the browser's or every replay's.
  assert.equal(credentialHeaders({ 'x-requested-with': 'XMLHttpRequest', 'sec-fetch-site': 'same-origin', 'accept-language': 'zh-CN' }), undefined);
});

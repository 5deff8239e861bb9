/**
 * Cookies too large for a browser are left out of the answer before any jar keeps them (download/cookie-size.ts):
 * name and value past 4096 bytes, as Chromium refuses them; attributes do not count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSized } from '../../src/download/cookie-size.ts';

test('a cookie whose name and value pass 4096 bytes is left out; the others, and long attributes, are kept', () => {
  const small = 'JSESSIONID=ABC123; Path=/; HttpOnly';
  const edge = `RV=${'x'.repeat(4094)}; Path=/`; // 2 + 4094 = 4096 bytes: kept
  const over = `RV=${'x'.repeat(4095)}; Path=/`;
  const longPath = `k=v; Path=/${'p'.repeat(5000)}`;
  assert.deepEqual(browserSized([small, over, edge, longPath]), [small, edge, longPath]);
});

test('answers with no cookie over the size are handed on as they came', () => {
  const cookies = ['a=1', 'b=2; Max-Age=60'];
  assert.equal(browserSized(cookies), cookies);
  assert.equal(browserSized(undefined), undefined);
});

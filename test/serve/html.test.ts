import assert from 'node:assert/strict';
import { test } from 'node:test';
import { externalLink, formatNumber, html, query, SafeHtml } from '../../src/serve/html.ts';

test('interpolated values are escaped in text and attributes; only html templates stay markup', () => {
  const title = `<script>alert(1)</script>"><img src=x onerror='x'>&amp;`;
  const out = html`<p title="${title}">${title}${[html`<b>${'<i>'}</b>`, '<u>']}${null}${undefined}${false}${0}</p>`.value;
  assert.equal(
    out,
    '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&#39;x&#39;&gt;&amp;amp;">' +
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&#39;x&#39;&gt;&amp;amp;<b>&lt;i&gt;</b>&lt;u&gt;0</p>',
  );
  // A plain object pretending to be markup is still text.
  assert.equal(html`${{ value: '<b>' } as unknown as string}`.value, '[object Object]');
  assert.ok(html`x` instanceof SafeHtml);
});

test('outside links only for http(s); anything else is shown as text', () => {
  assert.equal(externalLink('https://gov.test/a?b=1&c="2"').value, '<a href="https://gov.test/a?b=1&amp;c=&quot;2&quot;" rel="noreferrer noopener">https://gov.test/a?b=1&amp;c=&quot;2&quot;</a>');
  assert.equal(externalLink('javascript:alert(1)').value, 'javascript:alert(1)');
  assert.equal(externalLink(' JAVASCRIPT:alert(1)').value, ' JAVASCRIPT:alert(1)');
});

test('query strings leave out empty values and encode the rest; numbers keep their decimals', () => {
  assert.equal(query({ province: '河南省', city: undefined, q: 'a&b', page: 2, state: '' }), '?province=%E6%B2%B3%E5%8D%97%E7%9C%81&q=a%26b&page=2');
  assert.equal(query({}), '');
  assert.deepEqual([formatNumber(12), formatNumber(1.5), formatNumber(299.024), formatNumber(null)], ['12', '1.5', '299.02', '']);
});

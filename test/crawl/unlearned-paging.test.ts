/**
 * A learned list whose pager the browser turned, the next page's request bringing new items, but with no page
 * parameter, cursor or next address the replay could repeat (an opaque token in the body: round 25b's helper left
 * this path silent): the replay reads one page, so the endpoint says so and the seed is `short`, never `ok`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { SeedTallies, unlearnedPaging } from '../../src/crawl/seed-tally.ts';

const PAGE = 'http://gov.test/zwgk/ndbg/index.html';

const list = (page: number) => ({
  code: 0,
  data: { rows: [0, 1, 2].map((i) => ({ title: `某县某局${2024 - page * 3 - i}年政府信息公开工作年度报告`, url: `/zwgk/ndbg/${page}${i}.html` })) },
});
/** The list asked by a POST whose JSON body is one opaque token (the page number base64-encoded with a nonce). */
const asked = (token: string, page: number): Exchange => ({
  method: 'POST',
  url: 'http://gov.test/api/cms/list',
  body: JSON.stringify({ q: token }),
  contentType: 'application/json',
  status: 200,
  responseType: 'application/json',
  responseBody: JSON.stringify(list(page)),
});

test('a pager turned to new items whose request shows no paging: the endpoint keeps pagingUnknown, the seed says one page was read', () => {
  const learned = learnListEndpoint([asked('eyJwIjoxLCJuIjoiYTkifQ', 1)], PAGE, [asked('eyJwIjoyLCJuIjoiN2MifQ', 2)])!;
  assert.ok(learned, 'the list is learned');
  assert.equal(learned.endpoint.page, null);
  assert.equal(learned.endpoint.pagingUnknown, true);

  const t = new SeedTallies().of(1, PAGE);
  assert.equal(unlearnedPaging(t), null);
  t.pagingUnknown = true;
  assert.match(unlearnedPaging(t)!, /turned its list to a second page of new items, but how its list request asks for a page could not be learned: only its first page was read/);
});

test('no flag where paging was learned, where no pager was turned, or where a second request came on load (another list)', () => {
  const numbered = (k: number): Exchange => ({ ...asked('', k), url: `http://gov.test/api/cms/list?pageNo=${k}`, method: 'GET', body: null, contentType: null });
  const paged = learnListEndpoint([numbered(1)], PAGE, [numbered(2)])!;
  assert.deepEqual([paged.endpoint.page?.name, paged.endpoint.pagingUnknown], ['pageNo', undefined]);
  assert.equal(learnListEndpoint([asked('eyJwIjoxfQ', 1)], PAGE)!.endpoint.pagingUnknown, undefined, 'one page, never turned');
  // Two answers of one endpoint on load (two boxes of one page asking one API): no turn of a pager, no claim.
  assert.equal(learnListEndpoint([asked('eyJwIjoxfQ', 1), asked('eyJjIjoyfQ', 2)], PAGE)!.endpoint.pagingUnknown, undefined);
});

/**
 * Search engines answer a stored field as a list of its values when the index declares it multi-valued: Solr's JSON
 * (`"title": ["…"]`) and Elasticsearch's `_source` as indexed. A list answer whose titles and addresses are such
 * one-value lists is read as if they were plain values (noticed in round 37a, whose Solr answer was single-valued).
 * Lists of several values (tags, attachments) stay what they were: no title, no page address.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJsonList, jsonAnswerOrNull } from '../../src/crawl/learn/list-shape.ts';

const API = 'http://gov.test/search/select?q=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A&wt=json';
const PAGE = 'http://gov.test/search/index.html';

const docs = [
  { id: 'a1', title: '某区人民政府2024年政府信息公开工作年度报告', url: '/xxgk/2025/01/t20250120_881.html', pubDate: '2025-01-20T02:00:00Z' },
  { id: 'a2', title: '某区2024年度政府网站工作年度报表', url: '/xxgk/2025/01/t20250115_870.html', pubDate: '2025-01-15T02:00:00Z' },
  { id: 'a3', title: '某区人民政府2023年政府信息公开工作年度报告', url: '/xxgk/2024/01/t20240125_640.html', pubDate: '2024-01-25T02:00:00Z' },
];

test("Solr's multi-valued fields (one value each) read as the items' titles, addresses and dates", () => {
  const answer = {
    responseHeader: { status: 0, QTime: 3 },
    response: {
      numFound: 3,
      start: 0,
      docs: docs.map((d) => ({ id: d.id, title: [d.title], url: [d.url], pubDate: [d.pubDate], keywords: ['年报', '信息公开'] })),
    },
  };
  const json = jsonAnswerOrNull(JSON.stringify(answer), API);
  assert.ok(json !== null);
  const found = findJsonList(json, PAGE);
  assert.ok(found, 'the list is read');
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url, i.date]),
    docs.map((d) => [d.title, `http://gov.test${d.url}`, d.pubDate.slice(0, 10)]),
  );
});

test("Elasticsearch hits whose _source fields are one-value lists read the same; a list of attachments is not the item's address", () => {
  const answer = {
    hits: {
      total: { value: 3 },
      hits: docs.map((d) => ({
        _id: d.id,
        _source: { docTitle: [d.title], docUrl: [d.url], attachments: [`/files/${d.id}.pdf`, `/files/${d.id}-tables.xlsx`] },
      })),
    },
  };
  const json = jsonAnswerOrNull(JSON.stringify(answer), API);
  assert.ok(json !== null);
  const found = findJsonList(json, PAGE);
  assert.ok(found, 'the list is read');
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url]),
    docs.map((d) => [d.title, `http://gov.test${d.url}`]),
  );
});

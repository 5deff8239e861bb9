import type { Exchange } from '../../src/crawl/learn/learn.ts';

/** A request the browser saw and its answer, as the learn code records it: a JSON GET unless `o` says otherwise. */
export const exchange = (url: string, answer: unknown, o: Partial<Exchange> = {}): Exchange => ({
  method: 'GET',
  url,
  body: null,
  contentType: null,
  status: 200,
  responseType: 'application/json',
  responseBody: typeof answer === 'string' ? answer : JSON.stringify(answer),
  ...o,
});

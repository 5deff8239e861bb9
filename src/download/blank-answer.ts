/**
 * A page answered 200 with nothing in it: no byte, or whitespace only. PHP's "white screen" is the common cause (a
 * script dying on a refused database connection or a memory limit with `display_errors` off answers 200 and an
 * empty body); a backend behind a balancer failing the same way is another. No page is empty: a list page read so
 * had no item and no pager, and every later page of the list was left unasked with nothing said (round 34d). A
 * browser user sees a blank page and reloads; the crawl asks again (a retryable failure), and a page still blank
 * after the retries is a failure the seed's health reports. A data request's empty answer is not such a page (a
 * learned list's rows past its last page, answered empty by a JSF or jQuery paginator's POST).
 */
export function isBlankAnswer(status: number, method: string, bytes: Buffer, headers: Record<string, string> = {}): boolean {
  // Only a page asked as a document: a data request's empty answer (an XHR's fragment of rows past the last page, a
  // POST's "nothing more") is an answer, the end of its list.
  if (status !== 200 || method !== 'GET' || headers['x-requested-with'] !== undefined) return false;
  if (bytes.length > 64) return false;
  // A byte-order mark alone is as empty.
  return bytes.toString('utf8').replace(/^\uFEFF/, '').trim() === '';
}

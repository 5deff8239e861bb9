/**
 * A `304 Not Modified` answers a conditional request only (RFC 9110 §15.4.5): "the client's cached copy is still
 * good". Sent to a request that carried no `If-None-Match` nor `If-Modified-Since`, it says nothing about the page
 * and holds none of it: a broken cache in front of the site (an old caching appliance answering from an entry it has
 * just dropped, a proxy that mixes up its clients' validators). A browser with nothing cached shows a blank page, and
 * the next ask is whole. Handed on, such an answer read as an empty page (a list with no item, silently) or as
 * "unchanged" with nothing kept: it is the server's failure, asked again like a 503.
 */

/** Whether a 304 answered a request that asked for none (the headers as sent). */
export function unaskedNotModified(status: number, sent: Record<string, string>): boolean {
  if (status !== 304) return false;
  return !sent['if-none-match'] && !sent['if-modified-since'];
}

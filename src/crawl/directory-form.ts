/**
 * A column address given without its trailing slash (`/zwgk/xxgknb`, as a user types or copies it from a link that
 * drops it). Web servers normally send such an address on to its directory form with a 301; servers behind a
 * proxy or a Java front that maps only the directory form answer 403 Forbidden (nginx) or 404 instead, and a
 * browser user who adds the slash reads the column. The seed's own page so refused is asked once more in its
 * directory form before it counts as a failure.
 */

/** The directory form of an address whose last path segment names no file (no dot, no trailing slash), else null. */
export function directoryForm(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const last = u.pathname.split('/').pop() ?? '';
  // A root, a directory already, a file name (index.html, list.jsp) or a path parameter (;jsessionid=…) is as given.
  if (!last || last.includes('.') || last.includes(';')) return null;
  u.pathname = `${u.pathname}/`;
  return u.href;
}

/** Whether a seed page's answer is the refusal a missing slash draws: 403 or 404 to a GET of such an address. */
export function refusedWithoutSlash(status: number, method: string | undefined): boolean {
  return (status === 403 || status === 404) && (method ?? 'GET') === 'GET';
}

/** The file name an address ends with: the last segment of its path, percent-decoded where it decodes ('' after a `/`). */
export function addressFileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

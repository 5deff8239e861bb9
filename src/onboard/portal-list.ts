/**
 * Portal list files (seeds/portals/*.txt): one URL per line, `#` starts a comment (a whole line, or after the URL
 * on its line, naming the government). Blank lines are ignored; anything else that is not an http(s) URL is an error.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.ts';

export interface PortalLine {
  url: string;
  /** The comment after the URL, e.g. "河南省人民政府 (unverified)". */
  label: string | null;
}

export function parsePortalList(text: string, file: string): PortalLine[] {
  const out: PortalLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!content) return;
    let url: URL;
    try {
      url = new URL(content);
    } catch {
      throw new ConfigError(`${file}:${i + 1}: not a URL: "${content}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${file}:${i + 1}: must be an http(s) URL: "${content}"`);
    out.push({ url: url.href, label: hash >= 0 ? raw.slice(hash + 1).trim() || null : null });
  });
  return out;
}

export function readPortalList(file: string): PortalLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parsePortalList(text, file);
}

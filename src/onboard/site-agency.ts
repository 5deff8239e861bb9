/**
 * Who runs a site, read from the page the way a person would: the government-site convention
 * `<meta name="SiteName">`, the footer's 主办单位 (sponsor) line, then the `<title>` suffix ("…_宜春市人民政府").
 * Only a text that reads as an organisation's name counts.
 */
import { isAgencyName } from '../crawl/classify/agency.ts';
import { loadHtmlToEdit, squash } from '../crawl/html.ts';

export interface Sourced<T> {
  value: T;
  /** Where the value was read, e.g. `meta SiteName`, `footer 主办单位`, `title`. */
  from: string;
}

/** 主办单位 / 主办 (sponsor): the site's owner in the footer. */
const SPONSOR = /主办(?:单位)?\s*[:：]\s*([^\s|｜,，;；　]+)/;

export function siteAgency(html: string): Sourced<string> | null {
  const $ = loadHtmlToEdit(html);
  const meta = squash($('meta[name="SiteName"], meta[name="sitename"]').attr('content') ?? '');
  if (isAgencyName(meta)) return { value: meta, from: 'meta SiteName' };
  $('script, style').remove();
  const footer = squash($('.footer, #footer, footer, .foot, #foot, .bottom').text());
  const sponsor = SPONSOR.exec(footer)?.[1] ?? SPONSOR.exec(squash($('body').text()))?.[1];
  if (sponsor && isAgencyName(sponsor)) return { value: sponsor, from: 'footer 主办单位' };
  const parts = squash($('title').text()).split(/[_|｜\-—]/).map((s) => s.trim());
  const last = parts[parts.length - 1];
  if (parts.length > 1 && last && isAgencyName(last)) return { value: last, from: 'title suffix' };
  return null;
}

/**
 * A seed whose address answers a document: the PDF (or DOC, OFD…) of one report, copied from the browser's viewer
 * by a user who wants the whole column (round 33c: `/zwgk/zfxxgknb/202401/P020240125….pdf`). Read as a list page, a
 * file has no link, and exploring the host "from its page" read the file again: the seed ended `empty` with a reason
 * that never said its address was a file. A file is published inside its column's folder (TRS puts a report's
 * attachments in the month folder below the column: `…/zfxxgknb/202401/P0….pdf`), so the folders just above it are
 * read as the seed's pages instead, as the disclosure pages a seed's menu names are (a folder that is gone is no
 * failure of the seed), and the seed says that its address is a file.
 * The same holds for the address of a document VIEWER showing one report's file (round 37b: pdf.js's
 * `/static/pdfjs/web/viewer.html?file=%2Fzwgk%2F…%2FP0….pdf`, copied from the tab a report's 附件 link opened; an
 * online previewer's `onlinePreview?url=<Base64>`): the viewer's page names nothing of the site, and the folders
 * above the viewer (`/static/pdfjs/web/`) are not the column's; the folders above the file it shows are.
 */
import { Scope } from '../download/scope.ts';
import { viewedFile } from './attachments.ts';
import { addressFileName } from './address-name.ts';
import { documentLinks } from './document-links.ts';
import { isFileUrl } from './list-page.ts';
import { laneOf, type HarvestContext, type PageVisit } from './harvest-context.ts';
import type { ListData } from './requests.ts';
import { foldersAbove } from './seed-explore.ts';

/** Bytes of a seed document read for the pages it links at most (a guide is a few pages; a larger file is a scan). */
const LINKS_DOCUMENT_BYTES = 32 * 1024 * 1024;

/**
 * The pages a seed document links on the registry's hosts, as it names them (document-links.ts): neither a file, nor
 * a host's home (exploring from there reads any column), nor the document itself. Read from the answer waiting in the
 * spool for the file request that catalogues it.
 */
async function linkedPages(h: HarvestContext, asked: string, file: string): Promise<string[]> {
  const bytes = await h.http.spooledBytes(asked, LINKS_DOCUMENT_BYTES);
  if (!bytes) return [];
  const links = await documentLinks(bytes, addressFileName(file) || null);
  return links.filter((u) => u !== file && u !== asked && h.scope.allows(u) && !isFileUrl(u) && new URL(u).pathname !== '/');
}

/** Folders above the file asked: its own folder (a month folder, or the column itself) and the one above it. */
const FOLDERS = 2;

/** The folders a seed file's column may answer at, nearest first; never the host's root (that is exploring). */
export function seedFileFolders(url: string): string[] {
  const root = `${new URL(url).origin}/`;
  return foldersAbove(url)
    .filter((f) => f !== root)
    .slice(0, FOLDERS);
}

/** The file a seed's address shows in a document viewer (its `file=`, `url=`… parameter), with the file's type by its
 * extension; null for any other address. Read from the address alone: no page is parsed for it. */
export function viewedSeedFile(url: string): { file: string; type: string } | null {
  const file = viewedFile(url);
  if (!file || file === url) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(file).pathname)?.[1]?.toLowerCase();
  return { file, type: ext ?? 'file' };
}

/**
 * The seed page answered `type` (a document), or is a viewer showing `file`: the folders above the file are asked as
 * the seed's list pages; a sitemap's `mapped` folder is asked in their place.
 */
export async function readAboveSeedFile(h: HarvestContext, visit: PageVisit, data: ListData, type: string, viewed?: string, mapped?: string): Promise<void> {
  const tally = h.tallies.of(data.seedEntryId);
  tally.seedPageRead = true;
  // Not a list page: the folder's link to the file (the report the user pasted) is a report link to follow. Skipped as
  // "a list page read already", the one report the user pointed at was never catalogued.
  tally.listUrls.delete(visit.url);
  const file = viewed ?? (visit.loadedUrl || visit.url);
  // A document linking pages of the registry's sites (a guide naming its 年报 column) is read through them, not the
  // folders above it, which hold every unit's guides and lead to other agencies' columns (round 60c).
  const linked = viewed || mapped ? [] : await linkedPages(h, visit.url, file);
  // A sitemap (sitemap-seed.ts) is read from the folder it maps, the host's root included: its site's home.
  const folders = linked.length ? linked : (mapped ? [mapped] : seedFileFolders(file)).filter((f) => h.scope.allows(f));
  const what = viewed ? `a viewer of a file (${type}: ${viewed})` : mapped ? 'a sitemap (addresses without titles)' : `a file (${type})`;
  tally.seedFile = { type, folders, file, viewer: !!viewed, ...(linked.length ? { linked: true } : {}) };
  const from = mapped ? 'the folder it maps' : linked.length ? 'the pages it links' : `the folders above ${viewed ? 'the file' : 'it'}`;
  tally.notes.push(`its address is ${what}, not a page: ${folders.length ? `read from ${from} (${folders.join(', ')})` : 'no folder above it on the registry\'s hosts'}`);
  h.catalog.urls.record({ url: visit.url, host: Scope.hostOf(visit.url), status: visit.status, outcome: 'ok', reason: `the seed is ${what}: ${from} read as its list` });
  // The folder a sitemap maps is its site's page, read as the seed's own would be (its menu's disclosure pages followed).
  const asSeed = mapped !== undefined;
  await h.frontier.add(folders.map((url) => ({ url, lane: laneOf(h, url), userData: asSeed ? data : { ...data, pageIndex: data.pageIndex + 1, hub: true as const } })));
}

/**
 * A seed whose address answers a document: the PDF (or DOC, OFD…) of one report, copied from the browser's viewer
 * by a user who wants the whole column (round 33c: `/zwgk/zfxxgknb/202401/P020240125….pdf`). Read as a list page, a
 * file has no link, and exploring the host "from its page" read the file again: the seed ended `empty` with a reason
 * that never said its address was a file. A file is published inside its column's folder (TRS puts a report's
 * attachments in the month folder below the column: `…/zfxxgknb/202401/P0….pdf`), so the folders just above it are
 * read as the seed's pages instead, as the disclosure pages a seed's menu names are (a folder that is gone is no
 * failure of the seed), and the seed says that its address is a file.
 */
import { Scope } from '../download/scope.ts';
import { laneOf, type HarvestContext, type PageVisit } from './harvest-context.ts';
import type { ListData } from './requests.ts';
import { foldersAbove } from './seed-explore.ts';

/** Folders above the file asked: its own folder (a month folder, or the column itself) and the one above it. */
const FOLDERS = 2;

/** The folders a seed file's column may answer at, nearest first; never the host's root (that is exploring). */
export function seedFileFolders(url: string): string[] {
  const root = `${new URL(url).origin}/`;
  return foldersAbove(url)
    .filter((f) => f !== root)
    .slice(0, FOLDERS);
}

/** The seed page answered `type` (a document): the folders above it are asked as the seed's list pages. */
export async function readAboveSeedFile(h: HarvestContext, visit: PageVisit, data: ListData, type: string): Promise<void> {
  const tally = h.tallies.of(data.seedEntryId);
  tally.seedPageRead = true;
  const folders = seedFileFolders(visit.loadedUrl || visit.url).filter((f) => h.scope.allows(f));
  tally.seedFile = { type, folders };
  tally.notes.push(`its address is a file (${type}), not a page: ${folders.length ? `read from the folders above it (${folders.join(', ')})` : 'no folder above it on the registry\'s hosts'}`);
  h.catalog.urls.record({ url: visit.url, host: Scope.hostOf(visit.url), status: visit.status, outcome: 'ok', reason: `the seed is a file (${type}): the folders above it read as its list` });
  await h.frontier.add(folders.map((url) => ({ url, lane: laneOf(h, url), userData: { ...data, pageIndex: data.pageIndex + 1, hub: true as const } })));
}

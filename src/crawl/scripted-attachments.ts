/**
 * Attachments whose addresses a site's front-end script fills in from a request of its own, so that the page as
 * served names its files but links none. JEECMS (the Java CMS of many county and bureau sites, `.jhtml` addresses)
 * writes a content's attachments as `<a id="attach0">2021年…年度报告.pdf</a>` and, in its front.js,
 *
 *   Cms.attachment(base, contentId, n, prefix)
 *
 * asks `base/attachment_url.jspx?cid=<contentId>&n=<n>` for a JSON array of n signed tails (`"&t=…&k=…"`) and sets
 * link i's href to `base/attachment.jspx?cid=<contentId>&i=<i><tail>`: a download address without its signature is
 * refused. The call is read here, the tails asked for as the script would ask, and the links built from them.
 */
import { resolveLink, Scope } from '../download/scope.ts';
import type { Attachment } from './attachments.ts';
import { recordFailure, type HarvestContext } from './harvest-context.ts';
import { loadHtml, squash, withoutComments } from './html.ts';
import type { PageVisit } from './page-visit.ts';
import { countRefusedFile } from './seed-tally.ts';

export interface ScriptedAttachments {
  /** The address the script asks for the links' tails. */
  request: string;
  /** How many links the script is to fill. */
  count: number;
  /** The attachments the script's answer gives (none when the answer is not the array the script reads). */
  links(answer: string): Attachment[];
}

/** `Cms.attachment("", "1200", "1", "attach")`: base, content id, count, and the links' id prefix (default "attach"). */
const CMS_ATTACHMENT = /\bCms\.attachment\(\s*(["'])([^"']*)\1\s*,\s*(["']?)(\d{1,12})\3\s*,\s*(["']?)(\d{1,3})\5\s*(?:,\s*(["'])([\w-]*)\7\s*)?\)/g;
/** More links than a content page holds is no attachment list. */
const MAX_LINKS = 50;

const SCRIPT_HREF = /^\s*(?:javascript:|#|$)/i;

/** The JEECMS attachment calls of a page whose links the server left without an address. */
export function scriptedAttachments(html: string, pageUrl: string): ScriptedAttachments[] {
  const live = withoutComments(html);
  if (!live.includes('Cms.attachment')) return [];
  const $ = loadHtml(live);
  const out: ScriptedAttachments[] = [];
  for (const m of live.matchAll(CMS_ATTACHMENT)) {
    const base = m[2]!.replace(/\/+$/, '');
    const cid = m[4]!;
    const n = Number(m[6]);
    const prefix = m[8] || 'attach';
    if (n < 1 || n > MAX_LINKS) continue;
    const anchors = Array.from({ length: n }, (_, i) => $(`[id="${prefix}${i}"]`).first());
    // Links the server wrote with a real address need no script (the page's own reading finds them).
    const unlinked = anchors.map((a, i) => ({ a, i })).filter(({ a }) => a.length && SCRIPT_HREF.test(a.attr('href') ?? ''));
    if (!unlinked.length) continue;
    const request = resolveLink(`${base}/attachment_url.jspx?cid=${cid}&n=${n}`, pageUrl);
    if (!request) continue;
    out.push({
      request,
      count: unlinked.length,
      links(answer: string): Attachment[] {
        let tails: unknown;
        try {
          tails = JSON.parse(answer.trim());
        } catch {
          return [];
        }
        if (!Array.isArray(tails)) return [];
        return unlinked.flatMap(({ a, i }) => {
          const tail = tails[i];
          if (typeof tail !== 'string') return [];
          const url = resolveLink(`${base}/attachment.jspx?cid=${cid}&i=${i}${tail}`, pageUrl);
          const name = squash(a.text()) || squash(a.attr('title') ?? '') || null;
          return url ? [{ url, name }] : [];
        });
      },
    });
  }
  return out;
}

/**
 * The attachments a report page's scripts would link (see above), asked for politely as the page's script asks them
 * (scope, robots.txt, the host's gate): none for a page the browser drew, whose links its script already filled. Links
 * whose addresses cannot be had (the request refused or failing, an answer that is no array of tails) count against
 * the seed as files not fetched, so the seed is `short`, never silently `ok`.
 */
export async function scriptedAttachmentLinks(h: HarvestContext, visit: PageVisit, seedEntryId?: number): Promise<Attachment[]> {
  if (visit.rendered) return [];
  const out: Attachment[] = [];
  for (const call of scriptedAttachments(visit.body, visit.loadedUrl)) {
    const links = await linksOf(h, call, visit.loadedUrl);
    out.push(...links);
    if (links.length < call.count && seedEntryId !== undefined) {
      const why = `its script's attachment addresses (${new URL(call.request).pathname}) could not be read`;
      for (let i = links.length; i < call.count; i++) countRefusedFile(h.tallies.of(seedEntryId), Scope.hostOf(call.request), why);
    }
  }
  return out;
}

async function linksOf(h: HarvestContext, call: ScriptedAttachments, referer: string): Promise<Attachment[]> {
  if (!h.scope.allows(call.request)) return [];
  try {
    const res = await h.http.fetchForBrowser({ url: call.request, method: 'GET', headers: { referer, 'x-requested-with': 'XMLHttpRequest' } });
    return res.status < 400 ? call.links(res.body.toString('utf8')) : [];
  } catch (err) {
    // The failure is recorded; the seed is told by the files not fetched.
    recordFailure(h, call.request, err);
    return [];
  }
}

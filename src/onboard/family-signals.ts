/**
 * Why `family: auto` picks the family it picks. The decision itself stays detectFamily's (crawl); this lists the
 * tests it is made of, in its order, with their outcome on the page, and names the first one that agrees with the
 * family detected, so a person can see which markup decided and which other family came close.
 */
import { looksLikeAggregator } from '../crawl/families/aggregator.ts';
import { detectFamily, isShell, type ConcreteFamily } from '../crawl/families/detect.ts';
import { looksLikeHanweb } from '../crawl/families/hanweb.ts';
import { declaredApi } from '../crawl/families/jsapi.ts';
import { hasTrsPager, looksLikeTrs } from '../crawl/families/trs.ts';

export interface FamilySignal {
  family: ConcreteFamily;
  signal: string;
  present: boolean;
}

export interface FamilyExplanation {
  family: ConcreteFamily;
  /** The signal that decided, or the fallback. */
  decidedBy: string;
  signals: FamilySignal[];
}

export function explainFamily(html: string, pageUrl: string): FamilyExplanation {
  const api = declaredApi(html, pageUrl);
  const shell = isShell(html);
  const signals: FamilySignal[] = [
    { family: 'hanweb', signal: 'Hanweb data island or jpage call (<datastore>, jpage, dataproxy.jsp)', present: looksLikeHanweb(html) },
    { family: 'trs', signal: 'TRS pager script (createPageHTML / countPage)', present: hasTrsPager(html) },
    { family: 'jsapi', signal: `an application shell naming its JSON API${api ? ` (${api})` : ''}`, present: Boolean(api) && shell },
    { family: 'aggregator', signal: 'a per-year heading over links named by agency', present: looksLikeAggregator(html) },
    { family: 'trs', signal: 'TRS-style links (./YYYYMM/tYYYYMMDD_N.html)', present: looksLikeTrs(html) },
  ];
  const family = detectFamily(html, pageUrl);
  const decided = signals.find((s) => s.present && s.family === family);
  return { family, decidedBy: decided?.signal ?? 'no family signal: the generic parser (links, 下一页 pager)', signals };
}

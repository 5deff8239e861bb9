/**
 * A DWR reply read as the data it hands the page. A DWR call (dwr-batch.ts) is answered by a script, not JSON: a
 * guard (`throw 'allowScriptTagRemoting is false.';`), then objects built statement by statement (`var s1={};
 * s1.title="\u5e74…"; s1.pubDate=new Date(1737…);`) and the engine's callback given the method's value
 * (`r.handleCallback("0","0",{rows:[s1,…], totalCount:10})`, DWR 2's `dwr.engine._remoteHandleCallback(…)`). The
 * script is run alone in the sandbox (script-sandbox.ts) with the callbacks standing in, and the value is the answer.
 */
import { evalDwrReply } from '../script-sandbox.ts';
import type { Json } from './list-shape.ts';

/** The markers of a DWR reply: its sections, or its callback. */
const REPLY = /\/\/#DWR-REPLY|dwr\.engine\._remoteHandleCallback\(|\.handleCallback\(\s*["']\d+["']/;
/** DWR's guard against the reply being included by a `<script>` tag of another site: skipped, as the engine does. */
const GUARD = /^\s*throw\s+['"]allowScriptTagRemoting is false\.['"];?/;
/** Larger replies are no page of a list. */
const MAX_CHARS = 2 * 1024 * 1024;

/** The value a DWR reply hands its callback, as JSON; null when the text is no DWR reply or hands no value. */
export function dwrReplyData(text: string): Json | null {
  if (text.length > MAX_CHARS || !REPLY.test(text)) return null;
  const out = evalDwrReply(text.replace(GUARD, ''));
  if (out === undefined) return null;
  try {
    return JSON.parse(out) as Json;
  } catch {
    return null;
  }
}

/**
 * Rows opening their article by submitting a form of their own (`<form method="post" action="/gkpt/showInfo.do"
 * target="_blank">` with hidden `infoId`/`colId` inputs, the title a `javascript:void(0)` link calling
 * `this.parentNode.submit()`), seen while the item probe clicks titles (item-clicks.ts): every submission is held
 * (`form.submit()`, `requestSubmit()`, a submit button's event the page did not handle itself) and its address
 * recorded in its place. A GET form's address is where the browser would go: the action with the form's fields as its
 * query. A POST form names no page of its own (every row posts to one action): its fields are put in the action's
 * query, which servers reading request parameters (servlets, PHP's $_REQUEST, ASP's Request) answer as the post; the
 * address is taken only when it answers with the row's title, so a server reading the body alone is never credited
 * with another page (the title then stays unlinked, and the seed says so).
 */
import type { Page } from 'playwright';

/** A request header marking the probe's own check (browser-lane.ts: fetched, never recorded as the page's traffic). */
export const PROBE_HEADER = 'x-nianbao-probe';

/**
 * Run in the page, as source text (see rendered-html.ts): holds every form submission, recording GET forms' addresses
 * in `__nianbaoOpened` (as `window.open` is) and POST forms' in `__nianbaoPosted`.
 */
export const HOLD_FORMS = `(() => {
  const w = window;
  if (w.__nianbaoForms) return;
  w.__nianbaoPosted = [];
  const address = (form, submitter) => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form, submitter || undefined)) if (typeof v === 'string') params.append(k, v);
    const action = new URL(form.getAttribute('action') || location.href, document.baseURI);
    action.hash = '';
    const post = (form.getAttribute('method') || 'get').toLowerCase() === 'post';
    if (post) for (const [k, v] of params) action.searchParams.append(k, v);
    else action.search = params.toString();
    (post ? w.__nianbaoPosted : w.__nianbaoOpened).push(action.href);
  };
  const onSubmit = (e) => {
    if (e.defaultPrevented) return;
    e.preventDefault();
    address(e.target, e.submitter);
  };
  w.__nianbaoForms = { submit: HTMLFormElement.prototype.submit, requestSubmit: HTMLFormElement.prototype.requestSubmit, onSubmit };
  HTMLFormElement.prototype.submit = function () { address(this, null); };
  HTMLFormElement.prototype.requestSubmit = function (submitter) { address(this, submitter || null); };
  document.addEventListener('submit', onSubmit);
})()`;

/** Run in the page, as source text: lets forms be submitted again. */
export const RELEASE_FORMS = `(() => {
  const w = window;
  const f = w.__nianbaoForms;
  if (!f) return;
  HTMLFormElement.prototype.submit = f.submit;
  HTMLFormElement.prototype.requestSubmit = f.requestSubmit;
  document.removeEventListener('submit', f.onSubmit);
  delete w.__nianbaoForms;
})()`;

/** A title as a page writes it: spaces, a cut's "…" or "..." left out. */
function bare(title: string): string {
  return title.replace(/\s+/g, '').replace(/(…|\.{2,})+$/, '');
}

/** Whether `url`, fetched by the page (through the lane's fetcher), answers 2xx with `title` in its text. */
export async function answersWithTitle(page: Page, url: string, title: string): Promise<boolean> {
  const want = bare(title);
  if (!want) return false;
  const script = `(async () => {
    const r = await fetch(${JSON.stringify(url)}, { credentials: 'same-origin', headers: { '${PROBE_HEADER}': '1' } });
    if (!r.ok) return false;
    const text = (await r.text()).replace(/<[^>]*>/g, '').replace(/\\s+/g, '');
    return text.includes(${JSON.stringify(want)});
  })()`;
  return page.evaluate<boolean>(script).catch(() => false);
}

/**
 * A sandbox that runs a site's own scripts to learn where one of its links would go, without a browser.
 *
 * The scripts run in QuickJS compiled to WebAssembly (quickjs-emscripten): they reach nothing of the host (no
 * require, no network, no files), with a memory limit and a deadline for each script and each call. `node:vm` is no
 * security boundary, and the browser lane costs a page load per list; this costs about 2 ms.
 *
 * The page around the scripts is a stand-in (stand-in.js): `location`, `window.open`, `document.location` record the
 * addresses given to them; the rest of the DOM answers anything and does nothing. Nothing of the stand-in may leak
 * into an address: a value read from it turns into a marker that disqualifies the address.
 */
import { readFileSync } from 'node:fs';
import * as releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, type QuickJSContext, type QuickJSRuntime, type QuickJSSyncVariant } from 'quickjs-emscripten-core';

// Loaded once per process (about 30 ms), when the crawl's list reading is first imported.
// The variant is the package's default export; under NodeNext its types read as the module itself.
const variant = ((releaseSync as { default?: unknown }).default ?? releaseSync) as QuickJSSyncVariant;
const QuickJS = await newQuickJSWASMModuleFromVariant(variant);
const STAND_IN = readFileSync(new URL('./stand-in.js', import.meta.url), 'utf8');

/** Milliseconds of CPU one script (or one link's code) may use: a loop that never ends is stopped there. */
const SCRIPT_DEADLINE_MS = 1000;
/** Milliseconds of CPU a page's scripts and clicks may use together; a link not clicked in time stays unread (and said). */
const PAGE_BUDGET_MS = 4000;

/**
 * This process's CPU time in milliseconds. The deadlines count the work a script does, not the time it waits for a
 * core: by the clock, a crawl on a busy machine (many hosts on one core, or other programs) ran out of time on
 * ordinary scripts and read fewer of their links than on an idle one. QuickJS runs on the main thread and blocks it,
 * so while it runs the process's CPU is nearly all its own (Node 20 has no per-thread clock).
 */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** An interrupt handler stopping a script once the process has used `ms` more milliseconds of CPU. */
const interruptAfterCpu = (ms: number) => {
  const deadline = cpuMs() + ms;
  return () => cpuMs() > deadline;
};
const MEMORY_LIMIT = 32 * 1024 * 1024;

/** A value the stand-in DOM gave, or an undefined one, inside an address: the address is not the link's. */
const FOREIGN = /\uE000|(?:^|[/=?&])(?:undefined|null|NaN|\[object \w+\])(?:$|[/&.#])/;

/** Whether a `<script>` with these attributes runs as JavaScript (no type, a JavaScript type, or a module). */
export function isJavaScript(attrs: string): boolean {
  return !/\btype\s*=\s*["']?(?!(?:text|application)\/(?:x-)?(?:java|ecma)script|module)[\w/+-]/i.test(attrs);
}

/** The parts of the page's address the stand-in's `location` answers with. */
function locationOf(pageUrl: string): Record<string, string> {
  const u = new URL(pageUrl);
  return { href: u.href, protocol: u.protocol, host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash, origin: u.origin };
}

/** A runtime under the sandbox's memory and stack limits. */
function boundedRuntime(): QuickJSRuntime {
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(MEMORY_LIMIT);
  runtime.setMaxStackSize(512 * 1024);
  return runtime;
}

/**
 * Evaluates code in a context; its string result, or undefined when it threw or gave something else. A script failing
 * here (a library it needs, the DOM it reads) is expected: it leaves what it defined.
 */
function stringResult(context: QuickJSContext, code: string, file: string): string | undefined {
  const result = context.evalCode(code, file);
  if (result.error) {
    result.error.dispose();
    return undefined;
  }
  const out = context.typeof(result.value) === 'string' ? context.getString(result.value) : undefined;
  result.value.dispose();
  return out;
}

/**
 * Runs a script that only declares data (`var nbList = [{…}];`, script-data.ts) alone, with no page around it, and
 * gives the values of `names` as JSON text; undefined when it fails, runs out of time or memory, or gives no JSON.
 */
export function evalDataScript(script: string, names: string[]): string | undefined {
  const runtime = boundedRuntime();
  runtime.setInterruptHandler(interruptAfterCpu(SCRIPT_DEADLINE_MS));
  const context = runtime.newContext();
  try {
    const read = names.map((n) => `${JSON.stringify(n)}: typeof ${n} === 'undefined' ? null : ${n}`).join(', ');
    return stringResult(context, `var window = globalThis, self = globalThis;\n${script}\n;JSON.stringify({${read}})`, 'data.js');
  } finally {
    context.dispose();
    runtime.dispose();
  }
}

/**
 * Runs a DWR reply (learn/dwr-reply.ts) alone, with the engine's callbacks standing in: DWR 3's
 * `window.dwr._[batch].handleCallback(batch, call, value)` and DWR 2's `dwr.engine._remoteHandleCallback(…)`. Gives
 * the value handed to the callback as JSON text (dates as milliseconds), or undefined when it fails or hands none.
 */
export function evalDwrReply(script: string): string | undefined {
  const runtime = boundedRuntime();
  runtime.setInterruptHandler(interruptAfterCpu(SCRIPT_DEADLINE_MS));
  const context = runtime.newContext();
  try {
    const prelude = `var window = globalThis, self = globalThis, __reply;
Date.prototype.toJSON = function () { return this.getTime(); };
var __calls = { handleCallback: function (b, c, v) { __reply = v; }, handleException: function () {}, handleBatchException: function () {}, handleNewScriptSession: function () {}, handleNewWindowName: function () {} };
var dwr = { engine: { _remoteHandleCallback: function (b, c, v) { __reply = v; }, _remoteHandleException: function () {}, _remoteHandleBatchException: function () {}, _remoteHandleNewScriptSession: function () {} }, _: new Proxy({}, { get: function () { return __calls; } }) };`;
    return stringResult(context, `${prelude}\n${script}\n;__reply === undefined ? undefined : JSON.stringify(__reply)`, 'dwr-reply.js');
  } finally {
    context.dispose();
    runtime.dispose();
  }
}

/** An address a script gave, unless it is empty, built from the stand-in, a script or a fragment. */
function address(went: string | undefined): string | null {
  if (typeof went !== 'string' || !went.trim() || FOREIGN.test(went) || /^\s*(?:javascript:|#)/i.test(went)) return null;
  return went.trim();
}

export class ScriptSandbox {
  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  /** CPU the page's scripts and clicks have used so far, in milliseconds. */
  private spent = 0;

  constructor(pageUrl: string) {
    this.runtime = boundedRuntime();
    this.context = this.runtime.newContext();
    this.run(`${STAND_IN}\n__standIn(${JSON.stringify(locationOf(pageUrl))});`);
  }

  /**
   * Runs one of the page's scripts, in the page's order, as a browser would: what it defines stays for the next ones
   * (one that fails leaves what it defined before failing). What it wrote with document.write, or null when nothing,
   * or markup built from the stand-in.
   */
  load(script: string): string | null {
    this.run("__written = '';");
    this.run(script);
    const written = this.run('__written');
    return written && !written.includes('\uE000') ? written : null;
  }

  /**
   * Where a link's code goes (`openArticle('12')`, `return showInfo(12, "2023")`), run as the element with these
   * attributes would run it on a click; null when it goes nowhere, fails, or goes somewhere built from the stand-in.
   */
  target(code: string, attrs: Record<string, string>): string | null {
    return address(this.run(`__click(${JSON.stringify(attrs)}, function () {\n${code}\n})`));
  }

  /**
   * Where the scripts loaded so far sent the page as they ran (`location.replace('…')` at load, or in a short timer
   * they set): null when nowhere, or somewhere built from the stand-in. Before any `target`, which forgets it.
   */
  navigation(): string | null {
    return address(this.run('(function () { for (var i = 0; i < __timers.length && i < 8 && !__went.length; i++) __timers[i](); return __went[0]; })()'));
  }

  /**
   * Where a `<select>`'s change handler goes when this option is chosen (a jump menu: `location.href=this.value`,
   * `MM_jumpMenu('parent',this,0)`, `goDept(this.options[this.selectedIndex].value)`): the handler runs as the select
   * with its options, value and selectedIndex set; null as for `target`.
   */
  choose(code: string, attrs: Record<string, string>, options: { value: string; text: string }[], chosen: number): string | null {
    const state = JSON.stringify({ options: options.map((o, i) => ({ value: o.value, text: o.text, selected: i === chosen, index: i })), selectedIndex: chosen, value: options[chosen]?.value ?? '' });
    const run = `var __s = ${state}; __s.options.selectedIndex = __s.selectedIndex;
__s.getAttribute = this.getAttribute; __s.name = this.name; __s.id = this.id; __s.form = this.form;
(function (event) {\n${code}\n}).call(__s, event);`;
    return this.target(run, attrs);
  }

  dispose(): void {
    this.context.dispose();
    this.runtime.dispose();
  }

  /** Runs code under a deadline; its string result, or undefined when it threw, gave something else or had no time. */
  private run(code: string): string | undefined {
    const left = PAGE_BUDGET_MS - this.spent;
    if (left <= 0) return undefined;
    const start = cpuMs();
    this.runtime.setInterruptHandler(interruptAfterCpu(Math.min(SCRIPT_DEADLINE_MS, left)));
    try {
      return stringResult(this.context, code, 'site.js');
    } finally {
      this.spent += cpuMs() - start;
    }
  }
}

// The page a site's scripts run against in script-sandbox.ts (QuickJS, not a browser, not Node).
// Navigation (location, window.open, document.location; a form's submit is not) and document.write are recorded;
// everything else of the DOM is a stand-in that accepts any use and does nothing. A value read from the stand-in
// turns into "\uE000" in a string (a private-use character; a NUL would end the string where QuickJS hands it over),
// which marks an address or markup built from it as not the page's own.
var __went = [];
var __timers = [];
var __written = '';
function __go(url) {
  if (url !== undefined && url !== null && String(url) !== '') __went.push(String(url));
}
var __any = (function () {
  var target = function () {};
  var any = new Proxy(target, {
    get: function (t, key) {
      if (key === Symbol.toPrimitive) return function () { return '\uE000'; };
      if (key === 'toString' || key === 'valueOf') return function () { return '\uE000'; };
      if (key === 'length') return 0;
      if (key === 'then') return undefined;
      return any;
    },
    set: function () { return true; },
    apply: function () { return any; },
    construct: function () { return any; },
  });
  return any;
})();
function __standIn(loc) {
  var g = globalThis;
  var location = {
    get href() { return loc.href; },
    set href(v) { __go(v); },
    get pathname() { return loc.pathname; },
    set pathname(v) { __go(String(v)); },
    get search() { return loc.search; },
    set search(v) { var s = String(v); __go(loc.pathname + (s.charAt(0) === '?' ? s : '?' + s)); },
    get hash() { return loc.hash; },
    set hash(v) {},
    protocol: loc.protocol, host: loc.host, hostname: loc.hostname, port: loc.port, origin: loc.origin,
    assign: function (v) { __go(v); },
    replace: function (v) { __go(v); },
    reload: function () {},
    toString: function () { return loc.href; },
  };
  Object.defineProperty(g, 'location', { get: function () { return location; }, set: function (v) { __go(v); } });
  g.window = g; g.self = g; g.top = g; g.parent = g; g.frames = g;
  g.open = function (url) { __go(url); return __any; };
  g.setTimeout = function (fn) { if (typeof fn === 'function') __timers.push(fn); return 0; };
  g.setInterval = function () { return 0; };
  g.clearTimeout = g.clearInterval = function () {};
  g.alert = g.confirm = g.prompt = function () { return true; };
  // A desktop browser's: a mobile page's script sends it to the desktop site, as it would the crawl's reader.
  g.navigator = { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', language: 'zh-CN', platform: 'Win32', maxTouchPoints: 0 };
  g.history = { back: function () {}, go: function () {}, pushState: function () {}, replaceState: function () {} };
  g.localStorage = g.sessionStorage = { getItem: function () { return null; }, setItem: function () {}, removeItem: function () {} };
  var documentOwn = {
    get location() { return location; },
    set location(v) { __go(v); },
    URL: loc.href, referrer: '', cookie: '', title: '', readyState: 'complete',
    write: function () { for (var i = 0; i < arguments.length; i++) __written += String(arguments[i]); },
    writeln: function () { for (var i = 0; i < arguments.length; i++) __written += String(arguments[i]); __written += '\n'; },
  };
  g.document = new Proxy(documentOwn, {
    get: function (t, key) { return key in t ? t[key] : __any; },
    set: function (t, key, v) { if (key === 'location') __go(v); return true; },
  });
  if (typeof g.$ === 'undefined') g.$ = __any;
  if (typeof g.jQuery === 'undefined') g.jQuery = __any;
}
// Runs a link's code as a click on an element with these attributes; the first address it goes to, or undefined.
function __click(attrs, code) {
  __went = [];
  __timers = [];
  var dataset = {};
  Object.keys(attrs).forEach(function (name) {
    if (name.indexOf('data-') === 0) dataset[name.slice(5).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); })] = attrs[name];
  });
  var el = new Proxy({
    getAttribute: function (name) { return Object.prototype.hasOwnProperty.call(attrs, name) ? attrs[name] : null; },
    hasAttribute: function (name) { return Object.prototype.hasOwnProperty.call(attrs, name); },
    dataset: dataset,
    id: attrs.id || '', title: attrs.title || '', href: attrs.href || '', name: attrs.name || '',
    value: attrs.value || '', className: attrs['class'] || '',
  }, { get: function (t, key) { return key in t ? t[key] : __any; } });
  var event = { preventDefault: function () {}, stopPropagation: function () {}, target: el, currentTarget: el };
  globalThis.event = event;
  code.call(el, event);
  // A short timer (setTimeout(function () { window.open(u) }, 100)) is where the click goes too.
  for (var i = 0; i < __timers.length && i < 8 && __went.length === 0; i++) __timers[i]();
  return __went[0];
}

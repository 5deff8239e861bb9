// Loaded into a nianbao child process (NODE_OPTIONS=--import …) by tests that need host NAMES: every name under
// `.test` (RFC 2606, never a real domain) resolves to 127.0.0.1, so one loopback server can answer several hosts of a
// portal (`www.pei.test`, `xxgk.pei.test`) by their Host header. Node's http, https and fetch all resolve through
// dns.lookup, looked up at call time, so replacing it here is seen by every request the process makes.
import dns from 'node:dns';

const lookup = dns.lookup;
dns.lookup = function testHosts(host, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' || options === undefined ? {} : typeof options === 'number' ? { family: options } : options;
  if (typeof host === 'string' && /\.test\.?$/i.test(host)) {
    if (opts.all) process.nextTick(cb, null, [{ address: '127.0.0.1', family: 4 }]);
    else process.nextTick(cb, null, '127.0.0.1', 4);
    return {};
  }
  return lookup.call(this, host, options, callback);
};

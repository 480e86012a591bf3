// Preload (`node --require test/support/networkGuard.cjs`, or through NODE_OPTIONS so child
// processes load it too) that records every attempt to open a network connection or resolve a
// name: TCP/IPC socket connects (net, tls, http, https, fetch all end there), UDP sockets, DNS
// lookups and resolves. Attempts are not blocked, only recorded: one JSON line each in the file
// named by DECAY_LENS_NETWORK_LOG, plus a `loaded` line per process so a test can see which
// processes were watched. Used by test/lsp/noNetwork.test.ts.
'use strict';
const fs = require('node:fs');

const logFile = process.env.DECAY_LENS_NETWORK_LOG;
if (logFile) {
  const record = (kind, target) => {
    const stack = (new Error().stack || '').split('\n').slice(3, 9).join('\n');
    fs.appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), kind, target: String(target), stack })}\n`);
  };
  const wrap = (owner, name, kind, describe) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    owner[name] = function (...args) {
      record(kind, describe(args));
      return original.apply(this, args);
    };
  };
  const describeConnect = (args) => {
    // connect(options), connect(port, host), connect(path), or the internal [options, callback] pair.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (first && typeof first === 'object') return first.path ?? `${first.host ?? 'localhost'}:${first.port}`;
    return args[1] !== undefined && typeof args[1] !== 'function' ? `${args[1]}:${first}` : first;
  };

  const net = require('node:net');
  wrap(net.Socket.prototype, 'connect', 'socket connect', describeConnect);
  const dgram = require('node:dgram');
  for (const method of ['bind', 'connect', 'send']) wrap(dgram.Socket.prototype, method, `udp ${method}`, (args) => args.filter((a) => typeof a !== 'function').slice(-2).join(':'));
  const dns = require('node:dns');
  for (const method of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
    wrap(dns, method, `dns ${method}`, (args) => args[0]);
    wrap(dns.promises, method, `dns ${method}`, (args) => args[0]);
  }
  for (const name of ['node:http', 'node:https']) {
    const module = require(name);
    for (const method of ['request', 'get']) wrap(module, method, `${name.slice(5)} ${method}`, (args) => (typeof args[0] === 'object' && !(args[0] instanceof URL) ? args[0].host ?? args[0].hostname : args[0]));
  }
  if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', 'fetch', (args) => (args[0] && args[0].url) || args[0]);
  fs.appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), kind: 'loaded' })}\n`);
}

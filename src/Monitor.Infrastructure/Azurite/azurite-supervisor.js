// Runs Azurite as its child and ties its life to the .NET process that started this script: when our stdin
// closes (the owner exited, was killed with SIGKILL, or asks us to stop by closing it), Azurite gets SIGTERM,
// which lets it flush its data, and SIGKILL if it lingers. Portable: no signals are needed from .NET.
// Usage: node azurite-supervisor.js <azurite.js | azurite executable> [azurite arguments...]
'use strict';
const { spawn } = require('child_process');

const [target, ...args] = process.argv.slice(2);
const isScript = /\.[cm]?js$/i.test(target);
const child = spawn(isScript ? process.execPath : target, isScript ? [target, ...args] : args, {
  // Its own process group (own console on Windows): Ctrl+C in the terminal reaches the monitor, which still
  // needs storage to hand its messages back, and not Azurite.
  detached: true,
  windowsHide: true,
  shell: !isScript && process.platform === 'win32',
  stdio: ['ignore', 'pipe', 'pipe'],
});
console.log(`azurite-pid ${child.pid}`);

// The owner may be gone; a write to its closed pipe must not take us down before Azurite is stopped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
child.stdout.on('data', (d) => process.stdout.write(d));
child.stderr.on('data', (d) => process.stderr.write(d));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  try { child.kill('SIGTERM'); } catch { /* already gone */ }
  setTimeout(() => { try { child.kill('SIGKILL'); } catch { /* already gone */ } process.exit(1); }, 10000).unref();
}

child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (err) => { process.stderr.write(`cannot start ${target}: ${err.message}\n`); process.exit(127); });
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
// Ctrl+C reaches this script too (same process group as the owner): the owner decides when storage stops.
process.on('SIGINT', () => {});
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);

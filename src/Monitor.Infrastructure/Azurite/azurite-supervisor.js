// Runs Azurite as its child and decides when it stops. Two ways, one per kind of owner:
//
// - Private (in-memory storage, tests): tied to the .NET process that started this script. When our stdin closes
//   (the owner exited, was killed with SIGKILL, or asks us to stop by closing it), Azurite gets SIGTERM, which lets
//   it flush its data, and SIGKILL if it lingers.
//   Usage: node azurite-supervisor.js <azurite.js | azurite executable> [azurite arguments...]
//
// - Shared (a data folder every `monitor` command on it uses): see shared() below.
//   Usage: node azurite-supervisor.js --shared <record.json> <log file> <azurite.js | executable> [azurite arguments...]
//
// Portable: no signals are needed from .NET.
'use strict';
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');

// The owner may be gone; a write to its closed pipe must not take us down before Azurite is stopped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

function startAzurite(target, args, stdin) {
  const isScript = /\.[cm]?js$/i.test(target);
  return spawn(isScript ? process.execPath : target, isScript ? [target, ...args] : args, {
    // Its own process group (own console on Windows): Ctrl+C in the terminal reaches the monitor, which still
    // needs storage to hand its messages back, and not Azurite.
    detached: true,
    windowsHide: true,
    shell: !isScript && process.platform === 'win32',
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

function stopper(child) {
  let stopping = false;
  return () => {
    if (stopping) return false;
    stopping = true;
    try { child.kill('SIGTERM'); } catch { /* already gone */ }
    setTimeout(() => { try { child.kill('SIGKILL'); } catch { /* already gone */ } process.exit(1); }, 10000).unref();
    return true;
  };
}

function private_(target, args) {
  const child = startAzurite(target, args, 'ignore');
  console.log(`azurite-pid ${child.pid}`);
  child.stdout.on('data', (d) => process.stdout.write(d));
  child.stderr.on('data', (d) => process.stderr.write(d));
  const stop = stopper(child);
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
}

// Shared: one Azurite per data folder, whichever `monitor` command started it. The .NET side runs this script once
// (the launcher), which starts a copy of itself detached (the daemon: its own session, not a child of any monitor,
// so no kill of one command or of its process tree or terminal reaches it), relays the daemon's start-up output,
// and exits once it is ready.
//
// The daemon owns the folder through its record file, created exclusively (a second daemon for the folder finds
// it and exits with "busy"). It listens on a loopback control port; every command that uses the storage keeps one
// connection to it open for as long as it runs. The kernel closes a connection whatever ends the command (exit,
// Ctrl+C, SIGKILL), so the count of open connections is a reference count nothing can leave wrong: when it drops
// to zero (or no command connects within a minute of the start) Azurite gets SIGTERM, flushes, and the record goes.
// A command that ends cleanly half-closes its connection; if it was the last, it hears "stopping" and the
// connection stays open until Azurite has exited, so the last command returns only once the data is on disk.
function shared(recordPath, logPath, target, args) {
  const daemon = process.env.MONITOR_AZURITE_DAEMON === '1';
  if (!daemon) return launch();

  let relaying = true;
  const log = (line) => {
    try { fs.appendFileSync(logPath, `${new Date().toISOString()} ${line}\n`); } catch { /* the log is a courtesy */ }
    if (relaying) process.stdout.write(`${line}\n`);
  };

  const token = crypto.randomBytes(16).toString('hex');
  const record = { state: 'starting', supervisorPid: process.pid, token, startedAt: new Date().toISOString() };
  try {
    fs.writeFileSync(recordPath, JSON.stringify(record), { flag: 'wx' });
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    let holder = '?';
    try { holder = JSON.parse(fs.readFileSync(recordPath, 'utf8')).supervisorPid; } catch { /* being written */ }
    process.stdout.write(`busy ${holder}\n`);
    process.exit(3);
  }
  const writeRecord = () => {
    const temporary = `${recordPath}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(record));
    fs.renameSync(temporary, recordPath);
  };
  const removeRecord = () => {
    try {
      if (JSON.parse(fs.readFileSync(recordPath, 'utf8')).token === token) fs.unlinkSync(recordPath);
    } catch { /* gone already */ }
  };

  const members = new Set();
  let stop = () => {};
  let stopping = false;
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    socket.on('error', () => {});
    if (stopping) { socket.destroy(); return; }
    members.add(socket);
    socket.write(`welcome ${token}\n`);
    const leave = (clean) => {
      if (!members.delete(socket)) return;
      if (members.size > 0) { if (clean) socket.end(); return; }
      log(`last command left (${clean ? 'exit' : 'connection lost'}): stopping Azurite`);
      // The last one out waits on this connection until Azurite has flushed and exited.
      if (clean) socket.write('stopping\n');
      shutdown();
    };
    socket.on('end', () => leave(true));
    socket.on('close', () => leave(false));
  });
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    stop();
  };

  server.listen(0, '127.0.0.1', () => {
    record.controlPort = server.address().port;
    const child = startAzurite(target, args, 'ignore');
    stop = stopper(child);
    record.azuritePid = child.pid;
    record.azuriteStartedAt = new Date().toISOString();
    log(`azurite-pid ${child.pid} supervisor-pid ${process.pid} control-port ${record.controlPort}`);
    const listening = /^Azurite (Blob|Queue|Table) service is successfully listening at \S+:(\d{1,5})\/?\s*$/;
    let pending = '';
    const onOutput = (d) => {
      pending += d.toString();
      const lines = pending.split(/\r?\n/);
      pending = lines.pop();
      for (const line of lines) {
        log(line);
        const match = listening.exec(line);
        if (match) record[`${match[1].toLowerCase()}Port`] = Number(match[2]);
      }
      if (record.state === 'starting' && record.blobPort && record.queuePort && record.tablePort) {
        record.state = 'ready';
        writeRecord();
        log('ready');
        relaying = false;
        // Whoever started it connects within moments; if it died first, nobody would ever stop Azurite.
        setTimeout(() => { if (members.size === 0 && !stopping) { log('no command connected: stopping Azurite'); shutdown(); } }, 60000).unref();
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('exit', (code, signal) => {
      log(`Azurite exited (${signal ?? code})`);
      removeRecord();
      process.exit(code ?? (signal ? 1 : 0));
    });
    child.on('error', (err) => {
      log(`cannot start ${target}: ${err.message}`);
      removeRecord();
      process.exit(127);
    });
  });

  // A terminal closing or Ctrl+C in one command's terminal is not the end of the others' storage.
  process.on('SIGINT', () => {});
  process.on('SIGHUP', () => {});
  process.on('SIGTERM', shutdown);

  function launch() {
    const child = spawn(process.execPath, [__filename, ...process.argv.slice(2)], {
      detached: true,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MONITOR_AZURITE_DAEMON: '1' },
    });
    let output = '';
    const relay = (d) => {
      process.stdout.write(d);
      output += d.toString();
      if (/^(ready|busy \S+)$/m.test(output)) {
        // Ready (or another daemon owns the folder): the daemon goes on alone.
        child.stdout.destroy();
        child.stderr.destroy();
        child.unref();
        process.exit(/^ready$/m.test(output) ? 0 : 3);
      }
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', (d) => process.stdout.write(d));
    child.on('exit', (code) => process.exit(code === 0 ? 1 : code ?? 1));
    // The owner gave up (its start-up deadline, Ctrl+C): a daemon that gets ready later stops on its own
    // after a minute without a command.
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--shared') {
  const [, recordPath, logPath, target, ...args] = argv;
  shared(recordPath, logPath, target, args);
} else {
  const [target, ...args] = argv;
  private_(target, args);
}

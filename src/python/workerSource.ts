/**
 * The worker thread that owns the Python children's pipes (the synckit pattern): for each run it
 * spawns the child, turns fd 4's length-prefixed frames into messages on a MessagePort, bumps a shared
 * counter and notifies it (so the engine can wait with `Atomics.wait`), writes the engine's frames
 * to fd 3, and reports the child's exit (with the tail of what it wrote to fd 1/2) as a message.
 * Plain JavaScript, run with `eval: true`, so it works the same from dist/ and under ts-jest.
 */
export const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
// One worker hosts the children of every run of this process (a thread costs ~30 ms to start):
// each 'spawn' brings the run's own port and signal, so runs never see each other's frames.
parentPort.on('message', (m) => {
  if (m.t === 'spawn') host(m);
});
function host({ port, signal, command, args, cwd, env }) {
  const sig = new Int32Array(signal);
  let ended = false;
  const post = (m) => {
    if (ended) return;
    if (m.t === 'exit') ended = true;
    port.postMessage(m);
    Atomics.add(sig, 0, 1);
    Atomics.notify(sig, 0);
  };
  let child;
  try {
    child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'] });
  } catch (e) {
    post({ t: 'exit', error: String(e && e.message ? e.message : e) });
  }
  if (!child) {
    port.on('message', () => {});
    return;
  }
  let raw = '';
  const keep = (d) => { raw = (raw + d.toString('utf8')).slice(-8000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let buf = Buffer.alloc(0);
  child.stdio[4].on('data', (d) => {
    buf = buf.length === 0 ? d : Buffer.concat([buf, d]);
    while (buf.length >= 4) {
      const n = buf.readUInt32BE(0);
      if (buf.length < 4 + n) break;
      post({ t: 'msg', body: buf.subarray(4, 4 + n).toString('utf8') });
      buf = buf.subarray(4 + n);
    }
  });
  child.stdio[3].on('error', () => {});
  child.on('error', (e) => post({ t: 'exit', error: e.message, output: raw }));
  child.on('close', (code, sg) => {
    post({ t: 'exit', code, signal: sg, output: raw });
    port.close();
  });
  port.on('message', (m) => {
    if (m.t === 'send') {
      const b = Buffer.from(m.body, 'utf8');
      const h = Buffer.alloc(4);
      h.writeUInt32BE(b.length, 0);
      child.stdio[3].write(Buffer.concat([h, b]));
    } else if (m.t === 'kill') {
      child.kill('SIGKILL');
    }
  });
}
`;

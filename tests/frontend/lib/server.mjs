// A real chengxin server for the frontend's tests: `chengxin serve --demo` on a fresh SQLite
// file and a free port, with CORS open to the test app's origin. Tokens come from what the demo
// prints (one per role); the demo accounts also sign in with their password.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = process.env.CHENGXIN_BIN ?? fileURLToPath(new URL('../../../target/debug/chengxin', import.meta.url));
export const ORIGIN = 'http://app.example.test';
export const ROLES = ['ADMIN', 'CREDIT_OFFICE', 'RECORDER', 'PERSONNEL', 'UNIT_CLERK', 'LEADER', 'EVALUATOR'];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server; `env` adds settings. Resolves once /readyz answers 200. */
export async function startServer(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'chengxin-frontend-'));
  const port = await freePort();
  const child = spawn(BIN, ['serve', '--demo'], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${dir}/demo.db?mode=rwc`,
      CHENGXIN_BIND: `127.0.0.1:${port}`,
      CHENGXIN_CORS_ORIGINS: ORIGIN,
      RUST_LOG: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (printed += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`chengxin exited ${child.exitCode}: ${errors}`);
    if (Date.now() > deadline) throw new Error(`chengxin did not get ready: ${errors}`);
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready && printed.includes('EVALUATOR')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const tokens = {};
  for (const line of printed.split('\n')) {
    const match = line.match(/^\s+([A-Z_]+)\s+\S+\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/);
    if (match) tokens[match[1]] = match[2];
  }
  return {
    base,
    url: `${base}/graphql`,
    tokens,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `chengxin schema --role ROLE`, as the command prints it. */
export function cliSchema(role) {
  const run = spawnSync(BIN, ['schema', '--role', role], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`chengxin schema --role ${role}: ${run.stderr}`);
  return run.stdout;
}

/** A plain POST, as any client sends it. */
export async function post(server, token, query, variables = {}, headers = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

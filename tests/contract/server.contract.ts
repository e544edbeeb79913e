// The registry as a new user starts it: the real entry point in a child process, talking HTTP.
// Runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set (CI does both).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = new URL('../../', import.meta.url);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function start(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { child, base, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy: ${output}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((r) => child.once('exit', (code) => r(code)));
}

const dataDir = mkdtempSync(join(tmpdir(), 'ndp-contract-'));
const engines: [string, Record<string, string>][] = [['PGlite', { DATA_DIR: dataDir }]];
if (process.env.TEST_DATABASE_URL)
  engines.push(['PostgreSQL', { DATABASE_URL: process.env.TEST_DATABASE_URL }]);

for (const [engine, env] of engines) {
  describe(`npm start on ${engine}`, () => {
    let server: Running;
    before(async () => {
      server = await start(env);
    });
    after(async () => {
      if (server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await exited(server.child);
      }
    });

    it('serves the seeded catalogue at /api/v1/platforms', async () => {
      const res = await fetch(`${server.base}/api/v1/platforms?limit=100`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as {
        total: number;
        items: { name: string; owner: { name: string } | null }[];
      };
      const known = readFileSync(new URL('seed/platforms-known.csv', ROOT), 'utf8');
      assert.equal(body.total, 37);
      for (const item of body.items)
        assert.ok(known.includes(item.name.split('(')[0]?.trim() ?? ''), item.name);
    });

    it('ranks the search samples in the top 5', async () => {
      const lines = readFileSync(new URL('tests/contract/search-sample.jsonl', ROOT), 'utf8')
        .trim()
        .split('\n');
      for (const line of lines) {
        const { q, relevant } = JSON.parse(line) as { q: string; relevant: string[] };
        const res = await fetch(`${server.base}/api/v1/platforms?q=${encodeURIComponent(q)}&limit=5`);
        const body = (await res.json()) as { items: { name: string }[] };
        assert.ok(
          body.items.some((i) => relevant.includes(i.name)),
          `${q}: got ${body.items.map((i) => i.name).join(' | ')}`,
        );
      }
    });

    it('answers unknown ids with problem+json', async () => {
      const res = await fetch(`${server.base}/api/v1/platforms/khong-ton-tai`);
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(((await res.json()) as { code: string }).code, 'not_found');
    });

    if (engine === 'PGlite') {
      it('refuses a second process on the same data directory with a clear message', async () => {
        const port = await freePort();
        const second = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: ROOT,
          env: { ...process.env, ...env, PORT: String(port) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let err = '';
        second.stderr?.on('data', (d: Buffer) => (err += d.toString()));
        const code = await exited(second);
        assert.equal(code, 1);
        assert.match(err, /DATA_DIR/);
      });
    }

    it('shuts down cleanly on SIGTERM', async () => {
      server.child.kill('SIGTERM');
      assert.equal(await exited(server.child), 0);
    });
  });
}

describe('configuration errors', () => {
  it('exits with a message naming each bad setting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'loud', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    assert.equal(await exited(child), 1);
    assert.match(err, /PORT/);
    assert.match(err, /LOG_LEVEL/);
  });
});

after(() => rmSync(dataDir, { recursive: true, force: true }));

// npm run bench:api — list, search and detail throughput and latency of the real server (src/main.ts
// in a child process) on PGlite and on PostgreSQL, against the trivial /livez route of the same
// server in the same run, so each figure comes with a ratio. Medians of RUNS runs.
//   BENCH_SECONDS (default 4), BENCH_RUNS (default 3), BENCH_CONCURRENCY (default 16),
//   TEST_DATABASE_URL: a PostgreSQL to use; otherwise a throwaway cluster is started when the
//   server binaries are installed.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, median, type LoadResult } from './load.ts';

const ROOT = new URL('../', import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const ENDPOINTS: [string, string][] = [
  ['baseline /livez', '/livez'],
  ['list (20, name order)', '/api/v1/platforms?limit=20'],
  ['list filtered', '/api/v1/platforms?kind=shared_platform&limit=20'],
  ['search q=dau thau', '/api/v1/platforms?q=dau%20thau&limit=10'],
  ['detail by slug', '/api/v1/platforms/he-thong-mang-dau-thau-quoc-gia'],
  ['edition 2765', `/api/v1/editions/${encodeURIComponent('2765/BTTTT-CĐSQG')}`],
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function bench(engine: string, env: Record<string, string>) {
  const { child, base } = await startServer(env);
  const rows: { name: string; runs: LoadResult[] }[] = [];
  try {
    for (const [, path] of ENDPOINTS) await load(base + path, { concurrency: 4, seconds: 0.5 }); // warm-up
    for (const [name, path] of ENDPOINTS) {
      const runs: LoadResult[] = [];
      for (let r = 0; r < RUNS; r++)
        runs.push(await load(base + path, { concurrency: CONCURRENCY, seconds: SECONDS }));
      rows.push({ name, runs });
    }
  } finally {
    await stop(child);
  }
  const baseline = median(rows[0]?.runs.map((r) => r.rps) ?? [1]);
  console.log(`\n${engine}: ${RUNS} runs × ${SECONDS}s, ${CONCURRENCY} concurrent clients (medians)`);
  console.log('endpoint                   req/s   ×baseline   p50 ms   p99 ms   errors');
  for (const { name, runs } of rows) {
    const rps = median(runs.map((r) => r.rps));
    console.log(
      `${name.padEnd(25)} ${rps.toFixed(0).padStart(6)}   ${(rps / baseline).toFixed(2).padStart(9)}   ${median(
        runs.map((r) => r.p50),
      )
        .toFixed(2)
        .padStart(6)}   ${median(runs.map((r) => r.p99))
        .toFixed(2)
        .padStart(6)}   ${runs.reduce((n, r) => n + r.errors, 0)}`,
    );
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'ndp-bench-'));
try {
  await bench('PGlite (embedded)', { DATA_DIR: dataDir });
  let url = process.env.TEST_DATABASE_URL;
  const pgDir = join(tmpdir(), `ndp-bench-pg-${process.pid}`);
  let started = false;
  if (!url) {
    try {
      url = execFileSync('scripts/pg-test-cluster.sh', ['start', pgDir, '54393'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim();
      started = true;
    } catch {
      console.log('\nPostgreSQL: skipped (no server binaries and no TEST_DATABASE_URL)');
    }
  }
  if (url) {
    try {
      await bench('PostgreSQL', { DATABASE_URL: url });
    } finally {
      if (started) {
        execFileSync('scripts/pg-test-cluster.sh', ['stop', pgDir], { cwd: ROOT });
        rmSync(pgDir, { recursive: true, force: true });
      }
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

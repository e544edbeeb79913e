// Overlap benchmark: the engine on the real catalogue plus N SYNTHETIC platforms, against a
// pg_trgm similarity() baseline (PGlite in memory) on the same data, in one run. Reports the
// cost of preparing the catalogue, one-check latency p50/p99 (median of several runs), the time
// to check every SYNTHETIC local system of the 34 provinces (the nationwide report, on worker
// threads), memory, and quality (recall/precision) of both on labelled sets.
//   npm run bench:overlap [-- --size 1000 --locals 100000 --workers 2 --runs 5 --sample FILE.jsonl]
// `runOverlapBench` returns the numbers; running the file prints them.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  checkOverlap,
  DEFAULT_OVERLAP_RULES,
  evaluateOverlap,
  overlapPlatformsFromSeed,
  parseEvalCase,
  prepareCatalogue,
  type OverlapEvalCase,
  type OverlapPlatform,
  type OverlapResult,
  type PreparedCatalogue,
} from '../src/domain/overlap/index.ts';
import { LABELLED_CASES } from '../src/domain/overlap/labelled-cases.ts';
import { buildDictionary } from '../src/domain/text/dictionary.ts';
import { foldVi } from '../src/domain/text/vietnamese.ts';
import { derivePlatformFields } from '../src/seed/derive-platform.ts';
import { readSeed } from '../src/seed/read-seed.ts';
import { readTermEntries } from '../src/seed/read-terms.ts';
import { syntheticLocalSystems, type SyntheticLocalSystem } from './synthetic/local-systems.ts';
import { syntheticCatalogue } from './synthetic/overlap-catalogue.ts';

export interface OverlapBenchOptions {
  /** Synthetic catalogue platforms added to the real ones. */
  size?: number;
  /** Synthetic local systems in the nationwide report. */
  locals?: number;
  workers?: number;
  /** Latency runs (the median of their p50/p99 is reported). */
  runs?: number;
  /** Local systems per latency run. */
  latencyChecks?: number;
  /** Local systems sent to pg_trgm for its latency. */
  baselineChecks?: number;
  sampleFile?: string;
  log?: (line: string) => void;
}

export interface QualityFigures {
  engine: 'overlap engine' | 'pg_trgm';
  set: string;
  cases: number;
  recall: number;
  precision: number;
  errors: number;
  /** pg_trgm: the similarity at or above which a platform counts as an overlap. */
  threshold?: number;
}

export interface OverlapBenchResult {
  catalogue: { real: number; synthetic: number; prepareMs: number; heapMB: number; rssMB: number };
  latency: { checks: number; runs: number; p50Ms: number; p99Ms: number; maxMs: number };
  batch: {
    systems: number;
    workers: number;
    /** Wall time of the checks, the workers' catalogue preparation excluded. */
    ms: number;
    perSecond: number;
    /**
     * CPU time the process spent meanwhile (all threads, garbage collection included). On a
     * shared machine wall time depends on the neighbours; cpuMs / workers is what the run needs
     * of dedicated cores.
     */
    cpuMs: number;
    verdicts: Record<'overlap' | 'related' | 'clear', number>;
  };
  baseline: { loadMs: number; checks: number; p50Ms: number; p99Ms: number };
  quality: QualityFigures[];
}

const REAL_SEED = () => readSeed();

function realPlatforms(): OverlapPlatform[] {
  return overlapPlatformsFromSeed(REAL_SEED(), derivePlatformFields);
}

function provinces(): string[] {
  return REAL_SEED().provinces.map((p) => p.nameVi);
}

function buildCatalogue(size: number): { platforms: OverlapPlatform[]; catalogue: PreparedCatalogue } {
  const platforms = [...realPlatforms(), ...syntheticCatalogue(size)];
  return { platforms, catalogue: prepareCatalogue(platforms, buildDictionary(readTermEntries())) };
}

function localSystems(count: number, platforms: readonly OverlapPlatform[]): SyntheticLocalSystem[] {
  return syntheticLocalSystems(
    count,
    provinces(),
    platforms.map((p) => p.name),
  );
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const median = (xs: readonly number[]): number =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function readCases(file: string): OverlapEvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = parseEvalCase(JSON.parse(l));
      if (typeof parsed === 'string') throw new Error(`${file}:${i + 1}: ${parsed}`);
      return parsed;
    });
}

// ---------------------------------------------------------------- the nationwide report

interface WorkerInput {
  size: number;
  locals: number;
  from: number;
  to: number;
}

interface WorkerReady {
  ready: true;
}
interface WorkerDone {
  done: true;
  ms: number;
  verdicts: Record<'overlap' | 'related' | 'clear', number>;
}

function workerMain(input: WorkerInput): void {
  const { platforms, catalogue } = buildCatalogue(input.size);
  const systems = localSystems(input.locals, platforms).slice(input.from, input.to);
  parentPort!.postMessage({ ready: true } satisfies WorkerReady);
  parentPort!.once('message', () => {
    const verdicts = { overlap: 0, related: 0, clear: 0 };
    const start = performance.now();
    for (const system of systems) verdicts[checkOverlap(system, catalogue, DEFAULT_OVERLAP_RULES).verdict]++;
    parentPort!.postMessage({ done: true, ms: performance.now() - start, verdicts } satisfies WorkerDone);
  });
}

async function nationwideReport(
  size: number,
  locals: number,
  workers: number,
): Promise<OverlapBenchResult['batch']> {
  const share = Math.ceil(locals / workers);
  const threads = Array.from({ length: workers }, (_, w) => {
    const input: WorkerInput = { size, locals, from: w * share, to: Math.min(locals, (w + 1) * share) };
    // Workers start without the parent's module hooks: register tsx in each, then load this file.
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    return new Worker(bootstrap, { eval: true, workerData: input });
  });
  const message = <T>(worker: Worker, key: keyof T): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: T): void => {
        if ((m as Record<string, unknown>)[key as string]) {
          worker.off('message', onMessage);
          resolve(m);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  await Promise.all(threads.map((t) => message<WorkerReady>(t, 'ready')));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const finished = threads.map((t) => message<WorkerDone>(t, 'done'));
  for (const t of threads) t.postMessage('go');
  const results = await Promise.all(finished);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  await Promise.all(threads.map((t) => t.terminate()));
  const verdicts = { overlap: 0, related: 0, clear: 0 };
  for (const r of results)
    for (const k of Object.keys(verdicts) as (keyof typeof verdicts)[]) verdicts[k] += r.verdicts[k];
  return {
    systems: locals,
    workers,
    ms: Math.round(ms),
    perSecond: Math.round((locals / ms) * 1000),
    cpuMs: Math.round((used.user + used.system) / 1000),
    verdicts,
  };
}

// ---------------------------------------------------------------- pg_trgm baseline

interface Baseline {
  /** Platform names by similarity of folded names, best first, with the similarity. */
  search(name: string): Promise<{ name: string; similarity: number }[]>;
  close(): Promise<void>;
  loadMs: number;
}

/**
 * The obvious database answer: trigram similarity between the folded proposal name and folded
 * platform names, through a GIN trigram index. Folding (diacritics, đ) is done the same way as
 * ours, so the comparison is about weighting, not about accents.
 */
async function pgTrgmBaseline(platforms: readonly OverlapPlatform[]): Promise<Baseline> {
  const start = performance.now();
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ extensions: { pg_trgm } });
  await db.exec(`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE platforms (id text PRIMARY KEY, name text NOT NULL, folded text NOT NULL);
    SET pg_trgm.similarity_threshold = 0.2;
  `);
  for (let i = 0; i < platforms.length; i += 200) {
    const chunk = platforms.slice(i, i + 200);
    const values = chunk.map((_, k) => `($${k * 3 + 1}, $${k * 3 + 2}, $${k * 3 + 3})`).join(', ');
    await db.query(
      `INSERT INTO platforms (id, name, folded) VALUES ${values}`,
      chunk.flatMap((p) => [p.id, p.name, foldVi(p.name)]),
    );
  }
  await db.exec(
    'CREATE INDEX platforms_folded_trgm ON platforms USING gin (folded gin_trgm_ops); ANALYZE platforms;',
  );
  return {
    loadMs: Math.round(performance.now() - start),
    async search(name) {
      const rows = await db.query<{ name: string; s: number }>(
        'SELECT name, similarity(folded, $1) AS s FROM platforms WHERE folded % $1 ORDER BY s DESC, name LIMIT 10',
        [foldVi(name)],
      );
      return rows.rows.map((r) => ({ name: r.name, similarity: Number(r.s) }));
    },
    close: () => db.close(),
  };
}

function asResult(found: { name: string; similarity: number }[], threshold: number): OverlapResult {
  const matches = found
    .filter((f) => f.similarity >= threshold)
    .map((f) => ({
      platformId: f.name,
      name: f.name,
      level: 'overlap' as const,
      score: f.similarity,
      reasons: [],
    }));
  return { verdict: matches.length > 0 ? 'overlap' : 'clear', matches };
}

// ---------------------------------------------------------------- the run

export async function runOverlapBench(options: OverlapBenchOptions = {}): Promise<OverlapBenchResult> {
  const size = options.size ?? 1000;
  const locals = options.locals ?? 100_000;
  const workers = options.workers ?? Math.min(2, availableParallelism());
  const runs = options.runs ?? 5;
  const latencyChecks = options.latencyChecks ?? 1_000;
  const baselineChecks = options.baselineChecks ?? 300;
  const log = options.log ?? (() => {});
  const gc = (globalThis as { gc?: () => void }).gc;

  log(`preparing the catalogue: ${realPlatforms().length} real + ${size} synthetic platforms`);
  const heapBefore = (gc?.(), process.memoryUsage().heapUsed);
  let start = performance.now();
  const { platforms, catalogue } = buildCatalogue(size);
  const prepareMs = Math.round(performance.now() - start);
  gc?.();
  const memory = process.memoryUsage();
  const systems = localSystems(Math.max(latencyChecks, baselineChecks), platforms);

  log(`one-check latency: ${runs} runs of ${latencyChecks}`);
  for (const s of systems.slice(0, 200)) checkOverlap(s, catalogue, DEFAULT_OVERLAP_RULES);
  const p50s: number[] = [];
  const p99s: number[] = [];
  let maxMs = 0;
  for (let run = 0; run < runs; run++) {
    const times = systems.slice(0, latencyChecks).map((s) => {
      const t = performance.now();
      checkOverlap(s, catalogue, DEFAULT_OVERLAP_RULES);
      return performance.now() - t;
    });
    times.sort((a, b) => a - b);
    p50s.push(quantile(times, 0.5));
    p99s.push(quantile(times, 0.99));
    maxMs = Math.max(maxMs, times[times.length - 1] ?? 0);
  }

  log(`nationwide report: ${locals} local systems on ${workers} worker thread(s)`);
  const batch = await nationwideReport(size, locals, workers);

  log('pg_trgm baseline (PGlite in memory)');
  const baseline = await pgTrgmBaseline(platforms);
  const trgmTimes: number[] = [];
  for (const s of systems.slice(0, baselineChecks)) {
    const t = performance.now();
    await baseline.search(s.name);
    trgmTimes.push(performance.now() - t);
  }
  trgmTimes.sort((a, b) => a - b);
  await baseline.close();

  log('quality on the real catalogue');
  const real = realPlatforms();
  const realCatalogue = prepareCatalogue(real, buildDictionary(readTermEntries()));
  const realBaseline = await pgTrgmBaseline(real);
  const sets: { name: string; cases: OverlapEvalCase[] }[] = [];
  if (options.sampleFile && existsSync(options.sampleFile))
    sets.push({ name: 'published sample', cases: readCases(options.sampleFile) });
  sets.push({ name: 'labelled cases', cases: LABELLED_CASES.map((c) => ({ ...c })) });
  const quality: QualityFigures[] = [];
  for (const set of sets) {
    const ours = evaluateOverlap(
      set.cases,
      set.cases.map((c) => checkOverlap(c, realCatalogue, DEFAULT_OVERLAP_RULES)),
    );
    quality.push({
      engine: 'overlap engine',
      set: set.name,
      cases: ours.cases,
      recall: ours.recall,
      precision: ours.precision,
      errors: ours.errors.length,
    });
    const found = [];
    for (const c of set.cases) found.push(await realBaseline.search(c.name));
    for (const threshold of [0.3, 0.5]) {
      const theirs = evaluateOverlap(
        set.cases,
        found.map((f) => asResult(f, threshold)),
      );
      quality.push({
        engine: 'pg_trgm',
        set: set.name,
        cases: theirs.cases,
        recall: theirs.recall,
        precision: theirs.precision,
        errors: theirs.errors.length,
        threshold,
      });
    }
  }
  await realBaseline.close();
  start = performance.now();

  return {
    catalogue: {
      real: real.length,
      synthetic: size,
      prepareMs,
      heapMB: mb(memory.heapUsed - heapBefore),
      rssMB: mb(memory.rss),
    },
    latency: {
      checks: latencyChecks,
      runs,
      p50Ms: round(median(p50s)),
      p99Ms: round(median(p99s)),
      maxMs: round(maxMs),
    },
    batch,
    baseline: {
      loadMs: baseline.loadMs,
      checks: baselineChecks,
      p50Ms: round(quantile(trgmTimes, 0.5)),
      p99Ms: round(quantile(trgmTimes, 0.99)),
    },
    quality,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function print(r: OverlapBenchResult): void {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log('\nCatalogue');
  console.log(`  platforms        ${r.catalogue.real} real + ${r.catalogue.synthetic} synthetic`);
  console.log(`  prepare          ${r.catalogue.prepareMs} ms`);
  console.log(`  heap (prepared)  ${r.catalogue.heapMB} MB    process RSS ${r.catalogue.rssMB} MB`);
  console.log('\nOne check (ms)            p50      p99      max');
  console.log(
    `  overlap engine        ${r.latency.p50Ms.toFixed(3).padStart(7)}  ${r.latency.p99Ms.toFixed(3).padStart(7)}  ${r.latency.maxMs.toFixed(3).padStart(7)}   (median of ${r.latency.runs} runs × ${r.latency.checks})`,
  );
  console.log(
    `  pg_trgm (PGlite)      ${r.baseline.p50Ms.toFixed(3).padStart(7)}  ${r.baseline.p99Ms.toFixed(3).padStart(7)}        —   (${r.baseline.checks} queries; load + index ${r.baseline.loadMs} ms)`,
  );
  console.log('\nNationwide report');
  console.log(
    `  ${r.batch.systems} local systems on ${r.batch.workers} worker(s): ${(r.batch.ms / 1000).toFixed(1)} s wall (${r.batch.perSecond}/s)`,
  );
  console.log(
    `  CPU used ${(r.batch.cpuMs / 1000).toFixed(1)} s = ${(r.batch.cpuMs / 1000 / r.batch.workers).toFixed(1)} s on ${r.batch.workers} dedicated core(s); ${((r.batch.cpuMs / r.batch.systems) * 1000).toFixed(0)} µs CPU per check`,
  );
  console.log(
    `  verdicts: overlap ${r.batch.verdicts.overlap}, related ${r.batch.verdicts.related}, clear ${r.batch.verdicts.clear}`,
  );
  console.log('\nQuality on the real catalogue      cases   recall   precision   errors');
  for (const q of r.quality) {
    const who = q.engine === 'pg_trgm' ? `pg_trgm ≥ ${q.threshold}` : q.engine;
    console.log(
      `  ${`${who}, ${q.set}`.padEnd(33)} ${String(q.cases).padStart(5)}   ${pct(q.recall).padStart(6)}   ${pct(q.precision).padStart(9)}   ${String(q.errors).padStart(6)}`,
    );
  }
}

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

if (!isMainThread) {
  workerMain(workerData as WorkerInput);
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const number = (name: string): number | undefined => {
    const value = argument(args, name);
    return value === undefined ? undefined : Number(value);
  };
  const defaultSample = fileURLToPath(new URL('../../shared/eval/overlap-sample.jsonl', import.meta.url));
  const started = performance.now();
  const result = await runOverlapBench({
    size: number('size'),
    locals: number('locals'),
    workers: number('workers'),
    runs: number('runs'),
    sampleFile: argument(args, 'sample') ?? defaultSample,
    log: (line) => console.log(`… ${line}`),
  });
  print(result);
  console.log(`\n(whole run ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

// Search benchmark: our index against MiniSearch 7.2.0 (with Vietnamese folding) on the same
// corpus and queries, in one process. Corpus: N SYNTHETIC entries (bench/synthetic) + the real
// seeded catalogue. Reports build time, heap and RSS, p50/p99 latency (median of several runs)
// and top-5 hits on the published sample, for both engines.
//   npm run bench:search [-- --size 100000 --runs 5 --queries 300 --baseline-queries 40
//                            --baseline-runs 1 --sample FILE.jsonl]
// Then the same queries over HTTP (bench/search-http.ts): the real app in-process on a random
// port, the same synthetic entries added to the real catalogue; one client, one request at a time.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import {
  catalogueSearchDocuments,
  createSearchIndex,
  evaluate,
  type EvalCase,
  type SearchDocument,
} from '../src/domain/search/index.ts';
import { buildDictionary } from '../src/domain/text/dictionary.ts';
import { foldVi } from '../src/domain/text/vietnamese.ts';
import { derivePlatformFields } from '../src/seed/derive-platform.ts';
import { readSeed } from '../src/seed/read-seed.ts';
import { readTermEntries } from '../src/seed/read-terms.ts';
import { runHttpBench } from './search-http.ts';
import { syntheticDocuments, syntheticQueries, type BenchQuery } from './synthetic/platform-corpus.ts';

export interface Latency {
  /** Queries timed per run, and runs (figures are medians over runs). */
  queries: number;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface EngineFigures {
  engine: string;
  buildMs: number;
  /** JS heap + array buffers added by building the index (after a full GC). */
  heapMB: number;
  /** Process RSS after the build (includes the corpus and, for the second engine, the first). */
  rssMB: number;
  /** Every query (ours); the baseline is only timed on the shared subset. */
  all: Latency | null;
  /** The subset both engines ran, for the ratio. */
  shared: Latency;
  /** hit@5 on the sample, over the full (synthetic + real) corpus and over the real catalogue. */
  sampleHitAt5Full: number;
  sampleHitAt5Real: number;
}

export interface HttpLatency {
  /** Start of the app (snapshot, index build, warm-up) until /healthz answers. */
  startMs: number;
  /** The first search after the start. */
  firstQueryMs: number;
  all: Latency;
  shared: Latency;
  sampleHitAt5Full: number;
  rssMB: number;
  /** Answers by HTTP status (400: a hostile query longer than the API accepts). */
  statuses: Record<string, number>;
}

export interface SearchBenchResult {
  documents: number;
  engines: EngineFigures[];
  /** Ours over HTTP (only when runSearchBenchWithHttp ran it). */
  http?: HttpLatency;
  /** MiniSearch / ours on the shared subset. */
  latencyRatioP50: number;
  latencyRatioP99: number;
}

export interface SearchBenchOptions {
  /** Synthetic entries (the real catalogue is added). */
  size?: number;
  /** Queries and runs for our engine. */
  queries?: number;
  runs?: number;
  /**
   * MiniSearch answers in hundreds of milliseconds at 100k entries: it runs an evenly spread
   * subset of the same queries, fewer times, so the whole bench stays near two minutes.
   */
  baselineQueries?: number;
  baselineRuns?: number;
  sampleFile?: string;
  log?: (line: string) => void;
}

interface Engine {
  search(q: BenchQuery): string[];
}

type Builder = (docs: readonly SearchDocument[]) => Engine;

const DEFAULT_SAMPLE = fileURLToPath(new URL('../../shared/eval/search-sample.jsonl', import.meta.url));

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const MB = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const ours =
  (terms: ReturnType<typeof readTermEntries>): Builder =>
  (docs) => {
    const index = createSearchIndex(buildDictionary(terms));
    for (const doc of docs) index.upsert(doc);
    index.warm(); // as the service does after a load: the first query pays nothing
    return { search: (q) => index.search({ q: q.q, filters: q.filters, limit: 20 }).hits.map((h) => h.id) };
  };

/** MiniSearch with the folding ENVIRONMENT.md asks for (đ → d, no tone marks) and OR across fields. */
const miniSearch: Builder = (docs) => {
  const flat = (d: SearchDocument) => ({
    id: d.id,
    name: d.name,
    nameEn: d.nameEn ?? '',
    aliases: d.aliases.join(' '),
    description: d.description,
    functions: d.functions.join(' '),
    owners: d.ownerNames.join(' '),
    editions: d.editions.join(' '),
    owner: d.facets.owner,
    kind: d.facets.kind,
  });
  const index = new MiniSearch({
    fields: ['name', 'nameEn', 'aliases', 'description', 'functions', 'owners', 'editions'],
    storeFields: ['owner', 'kind'],
    tokenize: (text) => text.split(/[^\p{L}\p{N}\p{M}]+/u),
    processTerm: (term) => {
      const folded = foldVi(term);
      return folded === '' ? null : folded;
    },
    searchOptions: {
      boost: { name: 3, aliases: 3, nameEn: 2, functions: 1.6, owners: 1.4, editions: 1.4 },
      prefix: (_term, i, terms) => i === terms.length - 1,
      // One edit in words of four letters or more, like our typo rule (3+ letters, one edit).
      fuzzy: (term) => (term.length >= 4 ? 1 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(docs.map(flat));
  return {
    search: (q) => {
      const filters = q.filters;
      const filter = filters
        ? (r: Record<string, unknown>) =>
            Object.entries(filters).every(([k, values]) => values.includes(String(r[k])))
        : undefined;
      // MiniSearch has no browse mode; its wildcard query returns everything, unordered.
      const query = q.q.trim() === '' ? MiniSearch.wildcard : q.q.slice(0, 1024);
      return index
        .search(query, filter ? { filter } : {})
        .slice(0, 20)
        .map((r) => String(r.id));
    },
  };
};

function readSample(file: string): EvalCase[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalCase);
}

function sampleHitAt5(engine: Engine, sample: readonly EvalCase[], names: Map<string, string>): number {
  if (sample.length === 0) return NaN;
  const results = sample.map((c) =>
    engine.search({ q: c.q, kind: 'sample' }).map((id) => names.get(id) ?? id),
  );
  return evaluate(sample, results).hitAt5;
}

/** Per-query times (ms), run by run. */
function time(engine: Engine, queries: readonly BenchQuery[], runs: number): number[][] {
  return Array.from({ length: runs }, () =>
    queries.map((q) => {
      const t = performance.now();
      engine.search(q);
      return performance.now() - t;
    }),
  );
}

function latency(times: readonly (readonly number[])[]): Latency {
  const sorted = times.map((run) => [...run].sort((a, b) => a - b));
  return {
    queries: times[0]?.length ?? 0,
    runs: times.length,
    p50Ms: median(sorted.map((run) => percentile(run, 0.5))),
    p99Ms: median(sorted.map((run) => percentile(run, 0.99))),
    maxMs: median(sorted.map((run) => run[run.length - 1] ?? 0)),
  };
}

interface Plan {
  docs: readonly SearchDocument[];
  real: readonly SearchDocument[];
  queries: readonly BenchQuery[];
  /** Indices into `queries` that both engines run. */
  shared: readonly number[];
  runs: number;
  sample: readonly EvalCase[];
  log: (line: string) => void;
}

function measure(name: string, build: Builder, plan: Plan, timeAll: boolean, runs: number): EngineFigures {
  const { docs, real, queries, sample, log } = plan;
  gc();
  // Typed arrays (our posting arena) live outside the JS heap: count both.
  const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBefore = used();
  const started = performance.now();
  let engine: Engine | null = build(docs);
  const buildMs = performance.now() - started;
  gc();
  const heapMB = MB(used() - heapBefore);
  const rssMB = MB(process.memoryUsage().rss);
  log(`${name}: built ${docs.length} entries in ${buildMs.toFixed(0)} ms, heap +${heapMB} MB`);
  const subset = plan.shared.map((i) => queries[i]!);
  // Warm-up: JIT, lazily built structures (our name order), first-touch of the lists.
  for (const q of (timeAll ? queries : subset).slice(0, timeAll ? 20 : 3)) engine.search(q);
  let all: Latency | null = null;
  let shared: Latency;
  if (timeAll) {
    const times = time(engine, queries, runs);
    all = latency(times);
    shared = latency(times.map((run) => plan.shared.map((i) => run[i]!)));
  } else {
    shared = latency(time(engine, subset, runs));
  }
  log(`${name}: timed`);
  const names = new Map(docs.map((d) => [d.id, d.name]));
  const sampleHitAt5Full = sampleHitAt5(engine, sample, names);
  engine = null;
  const sampleHitAt5Real = sampleHitAt5(build(real), sample, names);
  return {
    engine: name,
    buildMs: Math.round(buildMs),
    heapMB,
    rssMB,
    all,
    shared,
    sampleHitAt5Full,
    sampleHitAt5Real,
  };
}

export function runSearchBench(options: SearchBenchOptions = {}): SearchBenchResult {
  const size = options.size ?? 100_000;
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => {});
  const terms = readTermEntries();
  const real = catalogueSearchDocuments(readSeed(), derivePlatformFields);
  const docs = [...syntheticDocuments(size), ...real];
  const queries = syntheticQueries(options.queries ?? 300);
  const baselineQueries = Math.min(queries.length, options.baselineQueries ?? 40);
  const step = queries.length / baselineQueries;
  const shared = Array.from({ length: baselineQueries }, (_, i) => Math.floor(i * step));
  const sample = readSample(options.sampleFile ?? DEFAULT_SAMPLE);
  const plan: Plan = { docs, real, queries, shared, runs, sample, log };
  log(`corpus: ${size} synthetic + ${real.length} real entries; ${queries.length} queries`);
  const engines = [
    measure('ours', ours(terms), plan, true, runs),
    measure('minisearch 7.2.0', miniSearch, plan, false, options.baselineRuns ?? 1),
  ];
  const [a, b] = engines as [EngineFigures, EngineFigures];
  return {
    documents: docs.length,
    engines,
    latencyRatioP50: b.shared.p50Ms / a.shared.p50Ms,
    latencyRatioP99: b.shared.p99Ms / a.shared.p99Ms,
  };
}

/** The in-process bench, then the same queries over HTTP against the real app. */
export async function runSearchBenchWithHttp(options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const result = runSearchBench(options);
  gc();
  const size = options.size ?? 100_000;
  const runs = options.runs ?? 5;
  const queries = syntheticQueries(options.queries ?? 300);
  const baselineQueries = Math.min(queries.length, options.baselineQueries ?? 40);
  const step = queries.length / baselineQueries;
  const shared = Array.from({ length: baselineQueries }, (_, i) => Math.floor(i * step));
  const sample = readSample(options.sampleFile ?? DEFAULT_SAMPLE);
  const figures = await runHttpBench({
    docs: syntheticDocuments(size),
    queries,
    runs,
    sample,
    log: options.log ?? (() => {}),
  });
  return {
    ...result,
    http: {
      startMs: figures.startMs,
      firstQueryMs: figures.firstQueryMs,
      all: latency(figures.times),
      shared: latency(figures.times.map((run) => shared.map((i) => run[i]!))),
      sampleHitAt5Full: sample.length === 0 ? NaN : evaluate(sample, figures.sampleTop5).hitAt5,
      rssMB: figures.rssMB,
      statuses: figures.statuses,
    },
  };
}

function printTable(result: SearchBenchResult): void {
  const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(0)}%`);
  const ms = (x: number): string => `${x.toFixed(x < 10 ? 3 : 1)} ms`;
  const rows = [
    ['engine', 'queries', 'build', 'index mem', 'rss', 'p50', 'p99', 'max', 'sample@5 full', 'sample@5 real'],
  ];
  for (const e of result.engines) {
    for (const [label, l] of [
      ['all', e.all],
      ['shared', e.shared],
    ] as const) {
      if (!l) continue;
      rows.push([
        e.engine,
        `${label} ${l.queries}×${l.runs}`,
        `${(e.buildMs / 1000).toFixed(2)} s`,
        `${e.heapMB} MB`,
        `${e.rssMB} MB`,
        ms(l.p50Ms),
        ms(l.p99Ms),
        ms(l.maxMs),
        pct(e.sampleHitAt5Full),
        pct(e.sampleHitAt5Real),
      ]);
    }
  }
  const http = result.http;
  if (http) {
    for (const [label, l] of [
      ['all', http.all],
      ['shared', http.shared],
    ] as const) {
      rows.push([
        'ours over HTTP',
        `${label} ${l.queries}×${l.runs}`,
        `${(http.startMs / 1000).toFixed(2)} s`,
        'n/a',
        `${http.rssMB} MB`,
        ms(l.p50Ms),
        ms(l.p99Ms),
        ms(l.maxMs),
        pct(http.sampleHitAt5Full),
        'n/a',
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(
    `\n${result.documents} entries (synthetic + real); latency is the median over runs; ` +
      `MiniSearch/ours on the shared queries: p50 ×${result.latencyRatioP50.toFixed(0)}, ` +
      `p99 ×${result.latencyRatioP99.toFixed(0)}`,
  );
  if (http)
    console.log(
      `over HTTP: build = app start until /healthz (snapshot, index, name order); first query after ` +
        `the start ${ms(http.firstQueryMs)}; answers by status ${JSON.stringify(http.statuses)} ` +
        `(400: longer than the API's 500-character bound; a 431 would be a head longer than HTTP_MAX_HEADER_BYTES)`,
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const number = (name: string): number | undefined =>
    arg(name) === undefined ? undefined : Number(arg(name));
  const result = await runSearchBenchWithHttp({
    size: number('size'),
    runs: number('runs'),
    queries: number('queries'),
    baselineQueries: number('baseline-queries'),
    baselineRuns: number('baseline-runs'),
    sampleFile: arg('sample'),
    log: (line) => console.error(line),
  });
  printTable(result);
}

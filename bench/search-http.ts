// The over-HTTP part of bench:search: the real application (createApp: routes, validation,
// service, engine, JSON) served in-process on a random port, its catalogue being the real seeded
// one plus N SYNTHETIC entries. The synthetic entries never touch the database: a bench-only
// wrapper of the catalogue service appends them to each snapshot, so the default catalogue (and
// any data directory) stays clean.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { readConfig } from '../src/config.ts';
import { serveRegistry } from '../src/http/serve.ts';
import type {
  Platform,
  PlatformKind,
  PlatformScope,
  PlatformStatus,
  ConnectionStatus,
} from '../src/domain/platform.ts';
import type { SearchDocument } from '../src/domain/search/index.ts';
import {
  createCatalogueService,
  type CatalogueService,
  type CatalogueSnapshot,
} from '../src/services/catalogue.service.ts';
import { openTestDatabase } from '../src/testing/test-database.ts';
import type { BenchQuery } from './synthetic/platform-corpus.ts';

export interface HttpFigures {
  /** From the app's creation to /healthz answering: snapshot, index build and name-order warm-up. */
  startMs: number;
  /** The first search after the start: no lazy work left for it. */
  firstQueryMs: number;
  /** Per-query times (ms), run by run, in the order of the queries. */
  times: number[][];
  /** Answers by HTTP status over all timed requests (400: longer than the API's bound). */
  statuses: Record<string, number>;
  /** Top-5 names per sample query, over HTTP. */
  sampleTop5: string[][];
  rssMB: number;
}

const SYNTHETIC_DATE = '2026-01-01T00:00:00.000Z';

function toPlatform(doc: SearchDocument, orgsByName: Map<string, { id: string; name: string }>): Platform {
  const owner = doc.facets.owner ? (orgsByName.get(doc.facets.owner) ?? null) : null;
  const connection = (status: string) => ({ status: status as ConnectionStatus, since: null });
  return {
    id: doc.id,
    slug: doc.id,
    name: doc.name,
    nameEn: doc.nameEn,
    aliases: doc.aliases,
    description: doc.description,
    functions: doc.functions,
    field: null,
    kind: doc.facets.kind as PlatformKind,
    scope: doc.facets.scope as PlatformScope,
    deploymentLevels: [],
    status: doc.facets.status as PlatformStatus | null,
    declaredOwner: owner,
    owner,
    ownerBasis: 'unknown',
    operator: null,
    focalPoints: [],
    website: null,
    ndxp: connection(doc.facets.ndxp),
    ndop: connection(doc.facets.ndop),
    legalBasis: null,
    note: 'SYNTHETIC benchmark entry',
    sources: [],
    editions: doc.facets.editions,
    createdAt: SYNTHETIC_DATE,
    updatedAt: SYNTHETIC_DATE,
  };
}

/** The real catalogue service, each snapshot extended (once) with the synthetic entries. */
function withSynthetic(real: CatalogueService, docs: readonly SearchDocument[]): CatalogueService {
  const extended = new WeakMap<CatalogueSnapshot, CatalogueSnapshot>();
  return {
    invalidate: () => real.invalidate(),
    async snapshot() {
      const base = await real.snapshot();
      let snapshot = extended.get(base);
      if (!snapshot) {
        const orgs = new Map(base.organisations.map((o) => [o.name, { id: o.id, name: o.name }]));
        const synthetic = docs.map((d) => toPlatform(d, orgs));
        const platforms = [...base.platforms, ...synthetic];
        const formerOwnerNames = new Map(base.formerOwnerNames);
        for (const d of docs) if (d.ownerNames.length > 1) formerOwnerNames.set(d.id, d.ownerNames.slice(1));
        snapshot = {
          ...base,
          platforms,
          platformById: new Map(platforms.map((p) => [p.id, p])),
          platformBySlug: new Map(platforms.map((p) => [p.slug, p])),
          formerOwnerNames,
        };
        extended.set(base, snapshot);
      }
      return snapshot;
    },
  };
}

function url(q: BenchQuery, codeByName: Map<string, string>): string {
  const params = new URLSearchParams({ q: q.q, limit: '20' });
  for (const [facet, values] of Object.entries(q.filters ?? {}))
    for (const value of values)
      params.append(facet, facet === 'owner' ? (codeByName.get(value) ?? value) : value);
  return `/api/v1/platforms?${params.toString()}`;
}

export async function runHttpBench(options: {
  docs: readonly SearchDocument[];
  queries: readonly BenchQuery[];
  runs: number;
  sample: readonly { q: string }[];
  log: (line: string) => void;
}): Promise<HttpFigures> {
  const { docs, queries, runs, sample, log } = options;
  const opening = performance.now();
  const test = await openTestDatabase(); // PGlite in memory, seeded with the real catalogue
  log(`http: database opened, migrated and seeded in ${(performance.now() - opening).toFixed(0)} ms`);
  const started = performance.now();
  const silent = pino({ level: 'silent' });
  const real = createCatalogueService({ db: test.database.db, clock: systemClock, log: silent });
  const catalogue = withSynthetic(real, docs);
  const config = readConfig({ SEED: 'false', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' });
  const app = createApp({
    config,
    database: test.database,
    log: silent,
    clock: systemClock,
    catalogue,
  });
  // Served as main.ts serves it (serveRegistry: the same header limit, so a long query gets the
  // API's 400 rather than Node's 431).
  let server: ReturnType<typeof serveRegistry> | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serveRegistry(app.fetch, config, (info: AddressInfo) => resolve(info.port));
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const health = await fetch(`${base}/healthz`);
    if (!health.ok) throw new Error(`healthz answered ${health.status}`);
    await health.text();
    const startMs = performance.now() - started;
    log(`http: app ready on port ${port} with ${docs.length} synthetic entries in ${startMs.toFixed(0)} ms`);
    const snapshot = await catalogue.snapshot();
    const codeByName = new Map(snapshot.organisations.map((o) => [o.name, o.code]));
    const statuses: Record<string, number> = {};
    const get = async (path: string): Promise<{ ms: number; body: string }> => {
      const t = performance.now();
      const res = await fetch(base + path);
      const body = await res.text();
      const ms = performance.now() - t;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      return { ms, body };
    };
    const firstQueryMs = (await get(url({ q: 'dau thau', kind: 'first' }, codeByName))).ms;
    for (const q of queries.slice(0, 20)) await get(url(q, codeByName)); // warm-up (JIT)
    for (const key of Object.keys(statuses)) delete statuses[key];
    const times: number[][] = [];
    for (let r = 0; r < runs; r++) {
      const run: number[] = [];
      for (const q of queries) run.push((await get(url(q, codeByName))).ms);
      times.push(run);
    }
    log('http: timed');
    const sampleTop5: string[][] = [];
    for (const c of sample) {
      const { body } = await get(url({ q: c.q, kind: 'sample' }, codeByName));
      const parsed = JSON.parse(body) as { items?: { name: string }[] };
      sampleTop5.push((parsed.items ?? []).slice(0, 5).map((i) => i.name));
    }
    return {
      startMs: Math.round(startMs),
      firstQueryMs,
      times,
      statuses,
      sampleTop5,
      rssMB: Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10,
    };
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await test.close();
  }
}

// Writes openapi.json from the route definitions (`npm run openapi`), or with --check fails when
// the committed file differs from what the code generates (the drift check in `npm run check`).
import { readFileSync, writeFileSync } from 'node:fs';
import pino from 'pino';
import { createApp, OPENAPI_INFO } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { readConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { CatalogueService } from '../src/services/catalogue.service.ts';

const unused = (): never => {
  throw new Error('the OpenAPI generator does not touch the database');
};
// Building the app does no I/O, so the generator needs no database: these are never called.
const app = createApp({
  config: readConfig({}),
  database: { engine: 'pglite', db: undefined as never, runScript: unused, close: unused } satisfies Database,
  log: pino({ level: 'silent' }),
  clock: systemClock,
  catalogue: { snapshot: unused, invalidate: unused } satisfies CatalogueService,
});
const generated = `${JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO), null, 2)}\n`;
const path = new URL('../openapi.json', import.meta.url);

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== generated) {
    console.error('openapi.json is out of date: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('openapi.json is up to date');
} else {
  writeFileSync(path, generated);
  console.log('wrote openapi.json');
}

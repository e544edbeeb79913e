import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Locale } from '../i18n/index.ts';
import type { CatalogueService } from '../services/catalogue.service.ts';

/** What the composition root hands to the HTTP layer. */
export interface AppDeps {
  config: Config;
  database: Database;
  log: Logger;
  clock: Clock;
  catalogue: CatalogueService;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    log: Logger;
  };
}

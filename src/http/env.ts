import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../domain/permission.ts';
import type { Locale } from '../i18n/index.ts';
import type { Authenticated } from '../services/auth.service.ts';
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
    /** The signed-in user's permissions; null for the anonymous public (set by middleware/session.ts). */
    actor: Actor | null;
    /** The session behind `actor`, with its CSRF token; null when not signed in. */
    auth: Authenticated | null;
    /** The client's address (the first X-Forwarded-For hop only behind a trusted proxy). */
    clientAddress: string;
    /** Where single sign-on starts when it is configured (set by workflow.ts), else null. */
    signOnStart: string | null;
  };
}

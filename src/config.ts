import { z } from 'zod';

/**
 * The only reader of process.env. Everything the registry can be configured with is here,
 * validated once at boot and frozen; the rest of the code receives `Config`.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT phải là số / PORT must be a number' })
    .int()
    .min(0, 'PORT phải từ 0 đến 65535 / PORT must be 0-65535')
    .max(65535, 'PORT phải từ 0 đến 65535 / PORT must be 0-65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// / must start with postgres://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Seed a new database with the real catalogue (the default); tests may turn it off. */
  SEED: z.enum(['true', 'false']).default('true'),
  /** Public base URL, for links in feeds and e-mails. */
  PUBLIC_URL: z.string().url().optional(),
  /** Connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Requests a client may make per minute to rate-limited endpoints. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Trust X-Forwarded-For (only behind a reverse proxy that sets it). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** A session ends after this long without a request (OWASP ASVS 3.3.2: 30 minutes at L2). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** ... and this long after sign-in, whatever the activity (ASVS 3.3.2: 12 hours at L2). */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Secure cookies: always, never (local http only), or auto (when the request came over TLS). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Failed sign-ins per account before a temporary lock-out. */
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed sign-ins per client address (any accounts) before a temporary lock-out. */
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** How long a lock-out lasts; failures are also counted over a window this long. */
  SIGN_IN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Requests a client may make per minute to sign-in and password-reset endpoints. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** How long the link in an invitation to a new account stays valid. */
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(72),
  /** Working days the authority has to decide a change request. */
  REVIEW_WORKING_DAYS: z.coerce.number().int().min(1).max(250).default(20),
  /** Seconds between passes of the background re-check of local systems (catalogue changes, recomputes). */
  OVERLAP_RECHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(15),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database:
    | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number }
    | { readonly kind: 'pglite'; readonly dataDir: string };
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly seed: boolean;
  readonly publicUrl: string | null;
  readonly rateLimitPerMinute: number;
  readonly trustProxy: boolean;
  readonly auth: {
    readonly sessionIdleMinutes: number;
    readonly sessionAbsoluteHours: number;
    readonly cookieSecure: 'auto' | 'always' | 'never';
    readonly maxFailures: number;
    readonly maxFailuresPerAddress: number;
    readonly lockoutMinutes: number;
    readonly rateLimitPerMinute: number;
    readonly passwordResetTtlMinutes: number;
    readonly invitationTtlHours: number;
  };
  readonly reviewWorkingDays: number;
  readonly overlapRecheckSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const v = parsed.data;
  return Object.freeze({
    port: v.PORT,
    host: v.HOST,
    database: v.DATABASE_URL
      ? { kind: 'postgres' as const, url: v.DATABASE_URL, poolSize: v.DATABASE_POOL_SIZE }
      : { kind: 'pglite' as const, dataDir: v.DATA_DIR },
    logLevel: v.LOG_LEVEL,
    seed: v.SEED === 'true',
    publicUrl: v.PUBLIC_URL ?? null,
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    trustProxy: v.TRUST_PROXY === 'true',
    auth: Object.freeze({
      sessionIdleMinutes: v.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: v.SESSION_ABSOLUTE_HOURS,
      cookieSecure: ({ auto: 'auto', true: 'always', false: 'never' } as const)[v.COOKIE_SECURE],
      maxFailures: v.SIGN_IN_MAX_FAILURES,
      maxFailuresPerAddress: v.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      lockoutMinutes: v.SIGN_IN_LOCKOUT_MINUTES,
      rateLimitPerMinute: v.AUTH_RATE_LIMIT_PER_MINUTE,
      passwordResetTtlMinutes: v.PASSWORD_RESET_TTL_MINUTES,
      invitationTtlHours: v.INVITATION_TTL_HOURS,
    }),
    reviewWorkingDays: v.REVIEW_WORKING_DAYS,
    overlapRecheckSeconds: v.OVERLAP_RECHECK_SECONDS,
  });
}

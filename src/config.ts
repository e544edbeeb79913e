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
  /** SMTP server for the e-mail outbox: smtp://user:password@host:587 (STARTTLS) or smtps://…:465. */
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/]/,
      'SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps:// / must start with smtp:// or smtps://',
    )
    .optional(),
  /** The From of outgoing mail, e.g. "Sổ đăng ký nền tảng số <no-reply@example.gov.vn>". */
  SMTP_FROM: z.string().min(3).max(320).optional(),
  /** Tries per message before the sender gives up on it (the last error stays recorded). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** Wait before the first retry; each later retry waits twice as long (at most a day). */
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How often the sender looks for mail to send. */
  MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Single sign-on: the OpenID provider (https, or http on localhost for development). */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends the browser back; default PUBLIC_URL + /api/v1/auth/oidc/callback. */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_SCOPES: z.string().min(1).default('openid email'),
  /** The ID token (or userinfo) claim holding the e-mail address of the registry account. */
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  /** Require email_verified = true (turn off only for a provider that issues verified addresses only). */
  OIDC_REQUIRE_EMAIL_VERIFIED: z.enum(['true', 'false']).default('true'),
  /** Let webhooks reach private and loopback addresses over http too (development and tests only). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** 32 bytes as 64 hex digits: seals webhook secrets in the database (AES-256-GCM). */
  WEBHOOK_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'WEBHOOK_SECRET_KEY: 64 chữ số hex / 64 hex digits')
    .optional(),
  /** How long a webhook receiver has to answer. */
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /** Attempts per delivery before it is given up. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** The wait after a failed delivery; it doubles with each further failure (at most 6 hours). */
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How often the dispatcher looks for events and deliveries due. */
  WEBHOOK_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Largest official-document file (PDF) an edition may carry, in bytes. */
  EDITION_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** An owner confirms each platform record is current at least this often; reminders follow. */
  CONFIRMATION_PERIOD_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** How often the reminder job looks for overdue confirmations; 0 turns it off. */
  REMINDER_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** Seconds between passes of the background re-check of local systems (catalogue changes, recomputes). */
  OVERLAP_RECHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(15),
  /**
   * Largest request head (request line and headers) the server reads; Node's own default, 16 KiB,
   * answers 431 before the app sees a long search (10,000 Vietnamese characters percent-encoded
   * are up to 90,000 bytes), so the API's own limit could never answer with a 400.
   */
  HTTP_MAX_HEADER_BYTES: z.coerce
    .number()
    .int()
    .min(8 * 1024)
    .max(1024 * 1024)
    .default(128 * 1024),
  /** Finished webhook deliveries (succeeded or given up) are deleted after this many days. */
  RETENTION_DELIVERY_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Sent and given-up e-mails are deleted from the outbox after this many days. */
  RETENTION_EMAIL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Expired sessions, sign-on flows and reset/invitation tokens are deleted this many days later. */
  RETENTION_EXPIRED_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /** How often the retention job runs; 0 turns it off. */
  RETENTION_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
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
  /** Delivery of the e-mail outbox; smtpUrl null: mail stays in the outbox. */
  readonly mail: {
    readonly smtpUrl: string | null;
    readonly from: string | null;
    readonly maxAttempts: number;
    readonly retrySeconds: number;
    readonly intervalSeconds: number;
  };
  /** Single sign-on with an OpenID provider; null when not configured. */
  readonly oidc: {
    readonly issuer: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly redirectUri: string;
    readonly scopes: string;
    readonly emailClaim: string;
    readonly requireVerifiedEmail: boolean;
  } | null;
  readonly webhooks: {
    readonly allowPrivate: boolean;
    /** Hex; null stores secrets as is. */
    readonly secretKey: string | null;
    readonly timeoutMs: number;
    readonly maxAttempts: number;
    readonly retryBaseSeconds: number;
    readonly pollMs: number;
  };
  readonly editionFileMaxBytes: number;
  readonly confirmationPeriodDays: number;
  readonly reminderIntervalMinutes: number;
  readonly overlapRecheckSeconds: number;
  readonly maxHeaderBytes: number;
  /** Retention of operational records (never publication events nor the audit log). */
  readonly retention: {
    readonly deliveryDays: number;
    readonly emailDays: number;
    readonly expiredDays: number;
    readonly intervalMinutes: number;
  };
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
  const extra = mailAndSignOnProblems(v);
  if (extra.length > 0) throw new ConfigError(extra);
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
    mail: Object.freeze({
      smtpUrl: v.SMTP_URL ?? null,
      from: v.SMTP_FROM ?? null,
      maxAttempts: v.MAIL_MAX_ATTEMPTS,
      retrySeconds: v.MAIL_RETRY_SECONDS,
      intervalSeconds: v.MAIL_INTERVAL_SECONDS,
    }),
    oidc:
      v.OIDC_ISSUER && v.OIDC_CLIENT_ID && v.OIDC_CLIENT_SECRET
        ? Object.freeze({
            issuer: v.OIDC_ISSUER,
            clientId: v.OIDC_CLIENT_ID,
            clientSecret: v.OIDC_CLIENT_SECRET,
            redirectUri:
              v.OIDC_REDIRECT_URI ??
              `${(v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, '')}/api/v1/auth/oidc/callback`,
            scopes: v.OIDC_SCOPES,
            emailClaim: v.OIDC_EMAIL_CLAIM,
            requireVerifiedEmail: v.OIDC_REQUIRE_EMAIL_VERIFIED === 'true',
          })
        : null,
    webhooks: Object.freeze({
      allowPrivate: v.WEBHOOK_ALLOW_PRIVATE === 'true',
      secretKey: v.WEBHOOK_SECRET_KEY ?? null,
      timeoutMs: v.WEBHOOK_TIMEOUT_SECONDS * 1000,
      maxAttempts: v.WEBHOOK_MAX_ATTEMPTS,
      retryBaseSeconds: v.WEBHOOK_RETRY_BASE_SECONDS,
      pollMs: v.WEBHOOK_POLL_SECONDS * 1000,
    }),
    editionFileMaxBytes: v.EDITION_FILE_MAX_BYTES,
    confirmationPeriodDays: v.CONFIRMATION_PERIOD_DAYS,
    reminderIntervalMinutes: v.REMINDER_INTERVAL_MINUTES,
    overlapRecheckSeconds: v.OVERLAP_RECHECK_SECONDS,
    maxHeaderBytes: v.HTTP_MAX_HEADER_BYTES,
    retention: Object.freeze({
      deliveryDays: v.RETENTION_DELIVERY_DAYS,
      emailDays: v.RETENTION_EMAIL_DAYS,
      expiredDays: v.RETENTION_EXPIRED_DAYS,
      intervalMinutes: v.RETENTION_INTERVAL_MINUTES,
    }),
  });
}

function secureOrLoopback(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Rules across variables: mail needs a sender address; sign-on needs all three, over TLS. */
function mailAndSignOnProblems(v: z.infer<typeof schema>): string[] {
  const problems: string[] = [];
  if (v.SMTP_URL && !v.SMTP_FROM)
    problems.push('SMTP_FROM: cần khi có SMTP_URL / required when SMTP_URL is set');
  const oidc = [v.OIDC_ISSUER, v.OIDC_CLIENT_ID, v.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc > 0 && oidc < 3)
    problems.push(
      'OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: cần đủ cả ba / all three are needed for single sign-on',
    );
  // http only to this machine (a provider in development); anything else must be https.
  if (v.OIDC_ISSUER && !secureOrLoopback(new URL(v.OIDC_ISSUER)))
    problems.push('OIDC_ISSUER: phải là https:// / must be https:// (http only for localhost)');
  return problems;
}

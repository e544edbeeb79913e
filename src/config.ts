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
  });
}

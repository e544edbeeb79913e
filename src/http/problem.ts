import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  RateLimitedError,
  SignOnError,
  UnsupportedMediaTypeError,
  type FieldIssue,
} from '../domain/errors.ts';
import { format, messages, type Locale } from '../i18n/index.ts';
import { notificationsText } from '../i18n/notifications.ts';
import { editionsEn } from '../i18n/editions.en.ts';
import { editionsVi } from '../i18n/editions.vi.ts';
import { signOnEn } from '../i18n/sign-on.en.ts';
import { signOnVi } from '../i18n/sign-on.vi.ts';
import { searchEn } from '../i18n/search.en.ts';
import { searchVi } from '../i18n/search.vi.ts';
import { localSystemsEn } from '../i18n/local-systems.en.ts';
import { localSystemsVi } from '../i18n/local-systems.vi.ts';
import { hardeningEn } from '../i18n/hardening.en.ts';
import { hardeningVi } from '../i18n/hardening.vi.ts';
import type { AppEnv } from './env.ts';

/**
 * The one place where errors become HTTP: RFC 9457 problem details with a stable `code`
 * member. Unknown errors are logged with the request id and never leak their message.
 */
const STATUS: Record<string, ContentfulStatusCode> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  not_allowed: 403,
  not_authenticated: 401,
  rate_limited: 429,
  unsupported_media_type: 415,
  internal: 500,
  invalid_credentials: 401,
  csrf_failed: 403,
  password_change_required: 403,
  sign_on_failed: 401,
  precondition_failed: 412,
  payload_too_large: 413,
};

interface ProblemTexts {
  problem: Record<string, { title: string; detail: string }> & {
    internal: { title: string; detail: string };
  };
  field: Record<string, string>;
  resource: Record<string, string>;
  conflict: Record<string, string>;
}

/**
 * The texts errors use, from the main catalogue and the areas that still keep theirs apart
 * (search, notifications, editions, local systems, sign-on), merged once per locale; the main
 * catalogue wins a clash.
 */
function problemTexts(locale: Locale): ProblemTexts {
  const m = messages(locale);
  const en = locale === 'en';
  const search = en ? searchEn : searchVi;
  const notifications = notificationsText(locale);
  const ed = en ? editionsEn : editionsVi;
  const local = en ? localSystemsEn : localSystemsVi;
  const signOn = en ? signOnEn : signOnVi;
  const hardening = en ? hardeningEn : hardeningVi;
  return {
    problem: { ...ed.problem, ...signOn.problem, ...m.problem },
    field: { ...search.field, ...notifications.field, ...ed.field, ...local.field, ...m.field },
    resource: {
      ...search.resource,
      ...notifications.resource,
      ...ed.resource,
      ...local.resource,
      ...m.resource,
    },
    conflict: { ...hardening.conflict, ...ed.conflict, ...local.conflict, ...m.conflict },
  };
}
const TEXTS: Record<Locale, ProblemTexts> = { vi: problemTexts('vi'), en: problemTexts('en') };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: { field: string; code: string; message: string }[];
  [extra: string]: unknown;
}

export function fieldMessage(issue: FieldIssue, locale: Locale): string {
  const m = TEXTS[locale].field;
  return format(m[issue.code] ?? m.invalid ?? issue.code, issue.params);
}

/** zod issues → our field issues: the path as the client wrote it ("functions[3]", "limit"). */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.reduce<string>(
      (acc, part) =>
        typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
      '',
    );
    const params: Record<string, string | number> = {};
    if ('maximum' in issue) params.maximum = Number(issue.maximum);
    if ('minimum' in issue) params.minimum = Number(issue.minimum);
    const missing = issue.code === 'invalid_type' && issue.message.includes('undefined');
    return { field: field || '(body)', code: missing ? 'required' : issue.code, params };
  });
}

/**
 * Hono's body validators throw HTTPException: 400 for a body that does not parse, 415 for the
 * wrong content type. They are the client's mistakes, not 500s.
 */
function fromHttpException(error: HTTPException): unknown {
  if (error.status === 415) return new UnsupportedMediaTypeError();
  if (error.status === 400) return new InvalidInputError([{ field: '(body)', code: 'invalid_json' }]);
  return error;
}

export function problemFor(
  error: unknown,
  c: Context<AppEnv>,
): { status: ContentfulStatusCode; body: ProblemBody } {
  const locale = c.get('locale') ?? 'vi';
  const requestId = c.get('requestId') ?? '';
  const texts = TEXTS[locale];
  const domain =
    error instanceof ZodError
      ? new InvalidInputError(zodIssues(error))
      : error instanceof HTTPException
        ? fromHttpException(error)
        : error;
  const code = domain instanceof DomainError ? domain.code : 'internal';
  const text = texts.problem[code] ?? texts.problem.internal;
  const params: Record<string, string | number> = { requestId };
  const extra: Record<string, unknown> = {};
  if (domain instanceof NotFoundError) {
    params.resource = texts.resource[domain.resource] ?? domain.resource;
    params.key = domain.key;
  }
  if (domain instanceof InvalidInputError) {
    params.count = domain.issues.length;
    params.fields = domain.issues.map((i) => i.field).join(', ');
    extra.errors = domain.issues.map((i) => ({
      field: i.field,
      code: i.code,
      message: fieldMessage(i, locale),
    }));
  }
  if (domain instanceof ConflictError) {
    params.reason = texts.conflict[domain.reason] ?? domain.reason;
    extra.reason = domain.reason;
    Object.assign(extra, domain.details);
  }
  if (domain instanceof SignOnError) {
    params.reason = (locale === 'en' ? signOnEn : signOnVi).reason[domain.reason];
    extra.reason = domain.reason;
  }
  if (domain instanceof PreconditionFailedError) extra.currentVersion = domain.currentVersion;
  if (domain instanceof PayloadTooLargeError) params.maximum = domain.maximumBytes;
  if (domain instanceof RateLimitedError) {
    params.seconds = domain.retryAfterSeconds;
    c.header('Retry-After', String(domain.retryAfterSeconds));
  }
  const status = STATUS[code] ?? 500;
  return {
    status,
    // The error's own members first: a detail named like a standard member (a ConflictError's
    // `code` of an organisation) must never replace the stable `code` clients branch on.
    body: {
      ...extra,
      type: `/problems/${code}`,
      title: text.title,
      status,
      detail: format(text.detail, params),
      code,
      instance: c.req.path,
      requestId,
    },
  };
}

export function problemResponse(c: Context<AppEnv>, error: unknown): Response {
  const { status, body } = problemFor(error, c);
  if (status >= 500)
    (c.get('log') ?? console).error({ err: error, requestId: body.requestId }, 'unhandled error');
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

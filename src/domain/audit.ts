/**
 * The audit log: who did what to which record, the record before and after, with the request
 * id that joins it to the access log. Written in the same transaction as the change it
 * records, never updated or deleted (a database trigger refuses both).
 */
export interface AuditActor {
  userId: string;
  organisationId: string;
}

/** Who is writing and on behalf of which request: handed to every service write. */
export interface WriteContext {
  actor: AuditActor | null;
  requestId: string | null;
  clientAddress: string | null;
}

/** One thing that happened; the actor is the context's unless given (a sign-in names its user). */
export interface AuditEvent {
  /** "user.create", "change_request.approve", "auth.sign_in_failed", ... */
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  actor?: AuditActor | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientAddress: string | null;
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor_user_id',
  'actor_organisation_id',
  'action',
  'target_type',
  'target_id',
  'request_id',
  'client_address',
  'before',
  'after',
] as const;

// A cell a spreadsheet would run as a formula (OWASP "CSV injection") is prefixed with a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends) with a byte-order mark, so spreadsheet programs read the
 * Vietnamese text as UTF-8.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push(
      [
        e.id,
        e.at,
        e.actorUserId,
        e.actorOrganisationId,
        e.action,
        e.targetType,
        e.targetId,
        e.requestId,
        e.clientAddress,
        e.before,
        e.after,
      ]
        .map((v) => csvCell(typeof v === 'number' ? String(v) : v))
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

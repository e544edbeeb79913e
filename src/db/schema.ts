import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the tables, as the database returns them. They never leave src/db: each
 * repository maps them to domain types in one place.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** date columns are parsed to 'yyyy-mm-dd' strings on both engines (see database.ts). */
type DateString = string;

export interface OrganisationTable {
  id: string;
  code: string;
  name_vi: string;
  name_en: string | null;
  kind: string;
  level: string;
  valid_from: DateString | null;
  valid_to: DateString | null;
  source_url: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganisationLinkTable {
  id: string;
  predecessor_id: string;
  successor_id: string;
  kind: string;
  effective_date: DateString;
  legal_basis: string | null;
  source_url: string | null;
}

export interface PlatformTable {
  id: string;
  slug: string;
  name_vi: string;
  name_en: string | null;
  aliases: string[];
  description: string | null;
  functions: string[];
  field: string | null;
  kind: string;
  scope: string;
  deployment_levels: string[];
  status: string | null;
  declared_owner_id: string | null;
  owner_basis: string;
  operator: string | null;
  website: string | null;
  ndxp_status: string;
  ndxp_since: DateString | null;
  ndop_status: string;
  ndop_since: DateString | null;
  legal_basis: string | null;
  note: string | null;
  synthetic: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformFocalPointTable {
  id: string;
  platform_id: string;
  position: number;
  name: string;
  unit: string | null;
  email: string | null;
  phone: string | null;
}

export interface PlatformSourceTable {
  platform_id: string;
  position: number;
  url: string;
  note: string | null;
}

export interface DocumentTable {
  id: string;
  number: string;
  issued_on: DateString;
  issuer_id: string | null;
  issuer_name: string;
  kind: string;
  title_vi: string;
  note: string | null;
  source_url: string | null;
  created_at: Timestamp;
}

export interface EditionTable {
  id: string;
  document_id: string;
  status: Generated<string>;
  declared_total: number | null;
  created_at: Timestamp;
}

export interface EditionEntryTable {
  edition_id: string;
  platform_id: string;
}

export interface DeclaredCountTable {
  edition_id: string;
  organisation_id: string;
  count: number;
  note: string | null;
  source_url: string | null;
}

export interface TermTable {
  id: string;
  term: string;
  expansions: string[];
  kind: string;
  note: string | null;
  source_url: string | null;
  created_at: Timestamp;
  /** Set when the authority removed it: a tombstone the seed does not overwrite. */
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SettingTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

export interface CatalogueRevisionTable {
  id: number;
  revision: number;
  changed_at: Timestamp;
}

// Accounts, sessions, audit, change requests and versions (migration 20261129010000).

export interface AppUserTable {
  id: string;
  email: string;
  name: string;
  organisation_id: string;
  role: string;
  password_hash: string | null;
  password_must_change: Generated<boolean>;
  password_changed_at: Timestamp | null;
  disabled_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
  client_address: string | null;
  user_agent: string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
}

export interface PasswordResetTable {
  id: string;
  user_id: string;
  token_hash: string;
  purpose: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface EmailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  purpose: string;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  client_address: string | null;
}

export interface HolidayTable {
  day: DateString;
  kind: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export interface ChangeRequestTable {
  id: string;
  kind: string;
  platform_id: string | null;
  base_platform_version: number | null;
  organisation_id: string;
  author_id: string;
  status: string;
  summary: string;
  proposed: unknown;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  published_version: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChangeRequestCommentTable {
  id: string;
  seq: Generated<number>;
  change_request_id: string;
  author_id: string;
  kind: string;
  body: string;
  created_at: Timestamp;
}

export interface PlatformVersionTable {
  platform_id: string;
  version: number;
  data: unknown;
  change_request_id: string | null;
  author_id: string | null;
  approved_by: string | null;
  reason: string;
  created_at: Timestamp;
}

// Local systems, their checks, comply-or-explain answers and re-check runs (migration 20261129050000).

export interface LocalSystemTable {
  id: string;
  organisation_id: string;
  origin_organisation_id: string;
  name: string;
  description: string;
  functions: string[];
  data_items: string[];
  status: string;
  decision_number: string | null;
  decision_date: DateString | null;
  budget_vnd: number | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LocalSystemCheckTable {
  id: Generated<number>;
  local_system_id: string;
  system_version: number;
  verdict: string;
  score: number;
  matches: unknown;
  catalogue_revision: number;
  rules_version: string;
  trigger: string;
  checked_at: Timestamp;
}

export interface LocalSystemResolutionTable {
  id: string;
  local_system_id: string;
  check_id: number;
  kind: string;
  platform_id: string | null;
  covered_platform_ids: string[];
  reason: string | null;
  platform_unfit: string | null;
  cost_comparison: string | null;
  integration_plan: string | null;
  status: string;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface LocalSystemCheckRunTable {
  id: string;
  kind: string;
  status: string;
  requested_by: string | null;
  requested_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  catalogue_revision: number | null;
  checked: Generated<number>;
  newly_overlapping: Generated<number>;
  error: string | null;
}

export interface Schema {
  organisation: OrganisationTable;
  organisation_link: OrganisationLinkTable;
  platform: PlatformTable;
  platform_focal_point: PlatformFocalPointTable;
  platform_source: PlatformSourceTable;
  document: DocumentTable;
  edition: EditionTable;
  edition_entry: EditionEntryTable;
  declared_count: DeclaredCountTable;
  term: TermTable;
  setting: SettingTable;
  catalogue_revision: CatalogueRevisionTable;
  app_user: AppUserTable;
  session: SessionTable;
  sign_in_throttle: SignInThrottleTable;
  password_reset: PasswordResetTable;
  email_outbox: EmailOutboxTable;
  audit_log: AuditLogTable;
  holiday: HolidayTable;
  change_request: ChangeRequestTable;
  change_request_comment: ChangeRequestCommentTable;
  platform_version: PlatformVersionTable;
  oidc_flow: OidcFlowTable;
  oidc_identity: OidcIdentityTable;
  local_system: LocalSystemTable;
  local_system_check: LocalSystemCheckTable;
  local_system_resolution: LocalSystemResolutionTable;
  local_system_check_run: LocalSystemCheckRunTable;
  catalogue_duplicate_dismissal: CatalogueDuplicateDismissalTable;
}

export interface OidcFlowTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** JSON [[name, value], …]: a kept form to post on after signing on (migration 20261129100000). */
  kept_form: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface OidcIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

// Catalogue hygiene (migration 20261129060000).

export interface CatalogueDuplicateDismissalTable {
  platform_a_id: string;
  platform_b_id: string;
  note: string | null;
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

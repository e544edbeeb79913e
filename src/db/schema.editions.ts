import type { ColumnType, Generated } from 'kysely';

/**
 * Row types added by migration 20261129040000 (editions workflow, declaration follow-up,
 * organisation management). Declared as an augmentation of schema.ts rather than edits to it,
 * so parallel branches adding tables do not collide; TypeScript merges these interfaces into
 * the ones schema.ts exports.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

declare module './schema.ts' {
  interface EditionTable {
    version: Generated<number>;
    updated_at: Generated<Date>;
    published_at: Timestamp | null;
    published_by: string | null;
  }
  interface EditionEntryTable {
    platform_version: number | null;
  }
  interface OrganisationTable {
    version: Generated<number>;
  }
  interface Schema {
    document_file: DocumentFileTable;
    platform_confirmation: PlatformConfirmationTable;
    declaration_reminder: DeclarationReminderTable;
  }
}

export interface DocumentFileTable {
  document_id: string;
  content: Uint8Array;
  content_type: string;
  file_name: string | null;
  size: number;
  sha256: string;
  uploaded_at: Timestamp;
  uploaded_by: string | null;
}

export interface PlatformConfirmationTable {
  id: string;
  platform_id: string;
  organisation_id: string;
  confirmed_by: string;
  confirmed_at: Timestamp;
}

export interface DeclarationReminderTable {
  id: string;
  organisation_id: string;
  sent_at: Timestamp;
  recipients: number;
  overdue: number;
}

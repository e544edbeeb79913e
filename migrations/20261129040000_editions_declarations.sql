-- Editions as a workflow (draft → published, sealed), declaration follow-up (confirmations and
-- reminders) and organisation management (issue 3, items 5 and 6). PostgreSQL 15+ and PGlite alike.

-- An edition lists platform versions; a draft is edited (optimistic `version`), then published.
ALTER TABLE edition ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE edition ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- Set when published through the registry; seeded editions (published by their documents) keep null.
ALTER TABLE edition ADD COLUMN published_at timestamptz;
ALTER TABLE edition ADD COLUMN published_by uuid REFERENCES app_user (id);

-- The platform version an edition lists; null for entries seeded from documents that predate
-- the registry's versions (the document lists the platform, not a version of its record).
ALTER TABLE edition_entry ADD COLUMN platform_version integer;
ALTER TABLE edition_entry ADD CONSTRAINT edition_entry_version_fk
  FOREIGN KEY (platform_id, platform_version) REFERENCES platform_version (platform_id, version);

-- The official document's file (a PDF), kept with its type and SHA-256 so a copy can be verified.
CREATE TABLE document_file (
  document_id   uuid PRIMARY KEY REFERENCES document (id),
  content       bytea NOT NULL,
  content_type  text NOT NULL,
  file_name     text,
  size          integer NOT NULL CHECK (size >= 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_at   timestamptz NOT NULL,
  uploaded_by   uuid REFERENCES app_user (id)
);

-- A published edition never changes: its row, its entries, its document and the document's file
-- are refused any change by the database itself, whatever the application does. Seeded editions
-- (published_at null) still take the idempotent seed's inserts of their entries.
CREATE FUNCTION refuse_published_edition_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sealed boolean := false;
  ref uuid;
BEGIN
  IF TG_TABLE_NAME = 'edition' THEN
    sealed := OLD.status = 'published';
  ELSIF TG_TABLE_NAME = 'edition_entry' THEN
    IF TG_OP = 'INSERT' THEN
      ref := NEW.edition_id;
      SELECT e.status = 'published' AND e.published_at IS NOT NULL INTO sealed FROM edition e WHERE e.id = ref;
    ELSE
      ref := OLD.edition_id;
      SELECT e.status = 'published' INTO sealed FROM edition e WHERE e.id = ref;
    END IF;
  ELSE -- document_file
    IF TG_OP = 'INSERT' THEN ref := NEW.document_id; ELSE ref := OLD.document_id; END IF;
    SELECT EXISTS (SELECT 1 FROM edition e WHERE e.status = 'published' AND e.document_id = ref) INTO sealed;
  END IF;
  IF coalesce(sealed, false) THEN
    RAISE EXCEPTION 'a published edition is immutable: % on % refused', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER edition_sealed BEFORE UPDATE OR DELETE ON edition
  FOR EACH ROW EXECUTE FUNCTION refuse_published_edition_change();
CREATE TRIGGER edition_entry_sealed BEFORE INSERT OR UPDATE OR DELETE ON edition_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_published_edition_change();
CREATE TRIGGER document_file_sealed BEFORE INSERT OR UPDATE OR DELETE ON document_file
  FOR EACH ROW EXECUTE FUNCTION refuse_published_edition_change();

-- document has `id`, not `document_id`: its own small trigger function.
CREATE FUNCTION refuse_published_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM edition e WHERE e.status = 'published' AND e.document_id = OLD.id) THEN
    RAISE EXCEPTION 'a published edition is immutable: % on document refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER document_sealed BEFORE UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION refuse_published_document_change();

-- "This entry is still current": the owning ministry confirms its platform records periodically.
CREATE TABLE platform_confirmation (
  id               uuid PRIMARY KEY,
  platform_id      uuid NOT NULL REFERENCES platform (id),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  confirmed_by     uuid NOT NULL REFERENCES app_user (id),
  confirmed_at     timestamptz NOT NULL
);
CREATE INDEX platform_confirmation_platform_idx ON platform_confirmation (platform_id, confirmed_at);

-- Reminders sent to an organisation with overdue confirmations: at most one per period.
CREATE TABLE declaration_reminder (
  id               uuid PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  sent_at          timestamptz NOT NULL,
  recipients       integer NOT NULL CHECK (recipients >= 0),
  overdue          integer NOT NULL CHECK (overdue >= 0)
);
CREATE INDEX declaration_reminder_org_idx ON declaration_reminder (organisation_id, sent_at);

-- Organisations are edited by the authority: optimistic concurrency as for other records.
ALTER TABLE organisation ADD COLUMN version integer NOT NULL DEFAULT 1;

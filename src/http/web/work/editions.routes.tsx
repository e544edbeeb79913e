import { Hono, type Context } from 'hono';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../domain/edition.ts';
import { ConflictError, InvalidInputError, type FieldIssue } from '../../../domain/errors.ts';
import { can } from '../../../domain/permission.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type {
  DocumentInput,
  EditionRecordView,
  EditionWorkflowService,
  UploadedFile,
} from '../../../services/edition-workflow.service.ts';
import type { PlatformService } from '../../../services/platform.service.ts';
import { requestMeta } from '../../api/write-context.ts';
import type { AppEnv } from '../../env.ts';
import { problemFor } from '../../problem.ts';
import { authorityPaths } from './authority-paths.ts';
import { authorityUi } from './authority-shell.tsx';
import { signedInOr } from './auth.routes.tsx';
import { choiceOf, EditionDraftPage, PublishConfirmPage, type Choice } from './edition-draft.page.tsx';
import {
  ComparePage,
  editionCitation,
  EditionsPage,
  EMPTY_DRAFT,
  type DraftValues,
} from './editions.page.tsx';
import { every, one, readForm } from './form.ts';
import { workPaths } from './paths.ts';
import { isoDate } from './proposal-form.ts';
import { forbiddenPage, renderWork } from './shell.tsx';

export interface EditionPagesDeps {
  editionWorkflow: EditionWorkflowService;
  platforms: PlatformService;
  editionFileMaxBytes: number;
}

const FLASH = { created: 'lap', saved: 'luu', file: 'tep', published: 'cong-bo' } as const;

const isRealDate = (iso: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
};
const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
const ORG_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The form's values checked as the API checks its body; the issues name the form's fields. */
function readDraft(values: DraftValues): { document: DocumentInput | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const required = (field: keyof DraftValues, max: number) => {
    if (values[field] === '') issues.push({ field, code: 'required' });
    else if (values[field].length > max) issues.push({ field, code: 'too_big', params: { maximum: max } });
  };
  required('number', 100);
  const issuedOn = isoDate(values.issuedOn) ?? '';
  if (values.issuedOn === '') issues.push({ field: 'issuedOn', code: 'required' });
  else if (!isRealDate(issuedOn)) issues.push({ field: 'issuedOn', code: 'invalid_format' });
  required('issuer', 300);
  if (!DOCUMENT_KINDS.includes(values.kind as DocumentKind))
    issues.push({ field: 'kind', code: 'invalid_value' });
  required('title', 1000);
  if (values.sourceUrl !== '' && (values.sourceUrl.length > 1000 || !isWebUrl(values.sourceUrl)))
    issues.push({ field: 'sourceUrl', code: 'invalid_url' });
  if (issues.length > 0) return { document: null, issues };
  return {
    document: {
      number: values.number,
      issuedOn,
      // A registry code names the organisation; anything else is the issuer's name as written.
      ...(ORG_CODE.test(values.issuer) ? { issuer: values.issuer } : { issuerName: values.issuer }),
      kind: values.kind as DocumentKind,
      title: values.title,
      sourceUrl: values.sourceUrl === '' ? null : values.sourceUrl,
    },
    issues,
  };
}

/** The service's field names ("document.issuerName") as the form's ("issuer"). */
const formField = (field: string) => {
  const name = field.replace(/^document\./, '');
  return name === 'issuerName' ? 'issuer' : name;
};

/**
 * The form's PDF, if one was chosen. A file over the configured maximum is refused beside the
 * field (the session's CSRF check has read the form before any route sees it, so a body-limit
 * middleware cannot stand in front of it here).
 */
async function uploaded(c: Context<AppEnv>, maxBytes: number): Promise<UploadedFile | null> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return null;
  const file = (await c.req.formData()).get('file');
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > maxBytes)
    throw new InvalidInputError([{ field: 'file', code: 'too_big', params: { maximum: maxBytes } }]);
  return {
    content: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name ? file.name.slice(0, 255) : null,
  };
}

/**
 * The editions work screens (administrators): the list, a draft made from an official document
 * (with its PDF), the platforms it lists, publication after a confirmation step, and the
 * comparison of two editions. They call the editions workflow service, as the API does.
 */
export function editionPages({ editionWorkflow, platforms, editionFileMaxBytes }: EditionPagesDeps) {
  const web = new Hono<AppEnv>();

  /** The signed-in administrator, or the response to send instead (sign-in, 403). */
  const manager = async (c: Context<AppEnv>): Promise<Authenticated | Response> => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!can(auth.actor, 'edition.manage', { kind: 'edition' })) return forbiddenPage(c);
    return auth;
  };

  const listPage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    state: { values?: DraftValues; issues?: FieldIssue[]; error?: string },
    status: 200 | 400 | 409 | 413 = 200,
  ) => {
    const ui = authorityUi(c);
    const editions = await editionWorkflow.list(auth.actor);
    return renderWork(
      c,
      ui,
      { title: ui.a.nav.editions, status },
      <EditionsPage
        ui={ui}
        auth={auth}
        editions={editions}
        values={state.values ?? EMPTY_DRAFT}
        issues={state.issues ?? []}
        flash={state.error ? { text: state.error, kind: 'error' } : undefined}
        maxFileBytes={editionFileMaxBytes}
      />,
    );
  };

  /** Every platform of the catalogue by id (names and owners for the selection). */
  const catalogue = async () => {
    const all = await platforms.list({ limit: 100_000, offset: 0 });
    return new Map(all.items.map((p) => [p.id, p]));
  };

  const draftPage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    edition: EditionRecordView,
    state: {
      q?: string;
      selectedIds?: readonly string[];
      flash?: { text: string; kind: 'ok' | 'error' };
      issues?: FieldIssue[];
    } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const ui = authorityUi(c);
    const q = (state.q ?? '').trim().slice(0, 200);
    const byId = await catalogue();
    const versions = new Map(edition.entries.map((e) => [e.platformId, e.platformVersion]));
    const selectedIds = state.selectedIds ?? edition.entries.map((e) => e.platformId);
    const selected: Choice[] = selectedIds.map((id) => {
      const p = byId.get(id);
      const entry = edition.entries.find((e) => e.platformId === id);
      return {
        ...(p ? choiceOf(p) : { id, name: entry?.name ?? id, owner: null }),
        version: versions.get(id) ?? null,
      };
    });
    const chosen = new Set(selectedIds);
    const matches =
      q === '' ? [...byId.values()] : (await platforms.list({ q, limit: 100_000, offset: 0 })).items;
    const offered = matches.filter((p) => !chosen.has(p.id)).map(choiceOf);
    return renderWork(
      c,
      ui,
      {
        title: edition.document.title,
        status,
        crumbs: [
          { href: workPaths.home, text: ui.w.work.title },
          { href: authorityPaths.editions, text: ui.a.nav.editions },
        ],
      },
      <EditionDraftPage
        ui={ui}
        auth={auth}
        edition={edition}
        selected={selected}
        offered={offered}
        q={q}
        matched={matches.length}
        flash={state.flash}
        issues={state.issues ?? []}
      />,
    );
  };

  /** A lost race or a refused state change, in the person's words (problem+json's detail). */
  const conflictText = (c: Context<AppEnv>, error: ConflictError, current: EditionRecordView) => {
    const ui = authorityUi(c);
    if (error.reason === 'version_mismatch') return format(ui.a.editions.stale, { version: current.version });
    return problemFor(error, c).body.detail;
  };

  web.get(authorityPaths.editions, async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    return listPage(c, auth, {});
  });

  web.post(authorityPaths.editions, async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    const fields = await readForm(c);
    const values: DraftValues = {
      number: one(fields, 'number').trim(),
      issuedOn: one(fields, 'issuedOn').trim(),
      issuer: one(fields, 'issuer').trim(),
      kind: one(fields, 'kind'),
      title: one(fields, 'title').trim(),
      sourceUrl: one(fields, 'sourceUrl').trim(),
    };
    const { document, issues } = readDraft(values);
    if (!document) return listPage(c, auth, { values, issues }, 400);
    let created: EditionRecordView;
    try {
      const file = await uploaded(c, editionFileMaxBytes);
      created = await editionWorkflow.create(
        auth.actor,
        { document, ...(file ? { file } : {}) },
        requestMeta(c),
      );
    } catch (error) {
      if (error instanceof InvalidInputError)
        return listPage(
          c,
          auth,
          { values, issues: error.issues.map((i) => ({ ...i, field: formField(i.field) })) },
          400,
        );
      if (error instanceof ConflictError)
        return listPage(c, auth, { values, error: problemFor(error, c).body.detail }, 409);
      throw error;
    }
    return c.redirect(`${authorityPaths.edition(created.id)}?ok=${FLASH.created}`, 303);
  });

  web.get(authorityPaths.editionCompare, async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    const from = c.req.query('tu') ?? '';
    const to = c.req.query('den') ?? '';
    if (from === '' || to === '') return c.redirect(authorityPaths.editions, 303);
    const ui = authorityUi(c);
    const [comparison, editions] = await Promise.all([
      editionWorkflow.compare(auth.actor, to, from),
      editionWorkflow.list(auth.actor),
    ]);
    return renderWork(
      c,
      ui,
      {
        title: ui.a.editions.compareTitle,
        crumbs: [
          { href: workPaths.home, text: ui.w.work.title },
          { href: authorityPaths.editions, text: ui.a.nav.editions },
        ],
      },
      <ComparePage ui={ui} editions={editions} comparison={comparison} />,
    );
  });

  web.get('/cong-viec/van-ban/:id', async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    const edition = await editionWorkflow.get(auth.actor, c.req.param('id'));
    const ui = authorityUi(c);
    const t = ui.a.editions;
    const citation = editionCitation(ui, edition);
    const ok = c.req.query('ok');
    const text =
      ok === FLASH.created
        ? format(t.created, { citation })
        : ok === FLASH.saved
          ? format(t.entriesSaved, { count: edition.entries.length })
          : ok === FLASH.file
            ? t.fileAttached
            : ok === FLASH.published
              ? format(t.publishedFlash, { citation })
              : null;
    return draftPage(c, auth, edition, {
      q: c.req.query('q') ?? '',
      ...(text ? { flash: { text, kind: 'ok' as const } } : {}),
    });
  });

  web.post('/cong-viec/van-ban/:id/nen-tang', async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const fields = await readForm(c);
    const ids = [...new Set(every(fields, 'platform'))];
    const q = one(fields, 'q');
    try {
      await editionWorkflow.setEntries(
        auth.actor,
        id,
        { version: Number(one(fields, 'version')) || 0, entries: ids.map((platform) => ({ platform })) },
        requestMeta(c),
      );
    } catch (error) {
      if (!(error instanceof ConflictError) && !(error instanceof InvalidInputError)) throw error;
      // Nothing the person chose is lost: the page comes back with their selection, on the current version.
      const current = await editionWorkflow.get(auth.actor, id);
      if (error instanceof InvalidInputError)
        return draftPage(c, auth, current, { q, selectedIds: ids, issues: error.issues }, 400);
      return draftPage(
        c,
        auth,
        current,
        { q, selectedIds: ids, flash: { text: conflictText(c, error, current), kind: 'error' } },
        409,
      );
    }
    const query = new URLSearchParams({ ok: FLASH.saved, ...(q ? { q } : {}) });
    return c.redirect(`${authorityPaths.edition(id)}?${query.toString()}`, 303);
  });

  web.post('/cong-viec/van-ban/:id/tep', async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const fields = await readForm(c);
    try {
      const file = await uploaded(c, editionFileMaxBytes);
      if (!file) throw new InvalidInputError([{ field: 'file', code: 'required' }]);
      await editionWorkflow.attachFile(
        auth.actor,
        id,
        { version: Number(one(fields, 'version')) || 0, file },
        requestMeta(c),
      );
    } catch (error) {
      if (!(error instanceof ConflictError) && !(error instanceof InvalidInputError)) throw error;
      const current = await editionWorkflow.get(auth.actor, id);
      if (error instanceof InvalidInputError)
        return draftPage(c, auth, current, { issues: error.issues }, 400);
      return draftPage(
        c,
        auth,
        current,
        { flash: { text: conflictText(c, error, current), kind: 'error' } },
        409,
      );
    }
    return c.redirect(`${authorityPaths.edition(id)}?ok=${FLASH.file}`, 303);
  });

  web.get('/cong-viec/van-ban/:id/cong-bo', async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    const edition = await editionWorkflow.get(auth.actor, c.req.param('id'));
    if (edition.status === 'published') return c.redirect(authorityPaths.edition(edition.id), 303);
    const ui = authorityUi(c);
    return renderWork(
      c,
      ui,
      {
        title: format(ui.a.editions.confirmTitle, { citation: editionCitation(ui, edition) }),
        crumbs: [
          { href: workPaths.home, text: ui.w.work.title },
          { href: authorityPaths.editions, text: ui.a.nav.editions },
          { href: authorityPaths.edition(edition.id), text: edition.document.title },
        ],
      },
      <PublishConfirmPage ui={ui} auth={auth} edition={edition} />,
    );
  });

  web.post('/cong-viec/van-ban/:id/cong-bo', async (c) => {
    const auth = await manager(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const fields = await readForm(c);
    try {
      await editionWorkflow.publish(
        auth.actor,
        id,
        { version: Number(one(fields, 'version')) || 0 },
        requestMeta(c),
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await editionWorkflow.get(auth.actor, id);
      const text =
        error.reason === 'version_mismatch'
          ? authorityUi(c).a.editions.staleGeneric
          : conflictText(c, error, current);
      return draftPage(c, auth, current, { flash: { text, kind: 'error' } }, 409);
    }
    return c.redirect(`${authorityPaths.edition(id)}?ok=${FLASH.published}`, 303);
  });

  return web;
}

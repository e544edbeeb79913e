import { Hono, type Context } from 'hono';
import { ConflictError, InvalidInputError, type FieldIssue } from '../../../domain/errors.ts';
import { can } from '../../../domain/permission.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { LocalSystemDetail, LocalSystemService } from '../../../services/local-system.service.ts';
import { requestMeta } from '../../api/write-context.ts';
import type { AppEnv } from '../../env.ts';
import { signedInOr } from '../work/auth.routes.tsx';
import { one, readForm } from '../work/form.ts';
import { workErrorPage } from '../work/routes.tsx';
import { forbiddenPage, renderWork, workUi } from '../work/shell.tsx';
import { justificationQueueRoutes } from './justification-queue.routes.tsx';
import { workTexts } from './local-system-fields.tsx';
import {
  EMPTY_SYSTEM_FORM,
  formValuesOf,
  keyed,
  readSystemForm,
  systemInput,
  type SystemFormValues,
} from './local-system-form.ts';
import { SystemForm } from './local-system-form.page.tsx';
import { localSystemPaths } from './local-system-paths.ts';
import { SystemPage, type JustificationValues } from './local-system.page.tsx';
import { textsFor } from './local-systems.page.tsx';

/**
 * The work screens of local systems (issue 5): record and edit a system, check it now, comply
 * or explain, and the authority's decisions on justifications. Server-rendered forms with the
 * session's CSRF token; the services decide and audit, `can` decides what is offered.
 */
const ID = ':id{[0-9a-fA-F-]{36}}';
const FORWARD_BLOCKS = new Set([
  'overlap_unresolved',
  'justification_pending',
  'justification_rejected',
  'status_retired',
]);
const DONE = ['created', 'saved', 'checked', 'adopted', 'justified', 'stale', 'staleCheck'] as const;
type Done = (typeof DONE)[number];

const locality = (organisationId: string) =>
  ({ kind: 'locality_record', localityId: organisationId }) as const;

export function localSystemWorkRoutes({ localSystems }: { localSystems: LocalSystemService }) {
  const web = new Hono<AppEnv>();
  const crumbs = (c: Context<AppEnv>) => [
    { href: localSystemPaths.list, text: textsFor(workUi(c)).page.listTitle },
  ];

  // ——— Record a system ———
  const newPage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    values: SystemFormValues,
    issues: readonly FieldIssue[],
    status: 200 | 400 | 409 = 200,
  ) => {
    const ui = workUi(c);
    const w = workTexts(ui);
    const origins = await localSystems.recordableFor(auth.actor);
    if (origins.length === 0) return forbiddenPage(c);
    return renderWork(
      c,
      ui,
      { title: w.newTitle, status, crumbs: crumbs(c) },
      <section>
        <h1>{w.newTitle}</h1>
        <p>{w.newIntro}</p>
        <SystemForm
          ui={ui}
          auth={auth}
          action={localSystemPaths.create}
          values={{ ...values, organisation: values.organisation || (origins[0]?.id ?? '') }}
          issues={issues}
          origins={origins}
          submitLabel={w.save}
        />
      </section>,
    );
  };

  web.get(localSystemPaths.create, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    return newPage(c, auth, EMPTY_SYSTEM_FORM, []);
  });

  web.post(localSystemPaths.create, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const values = readSystemForm(await readForm(c));
    const parsed = systemInput(values);
    if (!parsed.ok) return newPage(c, auth, values, parsed.issues, 400);
    try {
      const created = await localSystems.create(auth.actor, parsed.input, requestMeta(c));
      return c.redirect(`${localSystemPaths.system(created.id)}?done=created#check`, 303);
    } catch (error) {
      const refused = refusal(error);
      if (refused) return newPage(c, auth, values, refused.issues, refused.status);
      throw error;
    }
  });

  // ——— One system ———
  const systemPage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    detail: LocalSystemDetail,
    state: {
      status?: 200 | 400 | 409;
      done?: Done | undefined;
      form?: { values: SystemFormValues; issues: readonly FieldIssue[] };
      comply?: { issues: readonly FieldIssue[]; values: JustificationValues; chosen: string };
    } = {},
  ) => {
    const ui = workUi(c);
    const w = workTexts(ui);
    const allowed = {
      manage: can(auth.actor, 'locality_record.manage', locality(detail.organisationId)),
      check: can(auth.actor, 'locality_record.check', locality(detail.organisationId)),
    };
    const platforms = await localSystems.platforms(
      detail.latestCheck?.matches.map((m) => m.platformId) ?? [],
    );
    const refused = (state.form?.issues.length ?? 0) > 0 || (state.comply?.issues.length ?? 0) > 0;
    const flash = state.done
      ? { text: w[state.done], kind: state.done.startsWith('stale') ? ('error' as const) : ('ok' as const) }
      : refused
        ? { text: w.notSaved, kind: 'error' as const }
        : undefined;
    const form = allowed.manage ? (
      <SystemForm
        ui={ui}
        auth={auth}
        // The fragment brings a refused form back into view, without script.
        action={`${localSystemPaths.system(detail.id)}#edit`}
        values={state.form?.values ?? formValuesOf(detail)}
        issues={state.form?.issues ?? []}
        version={detail.version}
        submitLabel={w.saveChanges}
      />
    ) : null;
    return renderWork(
      c,
      ui,
      { title: detail.name, status: state.status ?? 200, crumbs: crumbs(c) },
      <SystemPage
        ui={ui}
        auth={auth}
        detail={detail}
        platforms={platforms}
        allowed={allowed}
        flash={flash}
        {...(state.comply ? { comply: state.comply } : {})}
        form={form}
      />,
    );
  };

  web.get(`${localSystemPaths.list}/${ID}`, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const detail = await localSystems.get(auth.actor, c.req.param('id'));
    const done = DONE.find((d) => d === c.req.query('done'));
    return systemPage(c, auth, detail, { done });
  });

  web.post(`${localSystemPaths.list}/${ID}`, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const detail = await localSystems.get(auth.actor, id);
    if (!can(auth.actor, 'locality_record.manage', locality(detail.organisationId))) return forbiddenPage(c);
    const fields = await readForm(c);
    const values = readSystemForm(fields);
    const parsed = systemInput({ ...values, organisation: '' });
    if (!parsed.ok)
      return systemPage(c, auth, detail, { status: 400, form: { values, issues: parsed.issues } });
    // The origin is fixed when a system is recorded: an edit never moves it.
    const { name, description, functions, data, status, decision, budgetVnd, contact } = parsed.input;
    try {
      await localSystems.update(
        auth.actor,
        id,
        {
          ...{ name, description, functions, data, decision, budgetVnd, contact },
          status: status ?? detail.status,
          version: Number(one(fields, 'version')) || 0,
        },
        requestMeta(c),
      );
    } catch (error) {
      if (error instanceof ConflictError && error.reason === 'version_mismatch')
        // What was typed stays in the form; the page above shows what is saved now.
        return systemPage(c, auth, await localSystems.get(auth.actor, id), {
          status: 409,
          done: 'stale',
          form: { values, issues: [] },
        });
      const refused = refusal(error);
      if (refused)
        return systemPage(c, auth, detail, {
          status: refused.status,
          form: { values, issues: refused.issues },
        });
      throw error;
    }
    return c.redirect(`${localSystemPaths.system(id)}?done=saved#check`, 303);
  });

  web.post(`${localSystemPaths.list}/${ID}/kiem-tra`, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    try {
      await localSystems.checkNow(auth.actor, id, requestMeta(c));
    } catch (error) {
      if (error instanceof ConflictError && error.reason === 'version_mismatch')
        return c.redirect(`${localSystemPaths.system(id)}?done=staleCheck#check`, 303);
      throw error;
    }
    return c.redirect(`${localSystemPaths.system(id)}?done=checked#check`, 303);
  });

  web.post(`${localSystemPaths.list}/${ID}/giai-trinh`, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const detail = await localSystems.get(auth.actor, id);
    if (!can(auth.actor, 'locality_record.manage', locality(detail.organisationId))) return forbiddenPage(c);
    const fields = await readForm(c);
    const values: JustificationValues = {
      reason: one(fields, 'reason'),
      platformUnfit: one(fields, 'platformUnfit'),
      costComparison: one(fields, 'costComparison'),
      integrationPlan: one(fields, 'integrationPlan'),
    };
    const chosen = one(fields, 'platform');
    const refuse = (issues: FieldIssue[]) =>
      systemPage(c, auth, detail, { status: 400, comply: { issues, values, chosen } });
    const kind = one(fields, 'kind');
    let done: Done;
    try {
      if (kind === 'adoption') {
        const offered = detail.latestCheck?.matches.some((m) => m.platformId === chosen) ?? false;
        if (!offered) return await refuse([{ field: 'platform', code: 'choose_platform' }]);
        await localSystems.resolve(auth.actor, id, { kind: 'adoption', platform: chosen }, requestMeta(c));
        done = 'adopted';
      } else if (kind === 'justification') {
        await localSystems.resolve(auth.actor, id, { kind: 'justification', ...values }, requestMeta(c));
        done = 'justified';
      } else return await refuse([{ field: 'kind', code: 'invalid_value' }]);
    } catch (error) {
      if (error instanceof InvalidInputError) return refuse(error.issues.map(keyed));
      throw error;
    }
    return c.redirect(`${localSystemPaths.system(id)}?done=${done}#check`, 303);
  });

  web.route('/', justificationQueueRoutes({ localSystems }));
  web.onError(workErrorPage);
  return web;
}

/** A refused write as the form shows it: fields named beside them, a refused status beside the status. */
function refusal(error: unknown): { status: 400 | 409; issues: FieldIssue[] } | null {
  if (error instanceof InvalidInputError) return { status: 400, issues: error.issues.map(keyed) };
  if (error instanceof ConflictError && FORWARD_BLOCKS.has(error.reason))
    return { status: 409, issues: [{ field: 'status', code: error.reason }] };
  return null;
}

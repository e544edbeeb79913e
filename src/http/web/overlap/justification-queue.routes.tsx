import { Hono, type Context } from 'hono';
import { ConflictError, type FieldIssue } from '../../../domain/errors.ts';
import { can, type Actor } from '../../../domain/permission.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { LocalSystemService } from '../../../services/local-system.service.ts';
import { requestMeta } from '../../api/write-context.ts';
import type { AppEnv } from '../../env.ts';
import { signedInOr } from '../work/auth.routes.tsx';
import { one, readForm } from '../work/form.ts';
import { workErrorPage } from '../work/routes.tsx';
import { forbiddenPage, renderWork, workUi } from '../work/shell.tsx';
import { JustificationQueuePage, type QueueItem } from './justification-queue.page.tsx';
import { workTexts } from './local-system-fields.tsx';
import { localSystemPaths } from './local-system-paths.ts';
import { textsFor } from './local-systems.page.tsx';

/** The authority's queue of pending justifications, each accepted or rejected with a reason. */
const ID = ':id{[0-9a-fA-F-]{36}}';
const reviewer = (a: Actor) =>
  can(a, 'locality_record.review', { kind: 'locality_record', localityId: a.organisationId });

export function justificationQueueRoutes({ localSystems }: { localSystems: LocalSystemService }) {
  const web = new Hono<AppEnv>();
  const crumbs = (c: Context<AppEnv>) => [
    { href: localSystemPaths.list, text: textsFor(workUi(c)).page.listTitle },
  ];

  const queuePage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    state: {
      status?: 200 | 400 | 404 | 409;
      flash?: { text: string; kind: 'ok' | 'error' };
      failed?: { resolutionId: string; issues: readonly FieldIssue[]; comment: string };
    } = {},
  ) => {
    const ui = workUi(c);
    const w = workTexts(ui);
    const pending = await localSystems.list(auth.actor, { standing: ['pending'] });
    const items: QueueItem[] = [];
    for (const system of pending) {
      const detail = await localSystems.get(auth.actor, system.id);
      const resolution = detail.resolutions
        .filter((r) => r.status === 'pending')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (resolution) items.push({ system, resolution });
    }
    const platforms = await localSystems.platforms(
      items.flatMap((i) => i.system.latestCheck?.matches.map((m) => m.platformId) ?? []),
    );
    return renderWork(
      c,
      ui,
      { title: w.queueTitle, status: state.status ?? 200, crumbs: crumbs(c) },
      <JustificationQueuePage
        ui={ui}
        auth={auth}
        items={items}
        platforms={platforms}
        flash={state.flash}
        failed={state.failed}
      />,
    );
  };

  web.get(localSystemPaths.queue, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!reviewer(auth.actor)) return forbiddenPage(c);
    return queuePage(c, auth);
  });

  web.post(`${localSystemPaths.list}/giai-trinh/${ID}/quyet-dinh`, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!reviewer(auth.actor)) return forbiddenPage(c);
    const resolutionId = c.req.param('id');
    const fields = await readForm(c);
    const comment = one(fields, 'comment');
    const decision = one(fields, 'decision');
    const issues: FieldIssue[] = [];
    if (comment.trim() === '') issues.push({ field: 'comment', code: 'required' });
    if (decision !== 'accept' && decision !== 'reject')
      issues.push({ field: 'comment', code: 'invalid_value' });
    if (issues.length > 0)
      return queuePage(c, auth, { status: 400, failed: { resolutionId, issues, comment } });
    const w = workTexts(workUi(c));
    try {
      const decided = await localSystems.decide(
        auth.actor,
        resolutionId,
        { decision: decision as 'accept' | 'reject', comment },
        requestMeta(c),
      );
      const system = await localSystems.get(auth.actor, decided.localSystemId);
      const text = format(decision === 'accept' ? w.decidedAccepted : w.decidedRejected, {
        name: system.name,
      });
      return queuePage(c, auth, { flash: { text, kind: 'ok' } });
    } catch (error) {
      if (error instanceof ConflictError && error.reason === 'already_decided')
        return queuePage(c, auth, { status: 409, flash: { text: w.alreadyDecided, kind: 'error' } });
      throw error;
    }
  });

  web.onError(workErrorPage);
  return web;
}

import { can, type Actor } from '../../../domain/permission.ts';
import { localSystemsEn } from '../../../i18n/local-systems.en.ts';
import { localSystemsVi } from '../../../i18n/local-systems.vi.ts';
import { localSystemWorkEn } from '../../../i18n/local-system-work.en.ts';
import { localSystemWorkVi } from '../../../i18n/local-system-work.vi.ts';
import type { Ui } from '../ui.ts';
import { localSystemPaths } from './local-system-paths.ts';

/** The work area's links to the local-system screens, for those `can` allows. */
export function localSystemWorkLinks(ui: Ui, actor: Actor): { href: string; text: string }[] {
  const en = ui.locale === 'en';
  const own = { kind: 'locality_record', localityId: actor.organisationId } as const;
  const links: { href: string; text: string }[] = [];
  if (actor.role === 'locality_officer' && can(actor, 'locality_record.read', own))
    links.push({ href: localSystemPaths.list, text: (en ? localSystemsEn : localSystemsVi).page.listTitle });
  if (can(actor, 'locality_record.review', own))
    links.push({
      href: localSystemPaths.queue,
      text: (en ? localSystemWorkEn : localSystemWorkVi).queueLink,
    });
  return links;
}

import type { Platform } from '../../../domain/platform.ts';
import { orgHref, type Ui } from '../ui.ts';
import { interpolate } from './interpolate.tsx';

/**
 * Today's owner, linked; when the platform was declared under a body since reorganised, that
 * name too (Bộ Kế hoạch và Đầu tư → Bộ Tài chính). An unknown owner is said plainly, not hidden.
 */
export function OwnerText({ ui, platform }: { ui: Ui; platform: Pick<Platform, 'owner' | 'declaredOwner'> }) {
  const { owner, declaredOwner } = platform;
  if (!owner) return <strong class="owner-unknown">{ui.m.catalogue.ownerUnknown}</strong>;
  return (
    <>
      <a href={orgHref(ui, owner)}>{owner.name}</a>
      {declaredOwner && declaredOwner.id !== owner.id ? (
        <span class="declared-under">
          {' ('}
          {interpolate(ui.m.web.declaredUnder, {
            name: <a href={orgHref(ui, declaredOwner)}>{declaredOwner.name}</a>,
          })}
          {')'}
        </span>
      ) : null}
    </>
  );
}

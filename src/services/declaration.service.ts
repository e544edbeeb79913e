import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  editorsOf,
  firstSubmissions,
  insertConfirmation,
  insertReminder,
  lastConfirmations,
  lastReminders,
  lockReminderPass,
} from '../db/declaration.repository.ts';
import { enqueueEmail } from '../db/email-outbox.repository.ts';
import { readPlatform } from '../db/platform-version.repository.ts';
import { csvCell, type WriteContext } from '../domain/audit.ts';
import { ownerFamily } from '../domain/catalogue.ts';
import {
  followUp,
  isCentralBody,
  officialDeclaredBodies,
  reminderDue,
  type DeclarationRow,
} from '../domain/declaration.ts';
import { NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { isActiveOn } from '../domain/organisation.ts';
import { can, type Actor } from '../domain/permission.ts';
import { citeDocument, format, formatDate, type Locale } from '../i18n/index.ts';
import { editionsEn } from '../i18n/editions.en.ts';
import { editionsVi } from '../i18n/editions.vi.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { requireActor } from './user.service.ts';

/**
 * Declaration follow-up for the authority: which ministries and agencies declared, how many
 * platforms, when each record was last confirmed; the owners' "still current" confirmations;
 * and the reminder pass that writes to the editors of bodies with overdue records, at most
 * once per period.
 */
export interface DeclarationDeps {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
  periodDays: number;
  /** Public base URL for the link in reminders. */
  linkBase: string;
}

export interface DeclarationReport {
  asOf: string;
  periodDays: number;
  bodies: number;
  declaredBodies: number;
  items: DeclarationRow[];
  notDeclared: DeclarationRow['organisation'][];
  /** What an official document itself said (2765/BTTTT-CĐSQG: 18 of 29), never computed. */
  official: {
    document: string;
    citation: string;
    declared: number;
    total: number;
    sourceUrl: string | null;
  }[];
}

export function createDeclarationService(deps: DeclarationDeps) {
  const { db, clock, catalogue, periodDays } = deps;

  const report = async (): Promise<DeclarationReport> => {
    const snapshot = await catalogue.snapshot();
    const today = clock.today();
    const now = clock.now();
    const [firstSubmitted, lastConfirmed, lastReminder] = await Promise.all([
      firstSubmissions(db),
      lastConfirmations(db),
      lastReminders(db),
    ]);
    const bodies = snapshot.organisations.filter((o) => isCentralBody(o) && isActiveOn(o, today));
    const items = followUp({
      bodies,
      familyOf: (id) => ownerFamily(snapshot.directory, id),
      platforms: snapshot.platforms.map((p) => ({
        id: p.id,
        slug: p.slug,
        name: p.name,
        declaredOwnerId: p.declaredOwner?.id ?? null,
      })),
      firstSubmitted,
      lastConfirmed,
      lastReminder,
      now,
      periodDays,
    });
    const official = snapshot.editions.flatMap((e) => {
      const count = officialDeclaredBodies(e.document.note);
      return count
        ? [
            {
              document: e.document.number,
              citation: citeDocument(e.document.number, e.document.issuedOn, 'vi'),
              ...count,
              sourceUrl: e.document.sourceUrl,
            },
          ]
        : [];
    });
    return {
      asOf: now.toISOString(),
      periodDays,
      bodies: items.length,
      declaredBodies: items.filter((r) => r.declared).length,
      items,
      notDeclared: items.filter((r) => !r.declared).map((r) => r.organisation),
      official,
    };
  };

  const allowed = (actor: Actor | null) => {
    if (!can(requireActor(actor), 'declarations.read', { kind: 'declarations' }))
      throw new NotAllowedError('declarations.read');
  };

  return {
    async list(actor: Actor | null): Promise<DeclarationReport> {
      allowed(actor);
      return report();
    },

    /**
     * What the actor may see of the follow-up: all of it for the authority; for a ministry's
     * editor, the rows of their own body only (and no list of others that have not declared).
     */
    async visibleTo(actor: Actor | null): Promise<DeclarationReport & { all: boolean }> {
      const a = requireActor(actor);
      if (can(a, 'declarations.read', { kind: 'declarations' })) return { ...(await report()), all: true };
      const full = await report();
      const items = full.items.filter((r) =>
        can(a, 'declaration.read', { kind: 'declaration', organisationId: r.organisation.id }),
      );
      if (items.length === 0) throw new NotAllowedError('declaration.read');
      return { ...full, items, notDeclared: [], all: false };
    },

    /** One row per body, RFC 4180 with a byte-order mark (as the audit export). */
    async csv(actor: Actor | null, locale: Locale): Promise<string> {
      allowed(actor);
      const { items } = await report();
      const t = (locale === 'en' ? editionsEn : editionsVi).csv;
      const date = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10)) : '');
      const lines = [
        [
          t.organisation,
          t.code,
          t.kind,
          t.declared,
          t.firstSubmittedAt,
          t.platforms,
          t.overdue,
          t.lastConfirmedAt,
          t.lastReminderAt,
        ]
          .map(csvCell)
          .join(','),
        ...items.map((r) =>
          [
            r.organisation.name,
            r.organisation.code,
            r.organisation.kind,
            r.declared ? t.yes : t.no,
            date(r.firstSubmittedAt),
            String(r.platformCount),
            String(r.overdueCount),
            date(r.oldestConfirmedAt),
            date(r.lastReminderAt),
          ]
            .map(csvCell)
            .join(','),
        ),
      ];
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },

    /** The owning ministry's editor confirms a platform's record is still current. */
    async confirm(
      actor: Actor | null,
      platformKey: string,
      ctx: WriteContext,
    ): Promise<{ platformId: string; confirmedAt: string; confirmedBy: string }> {
      const a = requireActor(actor);
      const platform = await readPlatform(db, platformKey);
      if (!platform) throw new NotFoundError('platform', platformKey);
      if (!can(a, 'platform.confirm', { kind: 'platform', ownerId: platform.content.declaredOwnerId }))
        throw new NotAllowedError('platform.confirm');
      const now = clock.now();
      const id = randomUUID();
      await db.transaction().execute(async (tx) => {
        await insertConfirmation(
          tx,
          { id, platformId: platform.id, organisationId: a.organisationId, confirmedBy: a.userId },
          now,
        );
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'platform.confirm',
              targetType: 'platform',
              targetId: platform.id,
              after: { confirmationId: id, version: platform.version },
            },
          ],
          now,
        );
      });
      return { platformId: platform.id, confirmedAt: now.toISOString(), confirmedBy: a.userId };
    },

    /**
     * One reminder pass: each body with overdue records and no reminder within the period gets
     * one reminder, queued to each of its active editors in the outbox, recorded and audited in
     * one transaction. A body without editors is left for a later pass (nobody to write to).
     */
    async remindOnce(): Promise<{ reminded: string[]; emails: number }> {
      const { items } = await report();
      const now = clock.now();
      const reminded: string[] = [];
      let emails = 0;
      for (const row of items) {
        if (row.overdueCount === 0 || !reminderDue(row.lastReminderAt, now, periodDays)) continue;
        const editors = await editorsOf(db, row.organisation.id);
        if (editors.length === 0) continue;
        const sent = await db.transaction().execute(async (tx) => {
          await lockReminderPass(tx);
          // Another instance may have reminded this body since the report was read.
          const again = (await lastReminders(tx)).get(row.organisation.id) ?? null;
          if (!reminderDue(again, now, periodDays)) return 0;
          const overdue = row.platforms.filter((p) => p.overdue);
          const m = editionsVi.email.confirmationReminder;
          for (const editor of editors)
            await enqueueEmail(
              tx,
              {
                id: randomUUID(),
                to: editor.email,
                subject: m.subject,
                body: format(m.body, {
                  name: editor.name,
                  organisation: row.organisation.name,
                  count: overdue.length,
                  days: periodDays,
                  platforms: overdue.map((p) => `- ${p.name}`).join('\n'),
                  link: `${deps.linkBase}/`,
                }),
                purpose: 'declaration_reminder',
              },
              now,
            );
          await insertReminder(
            tx,
            {
              id: randomUUID(),
              organisationId: row.organisation.id,
              recipients: editors.length,
              overdue: overdue.length,
            },
            now,
          );
          await appendAudit(
            tx,
            { actor: null, requestId: null, clientAddress: null },
            [
              {
                action: 'declaration.remind',
                targetType: 'organisation',
                targetId: row.organisation.id,
                after: { recipients: editors.map((e) => e.email), overdue: overdue.map((p) => p.id) },
              },
            ],
            now,
          );
          return editors.length;
        });
        if (sent > 0) {
          reminded.push(row.organisation.id);
          emails += sent;
        }
      }
      return { reminded, emails };
    },
  };
}
export type DeclarationService = ReturnType<typeof createDeclarationService>;

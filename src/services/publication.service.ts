import type { Db } from '../db/database.ts';
import { listRecentPublicationEvents } from '../db/publication-event.repository.ts';
import type { PublicationEvent } from '../domain/notification.ts';

/** What was published, newest first: open data, like the catalogue (the Atom feed reads it). */
export function createPublicationService({ db }: { db: Db }) {
  return {
    recent: (limit: number): Promise<PublicationEvent[]> => listRecentPublicationEvents(db, limit),
  };
}
export type PublicationService = ReturnType<typeof createPublicationService>;

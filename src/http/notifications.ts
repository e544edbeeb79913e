import { createPublicationService } from '../services/publication.service.ts';
import { createWebhookService } from '../services/webhook.service.ts';
import { feedRoutes } from './api/feed.routes.ts';
import { webhookRoutes } from './api/webhook.routes.ts';
import type { AppDeps } from './env.ts';
import { publicBase } from './web/publication-link.ts';

/**
 * Notifications (issue 3): the Atom feed of published changes and the webhook endpoints' API,
 * wired in one place so workflow.ts only mounts them. The dispatcher that sends webhooks runs
 * beside the server (main.ts), not per request.
 */
export function createNotifications(deps: AppDeps) {
  const db = deps.database.db;
  const publications = createPublicationService({ db });
  const webhooks = createWebhookService({ db, clock: deps.clock, config: deps.config.webhooks });
  const routes = feedRoutes(publications, publicBase(deps.config));
  routes.route('/', webhookRoutes(webhooks));
  return { services: { publications, webhooks }, routes };
}

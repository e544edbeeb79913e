import { Hono } from 'hono';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { EditionService } from '../../services/edition.service.ts';
import type { OrganisationService } from '../../services/organisation.service.ts';
import type { PlatformService } from '../../services/platform.service.ts';
import type { AppEnv } from '../env.ts';

export interface WebDeps {
  platforms: PlatformService;
  organisations: OrganisationService;
  editions: EditionService;
  openapi: () => OpenAPIObject;
}

/** Server-rendered pages; they work without JavaScript. */
export function webRoutes(deps: WebDeps) {
  const web = new Hono<AppEnv>();
  web.get('/', async (c) => {
    const result = await deps.platforms.list({ limit: 100, offset: 0 });
    return c.html(
      <html lang="vi">
        <body>
          <ul>
            {result.items.map((p) => (
              <li>{p.name}</li>
            ))}
          </ul>
        </body>
      </html>,
    );
  });
  return web;
}

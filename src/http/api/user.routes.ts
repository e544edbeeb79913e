import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/user.ts';
import type { UserService, UserView } from '../../services/user.service.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, VersionField, writeProblems } from './write-context.ts';

/** User management: administrators only. */
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisation: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');

export function userJson(u: UserView): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisation: u.organisation,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

const Name = z.string().trim().min(1).max(200);
const OrganisationKey = z.string().min(1).max(200).openapi({ description: 'Organisation id or code' });
const tags = ['Accounts'];
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const one = { description: 'The user', content: { 'application/json': { schema: UserSchema } } };

const list = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags,
  summary: 'List users (administrators)',
  security: SESSION_SECURITY,
  request: { query: z.object({ organisation: OrganisationKey.optional() }) },
  responses: {
    200: {
      description: 'Users',
      content: { 'application/json': { schema: z.object({ items: z.array(UserSchema) }) } },
    },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/v1/users/{id}',
  tags,
  summary: 'One user (administrators)',
  security: SESSION_SECURITY,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: one,
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    404: writeProblems[404],
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/users',
  tags,
  summary: 'Create a user (administrators); an invitation to set a password is e-mailed',
  security: SESSION_SECURITY,
  request: {
    body: json(
      z
        .object({
          email: z.string().max(320),
          name: Name,
          role: z.enum(ROLES),
          organisation: OrganisationKey,
        })
        .strict(),
    ),
  },
  responses: { 201: one, 400: writeProblems[400], 401: writeProblems[401], 403: writeProblems[403] },
});
const update = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags,
  summary: 'Rename, change role or organisation, disable or enable a user (administrators)',
  security: SESSION_SECURITY,
  request: {
    params: z.object({ id: z.uuid() }),
    body: json(
      z
        .object({
          version: VersionField,
          name: Name.optional(),
          role: z.enum(ROLES).optional(),
          organisation: OrganisationKey.optional(),
          disabled: z.boolean().optional().openapi({ description: 'true ends the user’s sessions at once' }),
        })
        .strict(),
    ),
  },
  responses: {
    200: one,
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    404: writeProblems[404],
    409: writeProblems[409],
  },
});

export function userRoutes(users: UserService) {
  return apiRouter()
    .openapi(list, async (c) => {
      const items = await users.list(c.get('actor'), c.req.valid('query'));
      return c.json({ items: items.map(userJson) }, 200);
    })
    .openapi(get, async (c) =>
      c.json(userJson(await users.get(c.get('actor'), c.req.valid('param').id)), 200),
    )
    .openapi(create, async (c) => {
      const user = await users.create(c.get('actor'), c.req.valid('json'), requestMeta(c));
      return c.json(userJson(user), 201);
    })
    .openapi(update, async (c) => {
      const user = await users.update(
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
        requestMeta(c),
      );
      return c.json(userJson(user), 200);
    });
}

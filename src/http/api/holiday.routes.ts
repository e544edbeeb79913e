import { createRoute, z } from '@hono/zod-openapi';
import type { HolidayService } from '../../services/holiday.service.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, writeProblems } from './write-context.ts';

/** The working calendar: days off and swapped working days (read: everyone; write: administrators). */
const Holiday = z
  .object({
    day: z.iso.date(),
    kind: z
      .enum(['day_off', 'working_day'])
      .openapi({ description: 'day_off: not worked; working_day: a weekend day worked' }),
    name: z.string(),
  })
  .openapi('Holiday');
const Day = z.object({
  day: z.iso.date().openapi({ param: { name: 'day', in: 'path' }, example: '2027-02-08' }),
});
const tags = ['Working calendar'];

const list = createRoute({
  method: 'get',
  path: '/api/v1/holidays',
  tags,
  summary: 'Days off and swapped working days that review deadlines count with',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: {
    200: {
      description: 'The calendar',
      content: { 'application/json': { schema: z.object({ items: z.array(Holiday) }) } },
    },
    400: writeProblems[400],
  },
});
const put = createRoute({
  method: 'put',
  path: '/api/v1/holidays/{day}',
  tags,
  summary: 'Add or change a day (administrators)',
  security: SESSION_SECURITY,
  request: {
    params: Day,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              kind: z.enum(['day_off', 'working_day']).default('day_off'),
              name: z.string().trim().min(1).max(200),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: Holiday } } },
    201: { description: 'Added', content: { 'application/json': { schema: Holiday } } },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/v1/holidays/{day}',
  tags,
  summary: 'Remove a day (administrators)',
  security: SESSION_SECURITY,
  request: { params: Day },
  responses: {
    204: { description: 'Removed' },
    400: writeProblems[400],
    401: writeProblems[401],
    403: writeProblems[403],
    404: writeProblems[404],
  },
});

export function holidayRoutes(holidays: HolidayService) {
  return apiRouter()
    .openapi(list, async (c) => c.json({ items: await holidays.list(c.req.valid('query').year) }, 200))
    .openapi(put, async (c) => {
      const { day } = c.req.valid('param');
      const { holiday, created } = await holidays.put(
        c.get('actor'),
        { day, ...c.req.valid('json') },
        requestMeta(c),
      );
      return created ? c.json(holiday, 201) : c.json(holiday, 200);
    })
    .openapi(remove, async (c) => {
      await holidays.remove(c.get('actor'), c.req.valid('param').day, requestMeta(c));
      return c.body(null, 204);
    });
}

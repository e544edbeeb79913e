import { LOCAL_SYSTEMS_PAGE } from '../../../domain/local-system.ts';

/** Addresses of the local-system work screens, in one place so links, forms and routes agree. */
const one = (id: string) => `${LOCAL_SYSTEMS_PAGE}/${encodeURIComponent(id)}`;
export const localSystemPaths = {
  list: LOCAL_SYSTEMS_PAGE,
  create: `${LOCAL_SYSTEMS_PAGE}/moi`,
  system: one,
  check: (id: string) => `${one(id)}/kiem-tra`,
  resolve: (id: string) => `${one(id)}/giai-trinh`,
  queue: `${LOCAL_SYSTEMS_PAGE}/giai-trinh-cho-tham-dinh`,
  decide: (resolutionId: string) =>
    `${LOCAL_SYSTEMS_PAGE}/giai-trinh/${encodeURIComponent(resolutionId)}/quyet-dinh`,
} as const;

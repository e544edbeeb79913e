import { LOCAL_SYSTEMS_PAGE } from '../../../domain/local-system.ts';
/** The work screens' addresses, in one place so links, forms and routes agree. */
export const workPaths = {
  signIn: '/dang-nhap',
  signOut: '/dang-xuat',
  signOutEverywhere: '/dang-xuat-moi-noi',
  forgotPassword: '/quen-mat-khau',
  /** The link in reset and invitation e-mails (RESET_PAGE_PATH in password-reset.service.ts). */
  resetPassword: '/dat-lai-mat-khau',
  changePassword: '/doi-mat-khau',
  home: '/cong-viec',
  myPlatforms: '/cong-viec/nen-tang',
  requests: '/cong-viec/de-nghi',
  newRequest: '/cong-viec/de-nghi/moi',
  request: (id: string) => `/cong-viec/de-nghi/${encodeURIComponent(id)}`,
  decision: (id: string) => `/cong-viec/de-nghi/${encodeURIComponent(id)}/quyet-dinh`,
  comment: (id: string) => `/cong-viec/de-nghi/${encodeURIComponent(id)}/y-kien`,
  withdraw: (id: string) => `/cong-viec/de-nghi/${encodeURIComponent(id)}/rut`,
  reviewQueue: '/cong-viec/tham-dinh',
  users: '/cong-viec/nguoi-dung',
  user: (id: string) => `/cong-viec/nguoi-dung/${encodeURIComponent(id)}`,
} as const;

/**
 * Areas of forms people fill in at work (the work area, a locality's systems): a POST to them
 * without a session is kept over a new sign-in.
 */
const KEPT_AREAS = [workPaths.home, LOCAL_SYSTEMS_PAGE];
export const isWorkPath = (path: string) =>
  KEPT_AREAS.some((area) => path === area || path.startsWith(`${area}/`));

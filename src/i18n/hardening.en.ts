import type { HardeningMessages } from './hardening.vi.ts';

export const hardeningEn: HardeningMessages = {
  conflict: {
    duplicate: 'this value is already in the registry',
    email_taken: 'an account already uses this e-mail address',
    term_exists: 'this term is already in the dictionary',
    holiday_exists: 'this day is already in the calendar',
  },
};

import type { HardeningMessages } from './hardening.vi.ts';

export const hardeningEn: HardeningMessages = {
  signOn: {
    leavingTitle: 'On to the identity provider',
    leavingBody:
      'What you entered has been kept on the registry’s server. Once you have signed in at the identity provider, you will be brought back to send it on.',
    leavingLink: 'Continue to the identity provider',
  },
  conflict: {
    duplicate: 'this value is already in the registry',
    email_taken: 'an account already uses this e-mail address',
    term_exists: 'this term is already in the dictionary',
    holiday_exists: 'this day is already in the calendar',
  },
};

import type { SignOnMessages } from './sign-on.vi.ts';

export const signOnEn: SignOnMessages = {
  button: 'Sign in with your identity account',
  problem: {
    sign_on_failed: {
      title: 'Single sign-on failed',
      detail: '{reason}',
    },
  },
  reason: {
    flow_expired: 'The sign-in has expired or was already used. Please start again from the registry.',
    state_mismatch:
      'The sign-in response does not match the request that was sent, so it was refused. Please start again from the registry.',
    provider_error: 'The identity provider refused or cancelled the sign-in.',
    provider_unavailable: 'The identity provider could not be reached. Please try again in a few minutes.',
    email_missing:
      'The identity account gave no verified e-mail address, so no registry account could be found for it.',
    unknown_user:
      'No registry account has your e-mail address. Single sign-on does not create accounts; ask an administrator for one.',
    disabled_user: 'Your registry account is disabled. Please contact an administrator.',
    identity_mismatch:
      'This registry account is already linked to another identity at the identity provider. Please contact an administrator.',
  },
  page: {
    retry: 'Sign in again',
    home: 'Back to the home page',
    requestId: 'Request id (for support): {requestId}',
  },
};

import type { WorkflowMessages } from './workflow.vi.ts';

/** English texts of accounts, change requests, versions and the audit log (see workflow.vi.ts). */
export const workflowEn: WorkflowMessages = {
  problem: {
    invalid_credentials: { title: 'Sign-in failed', detail: 'The e-mail address or password is wrong.' },
    csrf_failed: {
      title: 'Request refused',
      detail: 'Your session could not confirm this request; reload the page and try again.',
    },
    password_change_required: {
      title: 'Password change required',
      detail: 'Set a new password before going on.',
    },
  },
  field: {
    invalid_email: 'Not a valid e-mail address',
    email_taken: 'This e-mail address already has an account',
    password_too_short: 'The password needs at least {minimum} characters',
    password_contains_email: 'The password must not contain the account name',
    incorrect: 'Incorrect',
    invalid_or_expired: 'The code is wrong, used or expired',
    role_organisation_mismatch: 'This role does not fit the chosen organisation',
    organisation_not_current: 'This organisation no longer (or not yet) exists',
    last_admin: 'The last administrator cannot lose the role',
    missing_for_submit: 'Fill in before submitting',
    not_a_working_calendar_day: 'Not a valid date for this kind of day',
    invalid_json: 'The body is not valid JSON',
    no_changes: 'Nothing differs from the published entry yet',
    not_applicable: 'Not used for this kind of request',
  },
  conflict: {
    version_mismatch: 'someone else updated it first; reload and make your change again',
    platform_changed:
      'the platform has a newer version than the one the proposal was written against; bring the proposal up to date',
    platform_gone: 'the platform is no longer in the registry',
    invalid_transition: 'the request is not in a state that allows this',
  },
  resource: {
    user: 'account',
    change_request: 'change request',
    platform_version: 'version',
    holiday: 'holiday',
  },
  role: {
    authority_admin: 'Administrator',
    authority_reviewer: 'Reviewer',
    ministry_editor: 'Ministry editor',
    locality_officer: 'Locality officer',
  },
  changeRequestKind: {
    create: 'New platform',
    update: 'Change',
    retire: 'Retirement',
  },
  changeRequestStatus: {
    draft: 'Draft',
    submitted: 'Submitted',
    changes_requested: 'Changes requested',
    resubmitted: 'Resubmitted',
    approved: 'Approved and published',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
  },
  cli: {
    usage:
      'Usage: npm run cli -- create-admin --email <e-mail> --name <full name> --organisation <organisation code>\n  The password is read from standard input (e.g. printf %s "$PASSWORD" | npm run cli -- create-admin ...);\n  run at a terminal, a one-time password is generated and printed.',
    unknownCommand: 'No such command: {command}',
    created: 'Administrator {email} ({organisation}) created.',
    generated: 'One-time password (shown only now; must be changed at first sign-in): {password}',
    invalid: 'The account was not created: {problems}',
    emptyPassword: 'Standard input held no password.',
  },
  email: {
    passwordReset: {
      subject: 'Password reset — National Digital Platforms Registry',
      body: 'Dear {name},\n\nA password reset was requested for the account {email}. Open this link within {minutes} minutes to set a new password (it works once):\n\n{link}\n\nIf you did not ask for this, ignore this message; your password stays as it is.\n',
    },
    invitation: {
      subject: 'New account — National Digital Platforms Registry',
      body: 'Dear {name},\n\nA {role} account of {organisation} was created for {email}. Open this link within {hours} hours to set your password (it works once):\n\n{link}\n',
    },
  },
};

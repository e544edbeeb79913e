import type { EditionsMessages } from './editions.vi.ts';

/** Texts of editions, declaration follow-up and organisation management, in English (second). */
export const editionsEn: EditionsMessages = {
  problem: {
    precondition_failed: {
      title: 'The record has changed',
      detail: 'The version in If-Match is no longer current; reload and make your change again.',
    },
    payload_too_large: {
      title: 'File too large',
      detail: 'The file exceeds the allowed size ({maximum} bytes).',
    },
  },
  field: {
    not_pdf: 'The file must be a PDF document',
    unknown_platform: 'No such platform in the registry',
    unknown_version: 'The platform has no such version',
    duplicate: 'Listed twice',
    unknown_organisation: 'No such organisation',
    version_or_if_match: 'A version is required (the version field or an If-Match header)',
    not_current: 'The organisation no longer exists',
    successor_in_predecessors: 'The successor cannot be one of the predecessors',
  },
  conflict: {
    edition_published: 'a published edition cannot be changed',
    edition_empty: 'no platform has been selected for the edition',
    document_exists: 'a document with this number already exists',
    organisation_code_taken: 'an organisation with this code already exists',
    already_reorganised: 'the organisation was already reorganised on or before this date',
  },
  resource: {
    edition_file: 'document file',
    platform: 'platform',
  },
  email: {
    confirmationReminder: {
      subject: 'Please confirm your digital platform records — National Digital Platforms Registry',
      body: 'Dear {name},\n\n{organisation} has {count} digital platform records not confirmed as current in the last {days} days:\n\n{platforms}\n\nPlease sign in to the registry, check them and confirm they are still accurate, or propose an update:\n\n{link}\n',
    },
  },
  csv: {
    organisation: 'Organisation',
    code: 'Code',
    kind: 'Kind',
    declared: 'Declared',
    firstSubmittedAt: 'First request submitted',
    platforms: 'Platforms',
    overdue: 'Overdue confirmations',
    lastConfirmedAt: 'Last confirmed',
    lastReminderAt: 'Last reminder',
    yes: 'Yes',
    no: 'No',
  },
};

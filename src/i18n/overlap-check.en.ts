import type { OverlapCheckMessages } from './overlap-check.vi.ts';

/** The public overlap check page (English, second). */
export const overlapCheckEn: OverlapCheckMessages = {
  nav: 'Overlap check',
  title: 'Check for overlap before funding',
  lead: 'Before investing in an information system, check whether a national or shared digital platform already does the job. Describe the planned system; the result names overlapping or related platforms, their owners and focal points.',
  form: {
    legend: 'Planned system',
    required: '(required)',
    name: 'Name of the system',
    nameHint: 'For example: Hệ thống đấu thầu qua mạng của tỉnh',
    description: 'Description',
    descriptionHint: 'Purpose, users, scope.',
    functions: 'Main functions',
    functionsHint: 'One function per line.',
    data: 'Data held',
    dataHint: 'One kind of data per line, e.g. administrative procedure files.',
    province: 'Proposing province or city',
    provinceHint: 'Optional.',
    provinceNone: '— None —',
    submit: 'Check',
    errorSummary: 'Not checked yet. Please correct the {count} marked items below.',
    line: 'Line {line}: {message}',
  },
  field: {
    required: 'Please fill this in',
    empty: 'Please enter text with letters or digits',
    too_long: 'Longer than {max} characters',
    too_many: 'More than {max} lines',
    not_found: 'Not in the list',
    invalid: 'Not valid',
  },
  result: {
    heading: 'Result',
    proposal: 'Planned system: “{name}”',
    province: 'Proposed by: {province}',
    verdict: {
      overlap: 'Overlaps an existing platform',
      related: 'Related platforms, no overlap',
      clear: 'No overlap found',
    },
    verdictBody: {
      overlap:
        'The planned system does what the platform below already does for the whole country. Use that platform instead of building a new one; if the investment is still proposed, explain why the existing platform does not meet the need.',
      related:
        'The catalogue holds related platforms. The planned system does not duplicate them, but should connect to, integrate with or use data from them.',
      clear:
        'No platform in the catalogue does the same job. The result depends on the description entered; the fuller it is (functions, data), the more accurate the result.',
    },
    level: { overlap: 'Overlap', related: 'Related' },
    score: 'Similarity: {percent}',
    matchesHeading: 'Platforms found ({count})',
    why: 'Why',
    evidenceHeading: 'What matched',
    proposalSide: 'Planned system',
    platformSide: 'Platform',
    owner: 'Owner',
    ownerUnknown: 'Not known',
    focalPoints: 'Operating focal point',
    noFocalPoint: 'The catalogue has no focal point yet; contact the owner.',
    website: 'Website',
    openPlatform: 'Open the platform’s record',
    nextHeading: 'What to do next',
    next: {
      overlap: [
        'Contact the focal point of the overlapping platform for guidance on using and connecting to it.',
        'Revise the proposal: drop the functions the platform already provides, keep only what is local.',
        'If the investment is still needed, state why in the proposal (what the existing platform does not provide).',
      ],
      related: [
        'Read the related platforms’ records and contact their focal points to agree on connection and data sharing.',
        'List in the proposal the platforms the system will connect to.',
      ],
      clear: [
        'Keep this result with the proposal.',
        'If the description is thin, add functions and data, then check again.',
      ],
    },
    meta: 'Checked at {time} on {date} against the catalogue (revision {catalogue}) and the check rules (version {rules}).',
    share: 'Link to this result',
    again: 'Edit the description and check again',
  },
  rateLimited: {
    title: 'Too many checks',
    body: 'Too many checks came from your computer in one minute. Please try again in {seconds} seconds.',
  },
};

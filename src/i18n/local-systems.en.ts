import type { LocalSystemsMessages } from './local-systems.vi.ts';

/** English texts of local systems and the overlap report (see local-systems.vi.ts). */
export const localSystemsEn: LocalSystemsMessages = {
  field: {
    invalid_date: 'Not a valid date (yyyy-mm-dd)',
    in_future: 'The date must not be after today',
    invalid_phone: 'Not a valid phone number',
    not_a_locality: 'Systems are recorded for provinces and centrally run cities (communes later)',
    not_in_catalogue: 'No such platform in the catalogue',
    not_overlapping: 'The latest check found no overlap: nothing to justify',
  },
  conflict: {
    overlap_unresolved:
      'the system overlaps a catalogue platform: before approval or deployment, adopt that platform (adoption) or file a justification',
    justification_pending: 'the justification is waiting for the authority’s decision',
    justification_rejected:
      'the justification was rejected: adopt the catalogue platform or file a new justification',
    status_retired: 'the system is retired; a new investment is recorded as a new system',
    already_decided: 'this justification has already been decided',
  },
  resource: {
    local_system: 'local system',
    local_system_resolution: 'justification',
    local_system_check_run: 're-check run',
  },
  status: {
    proposed: 'Proposed',
    approved: 'Approved',
    in_development: 'In development',
    operating: 'Operating',
    retired: 'Retired',
  },
  verdict: { overlap: 'Overlap', related: 'Related', clear: 'Clear', unchecked: 'Not checked' },
  standing: {
    none: '—',
    adopted: 'Adopts a catalogue platform',
    justified: 'Justification accepted',
    pending: 'Justification under review',
    rejected: 'Justification rejected',
    unresolved: 'Not justified',
  },
  page: {
    listTitle: 'Local information systems',
    listIntro:
      'The systems and planned investments recorded for the locality, with the latest overlap check against the catalogue.',
    locality: 'Locality',
    chooseLocality: 'Choose a locality',
    show: 'Show',
    origin: 'Recorded for',
    name: 'System',
    status: 'Status',
    verdict: 'Check',
    standing: 'Justification',
    duplicates: 'Overlaps',
    budget: 'Budget (VND)',
    decision: 'Investment decision',
    checkedAt: 'Checked at',
    none: 'No system recorded yet.',
    signInNeeded: 'This page is for locality officers and the authority: please sign in.',
    notAllowed: 'Your account cannot see this page.',
    reportTitle: 'Nationwide overlap report',
    reportIntro: 'Every local system against the catalogue, from the latest check of each system.',
    computedAt: 'Checks from {from} to {to}; catalogue revision {revision}.',
    lastRun: 'Latest re-check: {status}, {checked} systems, finished {finishedAt}.',
    noRun: 'No re-check has run yet.',
    totals:
      '{systems} systems of {localities} localities; {overlapping} overlapping, {unresolved} not cleared (not justified, under review or rejected).',
    byPlatform: 'By duplicated platform',
    byProvince: 'By locality',
    platform: 'Platform',
    count: 'Systems',
    systems: 'Systems',
    overlapping: 'Overlapping',
    unresolved: 'Not cleared',
    exportCsv: 'Download CSV',
    noneOverlapping: 'No local system overlaps the catalogue.',
    runStatus: { queued: 'queued', running: 'running', done: 'done', failed: 'failed' },
  },
  email: localSystemsEmailEn(),
};

// The e-mail goes out in Vietnamese with an English line, whatever the reader's locale.
function localSystemsEmailEn(): LocalSystemsMessages['email'] {
  return {
    subject: 'Local systems now overlap the catalogue / Hệ thống của địa phương trùng lặp với danh mục',
    intro:
      'The catalogue has changed. These systems of {locality} now overlap catalogue platforms; before approval or deployment, adopt the platform or file a justification:',
    line: '- {system}: overlaps {platforms}',
    link: 'See the list: {url}',
    english: '',
  };
}

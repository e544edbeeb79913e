import type { OverlapLevel, OverlapPlatform, OverlapReason, OverlapReasonKind } from './types.ts';

/**
 * The Vietnamese sentences of the reasons, in one place (the engine's locale table). A civil
 * servant reads which platform, which of the proposal's words or functions matched which of the
 * platform's, and whom to contact. Clients branch on `kind`, never on this text.
 */

const MAX_QUOTE = 160;

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 1)}…` : t}”`;
}

function words(matched: readonly string[], platformTerms: readonly string[]): string {
  if (matched.length === 0) return '';
  const same =
    platformTerms.length === 0 || matched.join('|').toLowerCase() === platformTerms.join('|').toLowerCase();
  const mine = matched.join(', ');
  return same ? ` (các từ: ${mine})` : ` (các từ: ${mine}; ứng với: ${platformTerms.join(', ')})`;
}

export interface TextEvidence {
  kind: Exclude<OverlapReasonKind, 'counterpart' | 'scope' | 'contact'>;
  proposalPart: 'name' | 'alias' | 'component' | 'function' | 'data' | 'description';
  platformPart: 'name' | 'alias' | 'function' | 'description';
  proposalText: string;
  platformText: string;
  matchedTerms: string[];
  platformTerms: string[];
  score: number;
}

/**
 * `subject`: what the compared text belongs to, "kế hoạch" (a planned system) or "mục" (another
 * catalogue entry, for catalogue hygiene).
 */
export function evidenceReason(e: TextEvidence, platformName: string, subject = 'kế hoạch'): OverlapReason {
  const p = quote(e.proposalText);
  const target =
    e.platformPart === 'name'
      ? `nền tảng ${quote(platformName)}`
      : e.platformPart === 'alias'
        ? `tên gọi khác ${quote(e.platformText)} của nền tảng ${quote(platformName)}`
        : e.platformPart === 'function'
          ? `chức năng ${quote(e.platformText)} của nền tảng ${quote(platformName)}`
          : `mô tả của nền tảng ${quote(platformName)} (${quote(e.platformText)})`;
  const said = {
    name: `Tên ${subject} ${p}`,
    alias: `Tên viết tắt ${p} của ${subject}`,
    component: `Thành phần ${p} trong tên ${subject}`,
    function: `Chức năng ${p} của ${subject}`,
    data: `Dữ liệu ${p} mà ${subject} dự kiến quản lý`,
    description: `Mô tả ${subject} (${p})`,
  }[e.proposalPart];
  const w = words(e.matchedTerms, e.platformTerms);
  const text =
    e.kind === 'integration'
      ? `${said} là kết nối, sử dụng ${target}, không phải xây dựng trùng${w}.`
      : `${said} trùng ý với ${target}${w}.`;
  return {
    kind: e.kind,
    proposalText: e.proposalText,
    platformText: e.platformText,
    matchedTerms: e.matchedTerms,
    platformTerms: e.platformTerms,
    score: round(e.score),
    text,
  };
}

export function counterpartReason(ruleId: string, template: string, platformName: string): OverlapReason {
  return {
    kind: 'counterpart',
    proposalText: '',
    platformText: platformName,
    matchedTerms: [],
    platformTerms: [],
    ruleId,
    text: template.replaceAll('{platform}', platformName),
  };
}

function ownerText(p: OverlapPlatform): string {
  if (!p.ownerName) return 'chưa xác định';
  const current = p.currentOwnerName;
  return current && current !== p.ownerName ? `${current} (trước đây: ${p.ownerName})` : p.ownerName;
}

export function scopeReason(p: OverlapPlatform): OverlapReason {
  const text =
    p.status === 'retired'
      ? `Nền tảng ${quote(p.name)} đã ngừng hoạt động; chỉ để tham khảo, không tính là trùng lặp.`
      : `Nền tảng ${quote(p.name)} là hệ thống nội bộ của ${ownerText(p)}, không thuộc danh mục nền tảng dùng chung; chỉ để tham khảo, không tính là trùng lặp.`;
  return { kind: 'scope', proposalText: '', platformText: p.name, matchedTerms: [], platformTerms: [], text };
}

export function contactReason(p: OverlapPlatform, level: OverlapLevel, reusable: boolean): OverlapReason {
  const who = `Đơn vị chủ quản: ${ownerText(p)}; đầu mối vận hành: ${p.focalPoint ?? 'chưa công bố'}.`;
  const advice =
    level === 'overlap'
      ? `Địa phương cần sử dụng nền tảng ${quote(p.name)} thay vì xây dựng mới, hoặc giải trình lý do.`
      : reusable
        ? `Nên tìm hiểu, kết nối với nền tảng ${quote(p.name)}.`
        : `Có thể tham khảo nền tảng ${quote(p.name)}.`;
  return {
    kind: 'contact',
    proposalText: '',
    platformText: p.name,
    matchedTerms: [],
    platformTerms: [],
    text: `${advice} ${who}`,
  };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * SYNTHETIC planned local systems for the overlap benchmark (the nationwide report): deterministic
 * for a seed, spread over the provinces passed in (seed/provinces-2025.csv). Each is marked: id
 * 'synthetic-local-NNNNNN'. About 15% restate a catalogue platform the way localities do (the
 * province's own copy, without diacritics, with abbreviations); of the rest, 30% are on topics
 * ministries also cover, the others on local topics (markets, dykes, bus lines …). A system's
 * description and functions are about its own topic.
 */
import { foldVi } from '../../src/domain/text/vietnamese.ts';
import type { OverlapProposal } from '../../src/domain/overlap/index.ts';
import { ACTIVITIES, HEADS, OBJECTS, pick, pickSkewed, prng } from './overlap-catalogue.ts';

export interface SyntheticLocalSystem extends OverlapProposal {
  id: string;
  province: string;
}

const LOCAL_HEADS = [...HEADS, 'Phần mềm', 'Hệ thống', 'Ứng dụng di động'];
/** Topics a province or commune runs itself, which ministries' platforms do not cover. */
const LOCAL_OBJECTS = [
  'chợ',
  'nghĩa trang',
  'bến xe',
  'công viên',
  'cây xanh đô thị',
  'quảng cáo ngoài trời',
  'hộ kinh doanh',
  'nhà văn hóa',
  'đê điều',
  'thủy lợi',
  'giống cây trồng',
  'vật nuôi',
  'tàu cá',
  'làng nghề',
  'sản phẩm OCOP',
  'lễ hội',
  'di tích',
  'trường mầm non',
  'trạm y tế xã',
  'hộ nghèo',
  'bảo trợ xã hội',
  'người cao tuổi',
  'quỹ đất',
  'khu công nghiệp',
  'cụm công nghiệp',
  'xe buýt',
  'đèn tín hiệu giao thông',
  'vỉa hè',
  'nước sạch nông thôn',
  'điểm du lịch',
  'homestay',
  'đặc sản',
  'bãi đỗ xe',
  'ký túc xá',
  'thư viện tỉnh',
  'sân vận động',
  'kênh mương',
  'cống ngăn mặn',
  'rừng phòng hộ',
  'vùng trồng',
  'hợp tác xã nông nghiệp',
  'cảng cá',
  'bến thủy nội địa',
  'hồ chứa nước',
  'trạm bơm',
  'nhà ở xã hội',
  'khu tái định cư',
  'đường giao thông nông thôn',
  'cầu dân sinh',
  'điểm tập kết rác',
];
const LOCAL_ACTIVITIES = [
  'quản lý',
  'theo dõi',
  'giám sát',
  'bản đồ',
  'thống kê',
  'tra cứu',
  'đặt lịch',
  'thu phí',
  'cấp phép',
  'quảng bá',
  'kết nối cung cầu',
  'bảo trì',
  'kiểm kê',
  'điều tra',
  'phản ánh',
];
const PREFIXES = ['', '', 'Xây dựng ', 'Nâng cấp ', 'Đầu tư ', 'Triển khai '];
const OWN = ['của tỉnh', 'tỉnh', 'cho các sở, ngành', 'cấp xã', 'của UBND tỉnh', 'trên địa bàn tỉnh'];
const ABBREVIATIONS: [RegExp, string][] = [
  [/cơ sở dữ liệu/g, 'CSDL'],
  [/dịch vụ công/g, 'DVC'],
  [/thủ tục hành chính/g, 'TTHC'],
  [/hệ thống thông tin/gi, 'HTTT'],
];

function restate(rand: () => number, name: string): string {
  let text = name;
  if (rand() < 0.3) for (const [from, to] of ABBREVIATIONS) text = text.replace(from, to);
  return rand() < 0.15 ? foldVi(text) : text;
}

/**
 * `count` local systems over `provinces`; `platformNames` are the catalogue names a share of
 * them restate (real names, or synthetic ones without their marker).
 */
export function syntheticLocalSystems(
  count: number,
  provinces: readonly string[],
  platformNames: readonly string[],
  seed = 20260301,
): SyntheticLocalSystem[] {
  const rand = prng(seed);
  const out: SyntheticLocalSystem[] = [];
  for (let n = 0; n < count; n++) {
    const province = provinces[n % provinces.length]!;
    const place = province.replace(/^(Tỉnh|Thành phố) /, '');
    let name: string;
    // What the system is about: its description and functions say the same, as real plans do.
    let topic: string;
    if (rand() < 0.15 && platformNames.length > 0) {
      const base = pick(rand, platformNames)
        .replace(/ \[synthetic\]$/, '')
        .replace(/ (quốc gia|toàn quốc|dùng chung)$/, '');
      name = `${pick(rand, PREFIXES)}${base} ${pick(rand, OWN)} ${place}`;
      topic = base.split(' ').slice(-2).join(' ');
    } else {
      // Some on topics ministries also cover (related, sometimes duplicates), most local.
      const shared = rand() < 0.3;
      const activity = shared ? pickSkewed(rand, ACTIVITIES) : pick(rand, LOCAL_ACTIVITIES);
      topic = shared ? pick(rand, OBJECTS) : pick(rand, LOCAL_OBJECTS);
      name = `${pick(rand, PREFIXES)}${pickSkewed(rand, LOCAL_HEADS)} ${activity} ${topic} ${pick(rand, OWN)} ${place}`;
    }
    const system: SyntheticLocalSystem = {
      id: `synthetic-local-${String(n).padStart(6, '0')}`,
      province,
      name: restate(rand, name),
    };
    if (rand() < 0.5) {
      system.description = `Phục vụ ${pick(rand, LOCAL_ACTIVITIES)} ${topic} và ${pick(rand, LOCAL_ACTIVITIES)} ${pick(rand, LOCAL_OBJECTS)} trên địa bàn ${province}.`;
    }
    if (rand() < 0.3) {
      system.functions = Array.from(
        { length: 1 + Math.floor(rand() * 4) },
        () => `${pick(rand, LOCAL_ACTIVITIES)} ${topic}`,
      );
    }
    out.push(system);
  }
  return out;
}

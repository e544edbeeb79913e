/**
 * The settings of the overlap check: plain data (JSON) that the authority can change at run
 * time. Thresholds are on the 0..1 score of a match; counterpart rules encode what the law and
 * practice say a province is expected to run itself.
 */

/** Parts of a proposal and of a platform that are compared with each other. */
export type ProposalPart = 'name' | 'alias' | 'component' | 'function' | 'data' | 'description';
export type PlatformPart = 'name' | 'alias' | 'function' | 'description';

/**
 * A legitimate local counterpart of a national platform: a province's own LGSP is expected
 * beside NDXP, its document-management system sends documents through the national document
 * axis. When the rule applies, the platform is shown as `related` with the rule's reason,
 * never as `overlap`. Phrases are matched on folded syllables, so case, diacritics and
 * dictionary alternatives (QLVB = quản lý văn bản) do not matter.
 */
export interface CounterpartRule {
  id: string;
  /** The proposal's name or one of its functions says any of these (empty: every proposal). */
  proposal: string[];
  /** … and its name none of these. */
  except?: string[];
  /** The platform's name or an alias says any of these (empty: every platform). */
  platform: string[];
  /** Show the platform as related even when the texts share little: the locality must connect to it. */
  ensureRelated: boolean;
  /** A Vietnamese sentence for the civil servant; "{platform}" becomes the platform's name. */
  reason: string;
}

export interface OverlapRules {
  /** A match at or above this is an overlap (when no rule says otherwise). */
  overlapThreshold: number;
  /** A match at or above this is shown as related. */
  relatedThreshold: number;
  counterparts: CounterpartRule[];
  /** Trust in each pairing of a proposal part with a platform part, 0..1. */
  evidence: Record<ProposalPart, Record<PlatformPart, number>>;
  /** Evidence from another part of the proposal adds this share of itself to the best one. */
  corroboration: number;
  /** Words saying the proposal connects to or uses what follows, rather than rebuilding it. */
  integrationMarkers: string[];
  /**
   * A part that names a catalogue platform ("VNeID", "Cổng Dịch vụ công quốc gia") with one of
   * these words anywhere ("Xác thực người dùng qua VNeID") is about using that platform.
   */
  mentionMarkers: string[];
  /** Platforms not meant for reuse (internal systems, retired): shown as related, or ignored. */
  notForReuse: 'related' | 'ignore';
  /** Platforms scored in full per check, chosen by shared weighted terms. */
  maxCandidates: number;
  maxMatches: number;
  /** Catalogue hygiene: pairs of entries scoring at least this are reported. */
  duplicateThreshold: number;
}

export const DEFAULT_COUNTERPARTS: CounterpartRule[] = [
  {
    id: 'lgsp',
    proposal: [
      'LGSP',
      'tích hợp, chia sẻ dữ liệu',
      'tích hợp dữ liệu',
      'chia sẻ dữ liệu',
      'trục tích hợp',
      'trục kết nối',
      'kết nối liên thông',
      'NGSP',
    ],
    platform: ['NDXP', 'tích hợp, chia sẻ dữ liệu quốc gia', 'NDOP', 'chia sẻ, điều phối dữ liệu'],
    ensureRelated: true,
    reason:
      'Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) là thành phần cấp tỉnh của hạ tầng kết nối dữ liệu (Thông tư 13/2017/TT-BTTTT; Nghị định 194/2025/NĐ-CP), không trùng với “{platform}”; LGSP của tỉnh cần kết nối với nền tảng này.',
  },
  {
    id: 'document-axis',
    proposal: [
      'quản lý văn bản',
      'văn phòng điện tử',
      'e-office',
      'eoffice',
      'điều hành tác nghiệp',
      'liên thông văn bản',
      'văn bản điện tử',
      'quản lý hồ sơ công việc',
    ],
    // Legal documents (văn bản quy phạm pháp luật) are another matter than correspondence.
    except: ['quy phạm pháp luật'],
    platform: ['trục liên thông văn bản'],
    ensureRelated: true,
    reason:
      'Hệ thống quản lý văn bản và điều hành là hệ thống riêng của chính quyền tỉnh; văn bản điện tử gửi, nhận với cơ quan khác đi qua “{platform}”. Cần kết nối với trục, không phải trùng lặp.',
  },
  {
    id: 'document-office',
    proposal: [
      'quản lý văn bản',
      'văn phòng điện tử',
      'e-office',
      'eoffice',
      'điều hành tác nghiệp',
      'quản lý hồ sơ công việc',
    ],
    except: ['quy phạm pháp luật'],
    platform: ['chỉ đạo, điều hành', 'văn phòng điện tử'],
    ensureRelated: false,
    reason:
      'Hệ thống quản lý văn bản và điều hành của tỉnh phục vụ cơ quan địa phương, không thay thế “{platform}” của cơ quan trung ương.',
  },
  {
    id: 'portal',
    proposal: ['cổng thông tin', 'trang thông tin điện tử', 'website', 'portal', 'cổng điện tử'],
    except: ['dịch vụ công', 'dữ liệu'],
    platform: ['cổng thông tin', 'cổng dịch vụ công', 'cổng dữ liệu'],
    ensureRelated: false,
    reason:
      'Mỗi cơ quan nhà nước, trong đó có UBND tỉnh, có cổng hoặc trang thông tin điện tử riêng để cung cấp thông tin (Nghị định 42/2022/NĐ-CP); cổng thông tin của tỉnh không trùng với “{platform}”.',
  },
  {
    id: 'one-stop',
    proposal: [
      'giải quyết thủ tục hành chính',
      'một cửa điện tử',
      'một cửa liên thông',
      'bộ phận một cửa',
      'tiếp nhận và trả kết quả',
    ],
    except: ['cổng dịch vụ công'],
    platform: ['cổng dịch vụ công'],
    ensureRelated: true,
    reason:
      'Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh (một cửa điện tử) là hệ thống cấp tỉnh theo Nghị định 61/2018/NĐ-CP, sửa đổi bởi Nghị định 107/2021/NĐ-CP; hồ sơ được đồng bộ với “{platform}”, không trùng lặp.',
  },
  {
    id: 'government-own',
    proposal: [],
    platform: ['của Chính phủ', 'báo cáo Chính phủ', 'Thủ tướng Chính phủ', 'e-Cabinet'],
    ensureRelated: false,
    reason:
      '“{platform}” phục vụ công việc của Chính phủ, Thủ tướng Chính phủ; hệ thống tương ứng phục vụ UBND tỉnh là hệ thống cấp tỉnh, cần kết nối, liên thông với hệ thống này chứ không thay thế nó.',
  },
  {
    id: 'operations-centre',
    proposal: [
      'IOC',
      'điều hành thông minh',
      'giám sát, điều hành',
      'trung tâm điều hành',
      'đô thị thông minh',
    ],
    except: ['an ninh mạng', 'an toàn thông tin', 'SOC'],
    platform: [],
    ensureRelated: false,
    reason:
      'Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh tổng hợp dữ liệu địa phương để chỉ đạo, điều hành; đây là hệ thống cấp tỉnh, nên khai thác dữ liệu từ “{platform}” chứ không trùng lặp.',
  },
  {
    id: 'official-email',
    proposal: ['thư điện tử công vụ', 'thư công vụ', 'email công vụ', 'hộp thư công vụ'],
    platform: ['tiếp nhận thông báo'],
    ensureRelated: false,
    reason:
      'Thư điện tử công vụ của tỉnh phục vụ cán bộ, công chức trao đổi công việc; “{platform}” dùng để tiếp nhận thông báo do cơ quan nhà nước gửi đến: khác mục đích.',
  },
  {
    id: 'thematic-map',
    proposal: ['bản đồ', 'GIS', 'hệ thống thông tin địa lý'],
    except: ['bản đồ số', 'bản đồ nền', 'bản đồ điện tử', 'bản đồ dùng chung'],
    platform: ['bản đồ số'],
    ensureRelated: false,
    reason:
      'Bản đồ chuyên đề của tỉnh (một lớp dữ liệu trên bản đồ) là hệ thống riêng của ngành, địa phương; nên dùng “{platform}” làm bản đồ nền thay vì xây dựng bản đồ nền riêng.',
  },
  {
    id: 'data-centre',
    proposal: ['trung tâm dữ liệu'],
    except: ['điện toán đám mây'],
    platform: ['trung tâm dữ liệu quốc gia', 'điện toán đám mây'],
    ensureRelated: false,
    reason:
      'Trung tâm dữ liệu của tỉnh là hạ tầng cấp tỉnh; nên cân nhắc dùng “{platform}” cho các hệ thống có thể đặt trên hạ tầng dùng chung và kết nối với Trung tâm dữ liệu quốc gia.',
  },
];

export const DEFAULT_OVERLAP_RULES: OverlapRules = {
  overlapThreshold: 0.5,
  relatedThreshold: 0.3,
  counterparts: DEFAULT_COUNTERPARTS,
  evidence: {
    name: { name: 1, alias: 1, function: 0.85, description: 0.6 },
    // "… (SOC)", "… (chatbot)": the short name the proposal gives itself in brackets.
    alias: { name: 0.9, alias: 0.95, function: 0.8, description: 0.5 },
    // "Hệ thống họp trực tuyến và phòng họp không giấy": each half of a name joined by "và".
    component: { name: 0.95, alias: 0.95, function: 0.85, description: 0.55 },
    function: { name: 0.95, alias: 0.95, function: 0.85, description: 0.55 },
    data: { name: 0.85, alias: 0.85, function: 0.75, description: 0.5 },
    description: { name: 0.8, alias: 0.8, function: 0.7, description: 0.5 },
  },
  corroboration: 0.3,
  integrationMarkers: [
    'kết nối với',
    'kết nối đến',
    'kết nối tới',
    'kết nối vào',
    'tích hợp với',
    'tích hợp vào',
    'liên thông với',
    'đồng bộ với',
    'sử dụng',
    'khai thác',
    'thông qua',
    'đăng nhập bằng',
    'đăng nhập qua',
    'xác thực qua',
    'xác thực bằng',
    'tận dụng',
    'dựa trên',
    'bằng tài khoản',
    'qua nền tảng',
    'qua hệ thống',
    'qua ứng dụng',
    'gửi lên',
    'cung cấp dữ liệu cho',
    'lấy dữ liệu từ',
  ],
  mentionMarkers: [
    'qua',
    'bằng',
    'với',
    'từ',
    'vào',
    'lên',
    'trên',
    'kết nối',
    'tích hợp',
    'liên thông',
    'đồng bộ',
    'sử dụng',
    'khai thác',
    'dùng',
    'gửi',
    'nhận',
    'tra cứu',
  ],
  notForReuse: 'related',
  maxCandidates: 30,
  maxMatches: 10,
  duplicateThreshold: 0.5,
};

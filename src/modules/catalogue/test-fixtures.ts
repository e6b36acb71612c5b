/**
 * A small catalogue in the format of docs/catalogue-format.md for the catalogue's tests. Its fields
 * and codes are its own (TN = thử nghiệm), so that filtering by them leaves the demo catalogue out.
 */
export const HA_LONG = '000.20.01.H40';
export const BAI_CHAY = '000.20.02.H40';
export const JUSTICE = '000.00.11.H40';
export const LAND = '000.00.12.H40';

export const FIELDS = [
  { code: 'TN_HO_TICH', name: 'Hộ tịch (thử nghiệm)', nameEn: 'Civil status (test)' },
  { code: 'TN_DAT_DAI', name: 'Đất đai (thử nghiệm)', nameEn: 'Land (test)' },
];

type Entry = Record<string, unknown>;

const communeProcess = [
  { name: 'Tiếp nhận, kiểm tra hồ sơ', unit: 'MC', role: 'reception', duration: { value: 2, unit: 'working_hours' } },
  { name: 'Thẩm định hồ sơ', unit: 'VHXH', role: 'specialist', duration: { value: 1, unit: 'working_days' } },
  { name: 'Ký duyệt', unit: 'LD', role: 'agency_leader', duration: { value: 4, unit: 'working_hours' } },
  { name: 'Trả kết quả', unit: 'MC', role: 'reception', duration: { value: 2, unit: 'working_hours' } },
];

/** A valid commune-level civil-status procedure; `over` replaces any of its keys. */
export function entry(code: string, name: string, over: Entry = {}): Entry {
  return {
    code,
    name,
    field: 'TN_HO_TICH',
    level: 'commune',
    resultAgency: 'UBND cấp xã',
    resultType: 'Giấy xác nhận',
    deadline: { value: 3, unit: 'working_days' },
    reducedDeadline: { value: 2, unit: 'working_days' },
    fees: [{ name: 'Lệ phí', amount: 8000, note: null }],
    components: [
      { name: 'Tờ khai theo mẫu', originals: 1, copies: 0, required: true, template: 'Mẫu 01' },
      { name: 'Giấy tờ chứng minh nơi cư trú', originals: 0, copies: 1, required: false, template: null },
    ],
    requirements: null,
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    channels: ['direct', 'online'],
    onlineLevel: 'full',
    clockOnResume: 'restart',
    process: communeProcess,
    decision: { number: '100/QĐ-UBND', date: '2025-06-20', type: 'new', effectiveFrom: '2025-07-01' },
    ...over,
  };
}

/** The land procedure of the Department of Agriculture and Environment, with a liên thông step in a ward. */
export function landEntry(code: string, name: string, over: Entry = {}): Entry {
  return entry(code, name, {
    field: 'TN_DAT_DAI',
    level: 'province',
    agencies: [LAND],
    resultAgency: 'Sở Nông nghiệp và Môi trường',
    deadline: { value: 10, unit: 'working_days' },
    reducedDeadline: null,
    fees: [{ name: 'Lệ phí cấp giấy chứng nhận', amount: 100000, note: 'Theo Nghị quyết HĐND tỉnh' }],
    channels: ['direct', 'postal'],
    onlineLevel: 'none',
    clockOnResume: 'resume',
    process: [
      { name: 'Tiếp nhận hồ sơ', unit: 'MC', role: 'reception', duration: { value: 4, unit: 'working_hours' } },
      { name: 'Thẩm định', unit: 'P1', role: 'specialist', duration: { value: 5, unit: 'working_days' } },
      {
        name: 'Xác nhận hiện trạng tại phường',
        unit: 'KT',
        role: 'specialist',
        agency: HA_LONG,
        duration: { value: 2, unit: 'working_days' },
      },
      { name: 'Ký duyệt', unit: 'LD', role: 'agency_leader', duration: { value: 1, unit: 'working_days' } },
      { name: 'Trả kết quả', unit: 'MC', role: 'reception', duration: { value: 4, unit: 'working_hours' } },
    ],
    ...over,
  });
}

/** Four procedures whose names all contain "khai sinh", plus kết hôn, khai tử and two land procedures. */
export function fixtureCatalogue(): { fields: typeof FIELDS; procedures: Entry[] } {
  return {
    fields: FIELDS,
    procedures: [
      entry('TN.001', 'Đăng ký khai sinh có yếu tố nước ngoài'),
      entry('TN.002', 'Đăng ký lại khai sinh'),
      entry('TN.003', 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con'),
      entry('TN.004', 'Đăng ký khai sinh'),
      entry('TN.005', 'Đăng ký kết hôn', { agencies: [HA_LONG] }),
      entry('TN.006', 'Đăng ký khai tử', { channels: ['direct'], onlineLevel: 'none', fees: [] }),
      landEntry('TN.101', 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu'),
      landEntry('TN.102', 'Đính chính Giấy chứng nhận đã cấp'),
    ],
  };
}

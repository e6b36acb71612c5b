import type { Random } from './random';

/** Applicants of generated dossiers: Vietnamese names, valid personal ID numbers and mobile numbers. */
export type GenApplicant = { fullName: string; idNumber: string; phone: string };

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Vũ',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Lý',
];
const FAMILY_WEIGHT = [38, 11, 9.5, 7, 5.1, 4, 3.9, 3, 2.5, 2, 2, 2, 1.4, 1.3, 1.3, 1, 0.5];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quang', 'Thu', 'Xuân', 'Hoài', 'Kim'];
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Chi',
  'Cường',
  'Dũng',
  'Dung',
  'Duy',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiền',
  'Hoa',
  'Hùng',
  'Huy',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngọc',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Việt',
  'Yến',
];
const MOBILE_PREFIXES = [
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '070',
  '076',
  '077',
  '078',
  '079',
  '081',
  '083',
  '084',
  '085',
  '086',
  '088',
  '089',
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
];
/** Birth registration codes: Quảng Ninh (022) mostly, neighbouring provinces sometimes. */
const BIRTH_PROVINCES = ['022', '022', '022', '022', '031', '030', '001', '024'];

const digits = (rng: Random, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

export function applicant(rng: Random, receivedYear: number): GenApplicant {
  const family = rng.weighted(
    FAMILY.map((f, i) => [f, FAMILY_WEIGHT[i]] as const),
    ([, w]) => w,
  )[0];
  const fullName = `${family} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
  const birthYear = rng.int(1950, Math.min(2007, receivedYear - 18));
  const centurySex = (birthYear >= 2000 ? 2 : 0) + rng.int(0, 1);
  const idNumber = `${rng.pick(BIRTH_PROVINCES)}${centurySex}${String(birthYear % 100).padStart(2, '0')}${digits(rng, 6)}`;
  return { fullName, idNumber, phone: `${rng.pick(MOBILE_PREFIXES)}${digits(rng, 7)}` };
}

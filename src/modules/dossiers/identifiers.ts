/**
 * Identifiers an applicant gives at intake: the personal ID number (số định danh cá nhân, on the CCCD),
 * the tax code of an organisation (mã số thuế) and a Vietnamese phone number. Pure checks, no I/O.
 */

/**
 * Province codes of the place of birth registration (Circular 07/2016/TT-BCA, annex 1): the 63 provinces
 * as they were when the numbers were issued; the numbers themselves never change.
 */
const BIRTH_PROVINCE_CODES = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45,
    46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92,
    93, 94, 95, 96,
  ].map((n) => String(n).padStart(3, '0')),
);

export type IdCheck = { ok: true } | { ok: false; vi: string; en: string };

const ok: IdCheck = { ok: true };
const bad = (vi: string, en: string): IdCheck => ({ ok: false, vi, en });

/**
 * A 12-digit personal ID number (Decree 137/2015, art. 13): 3 digits for the province of birth
 * registration, 1 for century and sex (0/1 born 1900–1999, 2/3 born 2000–2099, …), 2 for the year of
 * birth, 6 random digits. A birth year after `today` is impossible.
 */
export function checkPersonalId(id: string, today: Date): IdCheck {
  if (!/^\d{12}$/.test(id))
    return bad('Số định danh cá nhân phải gồm đúng 12 chữ số', 'The ID number must be 12 digits');
  if (!BIRTH_PROVINCE_CODES.has(id.slice(0, 3))) {
    return bad(
      `Mã tỉnh nơi đăng ký khai sinh "${id.slice(0, 3)}" không tồn tại`,
      `No province has the birth registration code "${id.slice(0, 3)}"`,
    );
  }
  const century = Math.floor(Number(id[3]) / 2);
  const birthYear = 1900 + century * 100 + Number(id.slice(4, 6));
  if (birthYear > today.getUTCFullYear()) {
    return bad(
      `Năm sinh ${birthYear} trong số định danh cá nhân chưa đến`,
      `The birth year ${birthYear} in the ID number is in the future`,
    );
  }
  return ok;
}

/** Weights of the check digit (the 10th) of a tax code over its first 9 digits. */
const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** A tax code: 10 digits, or 10 digits, a dash and a 3-digit branch suffix (001–999); the 10th is a check digit. */
export function checkTaxCode(code: string): IdCheck {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!m) {
    return bad(
      'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu "-" và 3 chữ số của đơn vị phụ thuộc',
      'A tax code is 10 digits, or 10 digits, a dash and a 3-digit branch suffix',
    );
  }
  if (m[2] === '000') return bad('Mã đơn vị phụ thuộc không thể là 000', 'The branch suffix cannot be 000');
  const digits = [...m[1]].map(Number);
  const remainder = TAX_WEIGHTS.reduce((sum, w, i) => sum + w * digits[i], 0) % 11;
  // A remainder of 0 would need the check digit 10: no such code is issued.
  if (remainder === 0 || 10 - remainder !== digits[9]) {
    return bad('Mã số thuế sai chữ số kiểm tra', 'The tax code check digit is wrong');
  }
  return ok;
}

/**
 * A Vietnamese phone number in its national form, or null when it is none. Mobiles have 10 digits
 * starting 03, 05, 07, 08, 09 (since the 2018 renumbering); landlines 11 digits starting 02 (area code
 * 02xx). `+84`/`84` becomes `0`; spaces, dots, dashes and brackets are ignored.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  const national = compact.replace(/^\+?84(?=[1-9]\d{8,9}$)/, '0');
  if (/^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national)) return national;
  return null;
}

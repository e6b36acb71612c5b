import { AppError } from '../../shared/errors';
import { RULE_SETS, type RuleSet } from '../dossiers/rules';

/**
 * The printed forms; the route names them so (`/forms/receipt.pdf`). A rule set has a subset of
 * them: the stop notice exists only in Circular 03/2025/TT-VPCP.
 */
export const FORM_KINDS = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
  'control-sheet',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

type FormSpec = { number: string; title: string };

/** The words of a new appointment, which the two circulars name differently. */
type Wording = {
  /** The apology's closing offer, followed by the new time: "… xin lỗi Ông/Bà và <offer>:". */
  apologyOffer: string;
  /** The control sheet's label for the appointment in force once it moved. */
  movedDueAt: string;
  /** The apology as an event of the history, a message's subject and the new time's label in it. */
  apology: { action: Bilingual; subject: Bilingual; newDueAt: Bilingual };
};

type Bilingual = { vi: string; en: string };

type RuleSetForms = {
  /** The circular that issues the forms. */
  circular: string;
  /** What the footer says the form is issued with. */
  basis: string;
  /** The decree the forms cite ("Căn cứ …"). */
  decree: string;
  /** The forms of the rule set, in the order of their numbers. */
  forms: Partial<Record<FormKind, FormSpec>>;
  wording: Wording;
};

/** Mẫu 01–03, the same in both circulars. */
const DESK_FORMS: RuleSetForms['forms'] = {
  receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
  'supplement-request': { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
  refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
};

/** Circular 01/2018/TT-VPCP, Mẫu 01–05 (Mẫu 06, the desk's tracking book, is not a dossier's form). */
const CIRCULAR_01_2018: RuleSetForms['forms'] = {
  ...DESK_FORMS,
  apology: { number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
  'control-sheet': { number: '05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
};

/**
 * Circular 03/2025/TT-VPCP, Phụ lục I, Mẫu 01–06: the apology becomes a request to extend the time,
 * a notice of stopping is added, the control sheet moves to Mẫu 06 (Mẫu 07, the desk's tracking
 * book, is not a dossier's form).
 */
const CIRCULAR_03_2025: RuleSetForms['forms'] = {
  ...DESK_FORMS,
  apology: { number: '04', title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' },
  'stop-notice': { number: '05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' },
  'control-sheet': { number: '06', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
};

/** A dossier is printed on the forms of the rule set it was received under (domain.md). */
export const RULE_SET_FORMS: Record<RuleSet, RuleSetForms> = {
  nd61_2018: {
    circular: 'Thông tư số 01/2018/TT-VPCP',
    basis: 'Thông tư số 01/2018/TT-VPCP',
    decree: 'Nghị định số 61/2018/NĐ-CP của Chính phủ (sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP)',
    forms: CIRCULAR_01_2018,
    wording: {
      apologyOffer: 'hẹn lại ngày trả kết quả',
      movedDueAt: 'Hẹn lại ngày trả kết quả',
      apology: {
        action: { vi: 'Xin lỗi, hẹn lại ngày trả kết quả', en: 'Apologise with a new appointment' },
        subject: { vi: 'thư xin lỗi và hẹn lại ngày trả kết quả', en: 'apology and new appointment' },
        newDueAt: { vi: 'Ngày hẹn trả kết quả mới', en: 'New appointment' },
      },
    },
  },
  nd118_2025: {
    circular: 'Thông tư số 03/2025/TT-VPCP',
    basis: 'Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
    decree: 'Nghị định số 118/2025/NĐ-CP của Chính phủ',
    forms: CIRCULAR_03_2025,
    wording: {
      apologyOffer: 'đề nghị gia hạn thời gian giải quyết hồ sơ đến',
      movedDueAt: 'Gia hạn thời gian giải quyết đến',
      apology: {
        action: { vi: 'Xin lỗi, đề nghị gia hạn thời gian giải quyết', en: 'Apologise and extend the time' },
        subject: {
          vi: 'thư xin lỗi và đề nghị gia hạn thời gian giải quyết',
          en: 'apology and extension of the time',
        },
        newDueAt: { vi: 'Thời gian giải quyết được gia hạn đến', en: 'Time extended to' },
      },
    },
  },
};

/** An event's name in the history: the apology is named as the dossier's rule set names it. */
export function eventActionName(action: string, ruleSet: string): Bilingual | undefined {
  return action === 'apologize' ? ruleSetForms(ruleSet).wording.apology.action : undefined;
}

export function ruleSetForms(ruleSet: string): RuleSetForms {
  const known = RULE_SETS.find((r) => r === ruleSet);
  if (!known) throw new Error(`unknown rule set ${ruleSet}`);
  return RULE_SET_FORMS[known];
}

/** The number and title of `form` in the dossier's rule set, or null when the rule set has no such form. */
export function findFormSpec(ruleSet: string, form: FormKind): FormSpec | null {
  return ruleSetForms(ruleSet).forms[form] ?? null;
}

/** The number and title of `form`; a form the rule set does not have (a stop notice of 2018) is a 409. */
export function formSpec(ruleSet: string, form: FormKind): FormSpec {
  const spec = findFormSpec(ruleSet, form);
  if (spec) return spec;
  const r = ruleSetForms(ruleSet);
  // Named as the rule set that has it names it: "thông báo dừng giải quyết hồ sơ (Mẫu số 05 …)".
  const other = RULE_SETS.flatMap((s) => {
    const spec = RULE_SET_FORMS[s].forms[form];
    return spec
      ? [`${spec.title.toLocaleLowerCase('vi')} (Mẫu số ${spec.number} của ${RULE_SET_FORMS[s].circular})`]
      : [];
  });
  const name = other[0] ?? form;
  throw new AppError(
    'FORM_NOT_IN_RULE_SET',
    409,
    `Hồ sơ tiếp nhận theo ${r.decree} không có ${name}`,
    `A dossier received under the rule set ${ruleSet} has no such form (${form})`,
    'form',
  );
}

/** "Mẫu số 01 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP". */
export function footerLine(ruleSet: string, form: FormKind): string {
  return `Mẫu số ${formSpec(ruleSet, form).number} — Ban hành kèm theo ${ruleSetForms(ruleSet).basis}`;
}

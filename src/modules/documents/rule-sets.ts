import { RULE_SETS, type RuleSet } from '../dossiers/rules';

/** The printed forms; the route names them so (`/forms/receipt.pdf`). */
export const FORM_KINDS = ['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

type FormSpec = { number: string; title: string };
type RuleSetForms = {
  /** What the footer says the form is issued with. */
  basis: string;
  /** The decree the forms cite ("Căn cứ …"). */
  decree: string;
  forms: Record<FormKind, FormSpec>;
};

/** Circular 01/2018/TT-VPCP, Mẫu 01–05. */
const CIRCULAR_01_2018: Record<FormKind, FormSpec> = {
  receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
  'supplement-request': { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
  refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
  apology: { number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
  'control-sheet': { number: '05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
};

/**
 * A dossier is printed on the forms of the rule set it was received under (domain.md). Dossiers of
 * Decree 118/2025/NĐ-CP use the 2018 layouts for now, numbered and cited as their own rule set's.
 */
export const RULE_SET_FORMS: Record<RuleSet, RuleSetForms> = {
  nd61_2018: {
    basis: 'Thông tư số 01/2018/TT-VPCP',
    decree: 'Nghị định số 61/2018/NĐ-CP của Chính phủ (sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP)',
    forms: CIRCULAR_01_2018,
  },
  nd118_2025: {
    basis: 'Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
    decree: 'Nghị định số 118/2025/NĐ-CP của Chính phủ',
    forms: CIRCULAR_01_2018,
  },
};

export function ruleSetForms(ruleSet: string): RuleSetForms {
  const known = RULE_SETS.find((r) => r === ruleSet);
  if (!known) throw new Error(`unknown rule set ${ruleSet}`);
  return RULE_SET_FORMS[known];
}

/** "Mẫu số 01 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP". */
export function footerLine(ruleSet: string, form: FormKind): string {
  const r = ruleSetForms(ruleSet);
  return `Mẫu số ${r.forms[form].number} — Ban hành kèm theo ${r.basis}`;
}

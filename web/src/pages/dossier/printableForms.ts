import type { HistoryEvent } from '../../api/dossiers';

/** The forms of Circular 01/2018/TT-VPCP the server prints (src/modules/documents). */
export const FORM_KINDS = ['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** The history actions that issue each form; the control sheet exists once the dossier is received. */
const ISSUED_BY: Record<FormKind, readonly string[]> = {
  receipt: ['receive', 'accept'],
  'supplement-request': ['request_supplement', 'pause'],
  refusal: ['refuse'],
  apology: ['apologize'],
  'control-sheet': ['receive', 'accept'],
};

/** The forms a dossier has been issued, in the order of their numbers (Mẫu 01–05). */
export function printableForms(history: readonly Pick<HistoryEvent, 'action'>[]): FormKind[] {
  const actions = new Set(history.map((e) => e.action));
  return FORM_KINDS.filter((form) => ISSUED_BY[form].some((a) => actions.has(a)));
}

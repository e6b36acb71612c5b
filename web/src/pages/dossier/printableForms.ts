import type { HistoryEvent, RuleSet } from '../../api/dossiers';

/**
 * The forms the server prints (src/modules/documents), per rule set in the order of their numbers:
 * Circular 01/2018/TT-VPCP, Mẫu 01–05, for dossiers of Decree 61/2018; Circular 03/2025/TT-VPCP,
 * Mẫu 01–06 with the stop notice as Mẫu 05, for dossiers of Decree 118/2025.
 */
export const RULE_SET_FORMS = {
  nd61_2018: ['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet'],
  nd118_2025: ['receipt', 'supplement-request', 'refusal', 'apology', 'stop-notice', 'control-sheet'],
} as const satisfies Record<RuleSet, readonly string[]>;
export type FormKind = (typeof RULE_SET_FORMS)[RuleSet][number];

/** A form's number in its rule set ("06" for the control sheet of Circular 03/2025): its place in the list. */
export function formNumber<R extends RuleSet>(ruleSet: R, form: (typeof RULE_SET_FORMS)[R][number]): string {
  const forms: readonly string[] = RULE_SET_FORMS[ruleSet];
  return String(forms.indexOf(form) + 1).padStart(2, '0');
}

const RECEIVED = ['receive', 'accept'];

/**
 * The history that issues each form: every action listed in `any`, and all of `all`. The control
 * sheet exists once the dossier is received; the stop notice once a received dossier is withdrawn.
 */
const ISSUED_BY: Record<FormKind, { any: readonly string[]; all?: readonly string[] }> = {
  receipt: { any: RECEIVED },
  'supplement-request': { any: ['request_supplement', 'pause'] },
  refusal: { any: ['refuse'] },
  apology: { any: ['apologize'] },
  'stop-notice': { any: RECEIVED, all: ['withdraw'] },
  'control-sheet': { any: RECEIVED },
};

/** The forms of its rule set a dossier has been issued, in the order of their numbers. */
export function printableForms<R extends RuleSet>(
  ruleSet: R,
  history: readonly Pick<HistoryEvent, 'action'>[],
): (typeof RULE_SET_FORMS)[R][number][] {
  const actions = new Set(history.map((e) => e.action));
  const forms: readonly (typeof RULE_SET_FORMS)[R][number][] = RULE_SET_FORMS[ruleSet];
  return forms.filter((form) => {
    const issued = ISSUED_BY[form];
    return issued.any.some((a) => actions.has(a)) && (issued.all ?? []).every((a) => actions.has(a));
  });
}

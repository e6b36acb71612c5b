import type { Applicant, ApplicantKind } from '../../api/dossiers';
import type { Dictionary } from '../../i18n/vi';

/** The applicant as typed: every field a string, empty when not given. */
export type ApplicantForm = {
  kind: ApplicantKind;
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
};

export const emptyApplicant: ApplicantForm = {
  kind: 'person',
  fullName: '',
  idNumber: '',
  phone: '',
  email: '',
  address: '',
};

/** Error messages keyed by the API's field path (`applicant.idNumber`, `components`, …). */
export type FieldErrors = Record<string, string>;

/**
 * The format of the ID the applicant gives: 12 digits for a person (the server also checks the
 * province and birth-year digits), a tax code for an organisation. Null when it looks right.
 */
export function idNumberProblem(t: Dictionary, kind: ApplicantKind, idNumber: string): string | null {
  const id = idNumber.trim();
  if (!id) return t.desk.applicant.idRequired;
  if (kind === 'organisation') return /^\d{10}(-\d{3})?$/.test(id) ? null : t.desk.applicant.taxFormat;
  if (!/^\d*$/.test(id)) return t.desk.applicant.idOnlyDigits;
  return id.length === 12 ? null : t.desk.applicant.idDigits(id.length);
}

/** A complete-looking ID, worth searching earlier dossiers for. */
export function isCompleteId(kind: ApplicantKind, idNumber: string): boolean {
  return kind === 'organisation' ? /^\d{10}(-\d{3})?$/.test(idNumber) : /^\d{12}$/.test(idNumber);
}

export function applicantErrors(t: Dictionary, a: ApplicantForm): FieldErrors {
  const errors: FieldErrors = {};
  const id = idNumberProblem(t, a.kind, a.idNumber);
  if (id) errors['applicant.idNumber'] = id;
  if (!a.fullName.trim()) errors['applicant.fullName'] = t.desk.applicant.nameRequired;
  return errors;
}

const orNull = (s: string) => s.trim() || null;

export function toApplicant(a: ApplicantForm): Applicant {
  return {
    kind: a.kind,
    fullName: a.fullName.trim(),
    idNumber: a.idNumber.trim(),
    phone: orNull(a.phone),
    email: orNull(a.email),
    address: orNull(a.address),
  };
}

/** Fills the fields still empty from an earlier dossier of the same applicant; typed values win. */
export function fillBlanks(form: ApplicantForm, earlier: Applicant): ApplicantForm {
  const pick = (mine: string, theirs: string | null) => (mine.trim() ? mine : (theirs ?? ''));
  return {
    ...form,
    fullName: pick(form.fullName, earlier.fullName),
    phone: pick(form.phone, earlier.phone),
    email: pick(form.email, earlier.email),
    address: pick(form.address, earlier.address),
  };
}

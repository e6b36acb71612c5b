import { useEffect, useState, type Dispatch, type Ref, type SetStateAction } from 'react';
import { useI18n } from '../../i18n/i18n';
import { fetchDossier, searchDossiers } from '../../api/dossiers';
import type { ApplicantKind } from '../../api/dossiers';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Status';
import { fillBlanks, idNumberProblem, isCompleteId, type ApplicantForm, type FieldErrors } from './applicant';

type Props = {
  value: ApplicantForm;
  onChange: Dispatch<SetStateAction<ApplicantForm>>;
  /** Errors by API field path; the user's edit of a field clears its error. */
  errors: FieldErrors;
  clearError: (field: string) => void;
  idRef?: Ref<HTMLInputElement>;
  /** The applicants fill in their own data: let the browser offer what it remembers of them. */
  selfService?: boolean;
};

type TextKey = 'fullName' | 'phone' | 'email' | 'address';

/**
 * The applicant's identity and contacts. A complete ID number is looked up among the dossiers the
 * user may see: a returning applicant's name and contacts fill the fields still empty.
 */
export function ApplicantFields({ value, onChange, errors, clearError, idRef, selfService = false }: Props) {
  const { t } = useI18n();
  const s = t.desk.applicant;
  const [idTouched, setIdTouched] = useState(false);
  const [looking, setLooking] = useState(false);
  const [returningCode, setReturningCode] = useState<string | null>(null);
  const { kind, idNumber } = value;

  useEffect(() => {
    setReturningCode(null);
    if (!isCompleteId(kind, idNumber)) return;
    const controller = new AbortController();
    setLooking(true);
    searchDossiers({ idNumber, page: 1, pageSize: 1 }, controller.signal)
      .then(async (page) => {
        const latest = page.items[0];
        if (!latest) return;
        const earlier = await fetchDossier(latest.code, controller.signal);
        if (controller.signal.aborted) return;
        onChange((form) => (form.idNumber === idNumber ? fillBlanks(form, earlier.applicant) : form));
        setReturningCode(latest.code);
      })
      // A failed lookup only means nothing is prefilled; the officer types the fields.
      .catch(() => undefined)
      .finally(() => !controller.signal.aborted && setLooking(false));
    return () => {
      controller.abort();
      setLooking(false);
    };
  }, [kind, idNumber]);

  const set = (key: TextKey | 'idNumber', text: string) => {
    onChange((form) => ({ ...form, [key]: text }));
    clearError(`applicant.${key}`);
  };
  const setKind = (next: ApplicantKind) => {
    onChange((form) => ({ ...form, kind: next }));
    clearError('applicant.idNumber');
  };

  const idError =
    errors['applicant.idNumber'] ?? (idTouched && idNumber ? idNumberProblem(t, kind, idNumber) : null) ?? null;
  const text = (key: TextKey, label: string, type: string, autoComplete: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      error={errors[`applicant.${key}`]}
      required={key === 'fullName'}
      className={key === 'address' ? 'field-wide' : undefined}
    >
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete={selfService ? autoComplete : 'off'}
          value={value[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <fieldset className="radio-group radio-inline">
        <legend>{s.kind}</legend>
        {(['person', 'organisation'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="applicant-kind" checked={kind === k} onChange={() => setKind(k)} />
            {s[k]}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <Field
          label={kind === 'person' ? s.idNumber : s.taxCode}
          hint={kind === 'person' ? s.idNumberHint : s.taxCodeHint}
          error={idError}
          required
        >
          {(control) => (
            <input
              {...control}
              ref={idRef}
              inputMode={kind === 'person' ? 'numeric' : 'text'}
              autoComplete="off"
              maxLength={kind === 'person' ? 12 : 14}
              value={idNumber}
              onChange={(e) => set('idNumber', e.target.value.trim())}
              onBlur={() => setIdTouched(true)}
            />
          )}
        </Field>
        {text('fullName', kind === 'person' ? s.fullName : s.organisationName, 'text', 'name')}
        {text('phone', s.phone, 'tel', 'tel', s.phoneHint)}
        {text('email', s.email, 'email', 'email')}
        {text('address', s.address, 'text', 'street-address')}
      </div>
      {looking && <Loading label={s.looking} />}
      {returningCode && !looking && (
        <p className="status status-info" role="status">
          {s.returning(returningCode)}
        </p>
      )}
    </>
  );
}

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchAgencies } from '../../api/catalogue';
import { createDossier, fetchIntakeProcedure, newIdempotencyKey } from '../../api/dossiers';
import type { ProcedureSummary } from '../../api/types';
import { formatDuration } from '../../lib/format';
import { nameOf } from '../../lib/labels';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { FeeTable } from '../dossier/FeeTable';
import { errorField, focusFirstInvalid } from '../dossier/fieldErrors';
import { ApplicantFields } from './ApplicantFields';
import { ProcedurePicker } from './ProcedurePicker';
import { ReceivedComponents, missingRequired, type Counts } from './ReceivedComponents';
import { applicantErrors, emptyApplicant, toApplicant, type FieldErrors } from './applicant';

const DESK_CHANNELS = ['direct', 'postal'] as const;
type DeskChannel = (typeof DESK_CHANNELS)[number];
const FIELDS = [
  'agency',
  'procedure',
  'channel',
  'components',
  'applicant.kind',
  'applicant.fullName',
  'applicant.idNumber',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
];

/** A direct or postal intake at the desk, built for the keyboard: a simple dossier in under a minute. */
export function IntakePage() {
  const { t, lang, errorText } = useI18n();
  const s = t.desk.intake;
  useDocumentTitle(s.title);
  const { user } = useSession();
  const navigate = useNavigate();
  const agencies = useAsync(() => fetchAgencies(), []);
  const deskAgencies = [...new Set(user?.roles.filter((g) => g.role === 'reception').map((g) => g.agency))];
  const [agency, setAgency] = useState(deskAgencies[0] ?? '');
  const [picked, setPicked] = useState<ProcedureSummary | null>(null);
  const procedure = useAsync(
    (signal) => (picked ? fetchIntakeProcedure(picked.code, signal) : Promise.resolve(null)),
    [picked?.code],
  );
  const [applicant, setApplicant] = useState(emptyApplicant);
  const [counts, setCounts] = useState<Counts>({});
  const [channel, setChannel] = useState<DeskChannel>('direct');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // One key per form: a retry of the same intake after a lost answer gets the same dossier back.
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);
  const procedureInput = useRef<HTMLInputElement>(null);
  const idInput = useRef<HTMLInputElement>(null);

  // After the layout has moved focus to the new page: straight into the procedure search.
  useEffect(() => {
    const frame = requestAnimationFrame(() => procedureInput.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const p = procedure.data && procedure.data.code === picked?.code ? procedure.data : null;
  const channels = DESK_CHANNELS.filter((c) => p?.channels.includes(c));
  useEffect(() => {
    setCounts({});
    if (!p) return;
    setChannel(channels[0] ?? 'direct');
    idInput.current?.focus();
  }, [p?.code]);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt]);

  const clearError = (field: string) =>
    setErrors((prev) => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });

  const missing = p ? missingRequired(p.components, counts) : [];
  const onSubmit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const found: FieldErrors = applicantErrors(t, applicant);
    if (!p) found.procedure = s.pickProcedure;
    else if (missing.length > 0) found.components = s.missing(missing.map((c) => c.name).join('; '));
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || !p) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const components = Object.entries(counts).map(([id, c]) => ({ componentId: Number(id), ...c }));
      const body = { procedure: p.code, agency, channel, applicant: toApplicant(applicant), components };
      const created = await createDossier(body, key.current);
      navigate(paths.receipt(created.code), { state: { created: true } });
    } catch (err) {
      const field = errorField(err, FIELDS);
      if (field) setErrors({ [field]: errorText(err) });
      else setFailure(err);
      setBusy(false);
      setAttempt((n) => n + 1);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void onSubmit();
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <p className="back-link">
        <Link to={paths.desk}>
          <span aria-hidden="true">← </span>
          {t.desk.queue.title}
        </Link>
      </p>
      <h1>{s.title}</h1>
      <p className="lead">{s.keyboardHint}</p>
      <form ref={form} className="card form intake-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
        {hasErrors && (
          <p className="status status-error" role="alert">
            {s.fixErrors}
          </p>
        )}
        {failure !== null && <ErrorMessage error={failure} />}
        <div className="form-grid">
          <Field label={s.agency} error={errors.agency}>
            {(control) => (
              <select {...control} value={agency} onChange={(e) => setAgency(e.target.value)}>
                {deskAgencies.map((code) => (
                  <option key={code} value={code}>
                    {nameOf(agencies.data, code, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ProcedurePicker
            label={s.procedure}
            hint={s.procedureHint}
            placeholder={s.procedurePlaceholder}
            required
            agency={agency}
            value={picked}
            onChange={(next) => {
              setPicked(next);
              clearError('procedure');
            }}
            error={errors.procedure}
            inputRef={procedureInput}
          />
        </div>
        {procedure.loading && picked && <Loading />}
        {procedure.error !== null && !procedure.loading && (
          <ErrorMessage error={procedure.error} onRetry={procedure.reload} />
        )}
        {p && (
          <p className="intake-procedure">
            <span className="code">{p.code}</span> · {p.field.name} · {s.deadline}:{' '}
            {formatDuration(t, p.effectiveDeadline)}
          </p>
        )}

        <h2 className="form-section">{s.applicant}</h2>
        <ApplicantFields
          value={applicant}
          onChange={setApplicant}
          errors={errors}
          clearError={clearError}
          idRef={idInput}
        />

        {p && (
          <>
            <ReceivedComponents
              legend={s.components}
              components={p.components}
              value={counts}
              onChange={(update) => {
                setCounts(update);
                clearError('components');
              }}
              error={errors.components}
              invalid={errors.components ? new Set(missing.map((c) => c.id)) : undefined}
            />
            <h2 className="form-section">{s.fees}</h2>
            <FeeTable fees={p.fees} caption={s.fees} />
            {channels.length === 0 ? (
              <p className="status status-error">{s.notAtDesk}</p>
            ) : (
              <fieldset className="radio-group radio-inline">
                <legend>{s.channel}</legend>
                {channels.map((c) => (
                  <label key={c}>
                    <input type="radio" name="channel" checked={channel === c} onChange={() => setChannel(c)} />
                    {t.procedure.channel[c]}
                  </label>
                ))}
              </fieldset>
            )}
          </>
        )}
        <div className="form-actions">
          <Button type="submit" busy={busy} disabled={!!p && channels.length === 0}>
            {busy ? s.submitting : s.submit}
          </Button>
        </div>
      </form>
    </>
  );
}

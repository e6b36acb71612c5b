import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { hasAnyRole, useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import {
  createDossier,
  fetchDossier,
  fetchIntakeProcedure,
  newIdempotencyKey,
  searchDossiers,
  type IntakeProcedure,
} from '../../api/dossiers';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { ApplicantFields } from '../desk/ApplicantFields';
import { applicantErrors, emptyApplicant, fillBlanks, toApplicant, type FieldErrors } from '../desk/applicant';
import { FeeTable } from '../dossier/FeeTable';
import { errorField, focusFirstInvalid } from '../dossier/fieldErrors';
import { FileUploads, uploadedComponents, uploading, type Uploads } from './FileUploads';
import { SubmittedNotice } from './SubmittedNotice';

const FIELDS = [
  'agency',
  'components',
  'applicant.fullName',
  'applicant.idNumber',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
];

/** Online submission from a procedure's page, for a signed-in citizen. */
export function SubmitPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const s = t.citizen.submit;
  useDocumentTitle(s.title);
  const { user } = useSession();
  const procedure = useAsync((signal) => fetchIntakeProcedure(code, signal), [code]);
  const p = procedure.data?.code === code ? procedure.data : undefined;

  let body: ReactNode = null;
  if (!hasAnyRole(user, ['citizen'])) body = <p className="status status-error">{s.citizenOnly}</p>;
  else if (p && !p.channels.includes('online')) body = <p className="status status-error">{s.notOnline}</p>;
  else if (p) body = <SubmitForm p={p} />;

  return (
    <>
      <p className="back-link">
        <Link to={paths.procedure(code)}>
          <span aria-hidden="true">← </span>
          {s.backToProcedure}
        </Link>
      </p>
      <h1>{s.title}</h1>
      {p && <p className="lead">{p.name}</p>}
      {procedure.loading && <Loading />}
      {procedure.error !== null && !procedure.loading && (
        <ErrorMessage error={procedure.error} onRetry={procedure.reload} />
      )}
      {body}
    </>
  );
}

function SubmitForm({ p }: { p: IntakeProcedure }) {
  const { t, errorText } = useI18n();
  const s = t.citizen.submit;
  const { user } = useSession();
  const agencies = p.agencies ?? [];
  const [agency, setAgency] = useState(agencies.length === 1 ? agencies[0].code : '');
  const [applicant, setApplicant] = useState({ ...emptyApplicant, fullName: user?.fullName ?? '' });
  const [uploads, setUploads] = useState<Uploads>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [componentErrors, setComponentErrors] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);

  // The citizen's latest dossier gives their ID and contacts; what they typed already stays.
  useEffect(() => {
    const controller = new AbortController();
    searchDossiers({ page: 1, pageSize: 1 }, controller.signal)
      .then(async (page) => {
        if (!page.items[0]) return;
        const { applicant: earlier } = await fetchDossier(page.items[0].code, controller.signal);
        setApplicant((a) => ({
          ...fillBlanks(a, earlier),
          idNumber: a.idNumber || earlier.idNumber,
          kind: earlier.kind,
        }));
      })
      // Without an earlier dossier (or its answer) the citizen simply types the fields.
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt]);

  const clearError = (field: string) =>
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== field)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found: FieldErrors = applicantErrors(t, applicant);
    if (!agency) found.agency = s.agencyRequired;
    const files: Record<number, string> = {};
    for (const c of p.components) {
      if (c.required && !(uploads[c.id] ?? []).some((u) => u.fileId !== null)) files[c.id] = s.fileRequired;
    }
    const waiting = uploading(uploads);
    if (waiting) found.components = s.waitUploads;
    setErrors(found);
    setComponentErrors(files);
    setFailure(null);
    if (Object.keys(found).length > 0 || Object.keys(files).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const components = uploadedComponents(p.components, uploads);
      const body = {
        procedure: p.code,
        agency,
        channel: 'online' as const,
        applicant: toApplicant(applicant),
        components,
      };
      setCreated((await createDossier(body, key.current)).code);
    } catch (err) {
      const field = errorField(err, FIELDS);
      if (field) setErrors({ [field]: errorText(err) });
      else setFailure(err);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (created) return <SubmittedNotice code={created} />;
  const hasErrors = Object.keys(errors).length > 0 || Object.keys(componentErrors).length > 0;
  return (
    <form ref={form} className="card form submit-form" onSubmit={onSubmit} noValidate>
      {hasErrors && (
        <p className="status status-error" role="alert">
          {s.fixErrors}
        </p>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      <Field label={s.agency} hint={s.agencyHint} error={errors.agency} required>
        {(control) => (
          <select
            {...control}
            value={agency}
            onChange={(e) => {
              setAgency(e.target.value);
              clearError('agency');
            }}
          >
            <option value="">{s.chooseAgency}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <h2 className="form-section">{s.applicant}</h2>
      <ApplicantFields value={applicant} onChange={setApplicant} errors={errors} clearError={clearError} selfService />
      <h2 className="form-section">{s.components}</h2>
      <p className="field-hint">{s.componentsHint}</p>
      {errors.components && <p className="field-error">{errors.components}</p>}
      <FileUploads
        components={p.components}
        value={uploads}
        onChange={(update) => {
          setUploads(update);
          setComponentErrors({});
        }}
        errors={componentErrors}
      />
      <h2 className="form-section">{s.fees}</h2>
      <FeeTable fees={p.fees} caption={s.fees} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {busy ? s.submitting : s.submit}
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { fetchAgencies } from '../../api/catalogue';
import { recordComplaint, submitComplaint, type ComplaintKind, type Submitted } from '../../api/feedback';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { errorField } from '../dossier/fieldErrors';

const FIELDS = ['agency', 'title', 'content', 'dossierCode', 'contact.fullName', 'contact.phone', 'contact.email'];

/**
 * /phan-anh: a complaint or suggestion from the portal, no login; the contact stays private. With
 * `atDesk` (/complaints/new) a reception officer records one brought to the desk, for their agencies.
 */
export function ComplaintFormPage({ atDesk = false }: { atDesk?: boolean }) {
  const { t, errorText } = useI18n();
  const s = t.feedback.complaint;
  const title = atDesk ? s.deskTitle : s.title;
  useDocumentTitle(title);
  const { user } = useSession();
  const own = new Set((user?.roles ?? []).filter((r) => r.role === 'reception').map((r) => r.agency));
  const agencies = useAsync(
    () => fetchAgencies().then((all) => (atDesk ? all.filter((a) => own.has(a.code)) : all)),
    [atDesk, user],
  );
  const [form, setForm] = useState({
    agency: '',
    kind: 'complaint' as ComplaintKind,
    title: '',
    content: '',
    dossierCode: '',
    fullName: '',
    phone: '',
    email: '',
  });
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<Submitted | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const required = (['agency', 'title', 'content', 'fullName'] as const).filter((k) => !form[k].trim());
    setMissing(required);
    if (required.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const send = atDesk ? recordComplaint : submitComplaint;
      setSent(
        await send({
          agency: form.agency,
          kind: form.kind,
          title: form.title.trim(),
          content: form.content.trim(),
          dossierCode: form.dossierCode.trim() || null,
          contact: {
            fullName: form.fullName.trim(),
            phone: form.phone.trim() || null,
            email: form.email.trim() || null,
          },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const wrong = errorField(error, FIELDS);
  const fieldError = (name: string, key: string) =>
    missing.includes(key) ? s.required : wrong === name ? errorText(error) : null;

  if (sent) {
    return (
      <div className="complaint-page">
        <h1>{title}</h1>
        <p className="status status-success" role="status">
          {s.sent(sent.code, formatDateTime(sent.dueAt))}
        </p>
        <p>
          {atDesk ? (
            <Link to={paths.complaints}>{t.feedback.staff.title}</Link>
          ) : (
            <Link to={paths.publishedComplaints}>{t.feedback.published.title}</Link>
          )}
        </p>
      </div>
    );
  }
  return (
    <div className="complaint-page">
      <h1>{title}</h1>
      <p className="lead">{s.intro}</p>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <Field label={s.agency} required error={fieldError('agency', 'agency')}>
          {(c) => (
            <select {...c} value={form.agency} onChange={set('agency')}>
              <option value="">{s.chooseAgency}</option>
              {agencies.data?.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{s.kind}</legend>
          {(['complaint', 'suggestion'] as const).map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={form.kind === k}
                onChange={() => setForm((f) => ({ ...f, kind: k }))}
              />{' '}
              {s.kinds[k]}
            </label>
          ))}
        </fieldset>
        <Field label={s.subject} required error={fieldError('title', 'title')}>
          {(c) => <input {...c} maxLength={200} value={form.title} onChange={set('title')} />}
        </Field>
        <Field label={s.content} required error={fieldError('content', 'content')}>
          {(c) => <textarea {...c} rows={6} maxLength={5000} value={form.content} onChange={set('content')} />}
        </Field>
        <Field label={s.dossierCode} error={fieldError('dossierCode', 'dossierCode')}>
          {(c) => <input {...c} value={form.dossierCode} onChange={set('dossierCode')} autoComplete="off" />}
        </Field>
        <fieldset>
          <legend>{s.contact}</legend>
          <p className="field-hint">{s.contactHint}</p>
          <Field label={s.fullName} required error={fieldError('contact.fullName', 'fullName')}>
            {(c) => <input {...c} value={form.fullName} onChange={set('fullName')} autoComplete="name" />}
          </Field>
          <Field label={s.phone} error={fieldError('contact.phone', 'phone')}>
            {(c) => <input {...c} type="tel" value={form.phone} onChange={set('phone')} autoComplete="tel" />}
          </Field>
          <Field label={s.email} error={fieldError('contact.email', 'email')}>
            {(c) => <input {...c} type="email" value={form.email} onChange={set('email')} autoComplete="email" />}
          </Field>
        </fieldset>
        {error !== null && wrong === null && (
          <p className="status status-error" role="alert">
            {errorText(error)}
          </p>
        )}
        <Button type="submit" busy={busy}>
          {s.submit}
        </Button>
      </form>
    </div>
  );
}

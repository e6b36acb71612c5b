import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ApiError } from '../../api/client';
import { fetchPublicDossier, type PublicDossier } from '../../api/dossiers';
import { formatDateTime } from '../../lib/datetime';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { Fact } from '../dossier/DossierSections';
import { StatusBadge } from '../dossier/StatusBadge';

/**
 * The public lookup (no login): /tra-cuu/<code> is what the receipt's QR code and the messages open.
 * It shows the status, dates and the holder, never personal data.
 */
export function LookupPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const s = t.citizen.lookup;
  useDocumentTitle(code ? s.result(code) : s.title);
  const navigate = useNavigate();
  const [text, setText] = useState(code);
  const [missing, setMissing] = useState(false);
  const result = useAsync((signal) => (code ? fetchPublicDossier(code, signal) : Promise.resolve(null)), [code]);

  // The back button changes the code in the URL: the field follows.
  useEffect(() => setText(code), [code]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const typed = text.trim();
    setMissing(!typed);
    if (typed) navigate(paths.lookupCode(typed));
  };

  const notFound = result.error instanceof ApiError && result.error.status === 404;
  return (
    <div className="lookup">
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <form role="search" className="card form lookup-form" onSubmit={onSubmit} noValidate>
        <div className="search-row">
          <Field label={s.code} hint={s.codeHint} error={missing ? s.codeRequired : null} className="search-field">
            {(control) => (
              <input
                {...control}
                value={text}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit">{s.submit}</Button>
        </div>
      </form>
      {code && result.loading && <Loading />}
      {notFound && !result.loading && (
        <p className="status status-error" role="alert">
          {s.notFound(code)}
        </p>
      )}
      {result.error !== null && !notFound && !result.loading && (
        <ErrorMessage error={result.error} onRetry={result.reload} />
      )}
      {result.data && !result.loading && <LookupResult d={result.data} />}
    </div>
  );
}

function LookupResult({ d }: { d: PublicDossier }) {
  const { t } = useI18n();
  const s = t.citizen.lookup;
  const time = (value: string | null) => (value ? formatDateTime(value) : s.notYet);
  return (
    <section className="card section lookup-result" aria-labelledby="lookup-result-title">
      <h2 id="lookup-result-title">{s.result(d.code)}</h2>
      <p className="lookup-status">
        <StatusBadge status={d.status} />
      </p>
      <p>{s.explain[d.status]}</p>
      <dl className="facts facts-grid">
        <Fact term={s.procedure}>{d.procedure}</Fact>
        <Fact term={s.receivedAt}>{time(d.receivedAt)}</Fact>
        <Fact term={s.dueAt}>{time(d.dueAt)}</Fact>
        <Fact term={s.resolvedAt}>{time(d.resolvedAt)}</Fact>
        <Fact term={s.holder}>{d.holder}</Fact>
      </dl>
      <p className="field-hint">{s.privacy}</p>
    </section>
  );
}

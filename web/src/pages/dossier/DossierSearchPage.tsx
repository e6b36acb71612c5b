import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchProcedure } from '../../api/catalogue';
import { searchDossiers, type DossierStatus } from '../../api/dossiers';
import type { ProcedureSummary } from '../../api/types';
import { formatDate, formatDateTime, parseDate } from '../../lib/datetime';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { ProcedurePicker } from '../desk/ProcedurePicker';
import { StatusBadge } from './StatusBadge';
import { DossierLink } from '../../components/DossierLink';

const PAGE_SIZE = 20;
const STATUSES: DossierStatus[] = [
  'submitted',
  'supplement_requested',
  'in_progress',
  'paused',
  'rejection_proposed',
  'resolved',
  'returned',
  'withdrawn',
  'refused',
];
const TEXT_FILTERS = ['code', 'name', 'idNumber'] as const;
type Form = Record<(typeof TEXT_FILTERS)[number] | 'status' | 'from' | 'to', string>;

const isStatus = (s: string): s is DossierStatus => (STATUSES as string[]).includes(s);

/** Staff search over the dossiers in their scope; the filters live in the URL. */
export function DossierSearchPage() {
  const { t } = useI18n();
  const s = t.dossier.search;
  useDocumentTitle(s.title);
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const rawStatus = get('status');
  const status: DossierStatus | '' = isStatus(rawStatus) ? rawStatus : '';
  const query = { code: get('code'), name: get('name'), idNumber: get('idNumber'), procedure: get('procedure') };

  const initial = (): Form => ({
    ...query,
    status,
    from: get('from') ? formatDate(get('from')) : '',
    to: get('to') ? formatDate(get('to')) : '',
  });
  const [form, setForm] = useState<Form>(initial);
  const [picked, setPicked] = useState<ProcedureSummary | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [dateErrors, setDateErrors] = useState<{ from?: string; to?: string }>({});

  // A procedure in the URL (a shared link, the back button) shows by its name once loaded.
  useEffect(() => {
    if (!query.procedure || picked?.code === query.procedure) return;
    const controller = new AbortController();
    fetchProcedure(query.procedure, controller.signal).then(
      (p) => {
        setPicked(p);
        setPickerKey((k) => k + 1);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [query.procedure]);

  const results = useAsync(
    (signal) =>
      searchDossiers({ ...query, status, from: get('from'), to: get('to'), page, pageSize: PAGE_SIZE }, signal),
    [params.toString()],
  );
  const shown = results.error === null ? results.data : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const from = form.from.trim() ? parseDate(form.from) : '';
    const to = form.to.trim() ? parseDate(form.to) : '';
    const errors = { from: from === null ? s.badDate : undefined, to: to === null ? s.badDate : undefined };
    setDateErrors(errors);
    if (from === null || to === null) return;
    const next = new URLSearchParams();
    for (const key of TEXT_FILTERS) if (form[key].trim()) next.set(key, form[key].trim());
    if (picked) next.set('procedure', picked.code);
    if (form.status) next.set('status', form.status);
    if (from) next.set('from', from);
    if (to) next.set('to', to);
    setParams(next);
  };

  const clear = () => {
    setForm({ code: '', name: '', idNumber: '', status: '', from: '', to: '' });
    setPicked(null);
    setPickerKey((k) => k + 1);
    setParams(new URLSearchParams());
  };

  const text = (key: keyof Form, label: string, hint?: string, error?: string) => (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          value={form[key]}
          autoComplete="off"
          onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <>
      <h1>{s.title}</h1>
      <form role="search" className="card form dossier-search" onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          {text('code', s.code, s.codeHint)}
          {text('name', s.name, s.nameHint)}
          {text('idNumber', s.idNumber)}
          <ProcedurePicker key={pickerKey} label={s.procedure} value={picked} onChange={setPicked} />
          <Field label={s.status}>
            {(control) => (
              <select
                {...control}
                value={form.status}
                onChange={(e) => setForm((f) => ({ ...f, status: e.target.value }))}
              >
                <option value="">{s.anyStatus}</option>
                {STATUSES.map((st) => (
                  <option key={st} value={st}>
                    {t.dossier.status[st]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('from', s.from, s.dateHint, dateErrors.from)}
          {text('to', s.to, s.dateHint, dateErrors.to)}
        </div>
        <div className="form-actions">
          <Button type="submit">{s.submit}</Button>
          <Button variant="secondary" onClick={clear}>
            {s.clear}
          </Button>
        </div>
      </form>

      <section className="results" aria-labelledby="results-title">
        <div className="results-head">
          <h2 id="results-title">{s.results}</h2>
          {results.loading ? (
            <Loading />
          ) : (
            <p className="results-count" role="status">
              {shown ? s.count(shown.total) : ''}
            </p>
          )}
        </div>
        {results.error !== null && !results.loading && <ErrorMessage error={results.error} onRetry={results.reload} />}
        {shown && shown.items.length === 0 && !results.loading && <p className="empty">{s.empty}</p>}
        {shown && shown.items.length > 0 && (
          <div className={results.loading ? 'results-stale card section' : 'card section'} aria-busy={results.loading}>
            <DataTable
              caption={s.results}
              captionHidden
              rows={shown.items}
              rowKey={(d) => d.code}
              columns={[
                {
                  header: s.code,
                  cell: (d) => <DossierLink code={d.code} />,
                },
                { header: s.procedure, cell: (d) => d.procedure.name },
                { header: s.applicant, cell: (d) => d.applicantName },
                { header: s.status, cell: (d) => <StatusBadge status={d.status} /> },
                { header: s.receivedAt, cell: (d) => formatDateTime(d.receivedAt) },
                { header: s.dueAt, cell: (d) => (d.dueAt ? formatDateTime(d.dueAt) : '') },
                { header: s.holder, cell: (d) => d.holder },
              ]}
            />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={shown.total}
              onChange={(n) => {
                const next = new URLSearchParams(params);
                if (n > 1) next.set('page', String(n));
                else next.delete('page');
                setParams(next);
              }}
            />
          </div>
        )}
      </section>
    </>
  );
}

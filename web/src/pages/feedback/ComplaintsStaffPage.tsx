import { useState, type FormEvent } from 'react';
import {
  answerComplaint,
  assignComplaint,
  fetchComplaint,
  fetchComplaints,
  publishComplaint,
  type ComplaintDetail,
  type ComplaintStatus,
} from '../../api/feedback';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Fact } from '../dossier/DossierSections';
import { paths } from '../../paths';
import { hasAnyRole, useSession } from '../../session/session';
import { Link } from 'react-router';

const PAGE_SIZE = 50;
const STATUSES: ComplaintStatus[] = ['received', 'assigned', 'answered', 'published'];

/** /complaints: the agency's complaints and suggestions: list, then assign, answer and publish one. */
export function ComplaintsStaffPage() {
  const { t } = useI18n();
  const s = t.feedback.staff;
  useDocumentTitle(s.title);
  const { user } = useSession();
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useAsync((signal) => fetchComplaints({ status, page }, signal), [status, page]);
  return (
    <div className="complaints-staff">
      <h1>{s.title}</h1>
      {hasAnyRole(user, ['reception']) && (
        <p>
          <Link to={paths.recordComplaint}>{s.record}</Link>
        </p>
      )}
      <div className="field">
        <label htmlFor="complaint-status">{s.filter}</label>
        <select
          id="complaint-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as ComplaintStatus | '');
            setPage(1);
          }}
        >
          <option value="">{s.all}</option>
          {STATUSES.map((x) => (
            <option key={x} value={x}>
              {s.statuses[x]}
            </option>
          ))}
        </select>
      </div>
      {list.loading && <Loading />}
      {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <p>{s.empty}</p>}
      {list.data && list.data.items.length > 0 && (
        <DataTable
          caption={s.title}
          captionHidden
          rows={list.data.items}
          rowKey={(c) => c.code}
          columns={[
            { header: s.code, cell: (c) => c.code },
            { header: s.subject, cell: (c) => c.title },
            { header: s.status, cell: (c) => s.statuses[c.status] },
            {
              header: s.dueAt,
              cell: (c) => (
                <>
                  {formatDateTime(c.dueAt)}
                  {c.overdue && <strong className="badge badge-danger"> {s.overdue}</strong>}
                </>
              ),
            },
            { header: s.assignee, cell: (c) => c.assignee?.fullName ?? '—' },
            {
              header: s.open,
              cell: (c) => (
                <Button variant="secondary" onClick={() => setOpen(c.code)} aria-label={`${s.open} ${c.code}`}>
                  {s.open}
                </Button>
              ),
            },
          ]}
        />
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
      )}
      {open && <ComplaintPanel code={open} onChanged={list.reload} />}
    </div>
  );
}

function ComplaintPanel({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const s = t.feedback.staff;
  const detail = useAsync((signal) => fetchComplaint(code, signal), [code]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [assignee, setAssignee] = useState('');
  const [answer, setAnswer] = useState('');
  const [publicTitle, setPublicTitle] = useState<string | null>(null);
  const [publicContent, setPublicContent] = useState<string | null>(null);

  const run = (action: () => Promise<ComplaintDetail>) => async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
      detail.reload();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error !== null) return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  const c = detail.data!;
  return (
    <section className="card section" aria-labelledby="complaint-detail">
      <h2 id="complaint-detail">
        {c.code}: {c.title}
      </h2>
      <dl className="facts facts-grid">
        <Fact term={s.status}>{s.statuses[c.status]}</Fact>
        <Fact term={s.dueAt}>{formatDateTime(c.dueAt)}</Fact>
        <Fact term={s.assignee}>{c.assignee?.fullName ?? '—'}</Fact>
        <Fact term={s.contact}>
          {[c.contact.fullName, c.contact.phone, c.contact.email].filter(Boolean).join(' · ')}
        </Fact>
      </dl>
      <h3>{s.content}</h3>
      <p className="pre-wrap">{c.content}</p>
      {c.answer && (
        <>
          <h3>{s.answer}</h3>
          <p className="pre-wrap">{c.answer}</p>
        </>
      )}
      {(c.status === 'received' || c.status === 'assigned') && (
        <form className="form" onSubmit={run(() => assignComplaint(code, assignee.trim()))}>
          <Field label={s.assignTo}>
            {(ctl) => <input {...ctl} value={assignee} onChange={(e) => setAssignee(e.target.value)} />}
          </Field>
          <Button type="submit" busy={busy} disabled={!assignee.trim()}>
            {s.assign}
          </Button>
        </form>
      )}
      {c.status === 'assigned' && (
        <form className="form" onSubmit={run(() => answerComplaint(code, answer.trim()))}>
          <Field label={s.answer}>
            {(ctl) => <textarea {...ctl} rows={5} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
          </Field>
          <Button type="submit" busy={busy} disabled={!answer.trim()}>
            {s.sendAnswer}
          </Button>
        </form>
      )}
      {c.status === 'answered' && (
        <form
          className="form"
          onSubmit={run(() =>
            publishComplaint(code, { title: publicTitle ?? c.title, content: publicContent ?? c.content }),
          )}
        >
          <Field label={s.publicTitle}>
            {(ctl) => (
              <input {...ctl} value={publicTitle ?? c.title} onChange={(e) => setPublicTitle(e.target.value)} />
            )}
          </Field>
          <Field label={s.publicContent}>
            {(ctl) => (
              <textarea
                {...ctl}
                rows={5}
                value={publicContent ?? c.content}
                onChange={(e) => setPublicContent(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" busy={busy}>
            {s.publish}
          </Button>
        </form>
      )}
      {error !== null && (
        <p className="status status-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <h3>{s.history}</h3>
      <ol className="complaint-history">
        {c.history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)} — {s.historyActions[h.action] ?? h.action}
            {h.actor ? ` — ${h.actor}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

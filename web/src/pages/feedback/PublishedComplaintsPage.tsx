import { useState } from 'react';
import { Link } from 'react-router';
import { fetchPublishedComplaints } from '../../api/feedback';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { paths } from '../../paths';

const PAGE_SIZE = 20;

/** /phan-anh/cong-khai: answered complaints and suggestions, published without personal data. */
export function PublishedComplaintsPage() {
  const { t } = useI18n();
  const s = t.feedback.published;
  useDocumentTitle(s.title);
  const [page, setPage] = useState(1);
  const list = useAsync((signal) => fetchPublishedComplaints({ page }, signal), [page]);
  return (
    <div className="complaint-page">
      <h1>{s.title}</h1>
      <p>
        <Link to={paths.complaint}>{s.send}</Link>
      </p>
      {list.loading && <Loading />}
      {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <p>{s.empty}</p>}
      {list.data?.items.map((c) => (
        <article key={c.code} className="card section complaint-published" aria-labelledby={`pc-${c.code}`}>
          <h2 id={`pc-${c.code}`}>
            {t.feedback.complaint.kinds[c.kind]}: {c.title}
          </h2>
          <p className="field-hint">
            {c.code} · {c.agency.name} · {s.receivedAt} {formatDate(c.receivedAt)} · {s.answeredAt}{' '}
            {formatDate(c.answeredAt)}
          </p>
          <h3>{s.question}</h3>
          <p className="pre-wrap">{c.content}</p>
          <h3>{s.answer}</h3>
          <p className="pre-wrap">{c.answer}</p>
        </article>
      ))}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
      )}
    </div>
  );
}

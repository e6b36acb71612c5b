import type { ReactNode } from 'react';
import type { AsyncState } from '../lib/useAsync';
import { Button } from './Button';
import { Pagination } from './Pagination';
import { ErrorMessage, Loading } from './Status';

type Paged = { items: unknown[]; total: number };

type Props<P extends Paged> = {
  /** The id of the heading that names the card. */
  id: string;
  list: AsyncState<P>;
  /** The heading once the list is there (usually its count), and before. */
  heading: (page: P) => string;
  placeholder: string;
  empty: string;
  /** A refresh button with this label, when the list changes under the user (queues, inboxes). */
  refresh?: string;
  /** Controls above the list: filters, or a button acting on the whole list. */
  controls?: ReactNode;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** The items of the page shown, as a table or a list. */
  children: (items: P['items']) => ReactNode;
};

/**
 * A card holding one page of a server list: its count as heading, loading, error with retry, the
 * empty message, the items (dimmed while the next page loads) and the pager.
 */
export function PagedList<P extends Paged>(p: Props<P>) {
  const { list } = p;
  const shown = list.error === null ? list.data : undefined;
  return (
    <section className="card section" aria-labelledby={p.id}>
      <div className="results-head">
        <h2 id={p.id} className="queue-count">
          {shown ? p.heading(shown) : p.placeholder}
        </h2>
        {p.refresh && (
          <Button variant="secondary" busy={list.loading} onClick={list.reload}>
            {p.refresh}
          </Button>
        )}
      </div>
      {p.controls}
      {list.loading && !shown && <Loading />}
      {list.error !== null && !list.loading && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {shown && shown.items.length === 0 && <p className="empty">{p.empty}</p>}
      {shown && shown.items.length > 0 && (
        <div className={list.loading ? 'results-stale' : undefined} aria-busy={list.loading}>
          {p.children(shown.items)}
          <Pagination page={p.page} pageSize={p.pageSize} total={shown.total} onChange={p.onPage} />
        </div>
      )}
    </section>
  );
}

import { useI18n } from '../i18n/i18n';
import { pageWindow } from '../lib/pageWindow';

type Props = { page: number; pageSize: number; total: number; onChange: (page: number) => void };

export function Pagination({ page, pageSize, total, onChange }: Props) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t.pagination.label}>
      <button type="button" className="btn btn-secondary" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        <span aria-hidden="true">‹ </span>
        {t.pagination.previous}
      </button>
      <ul>
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="pagination-gap">
              …
            </li>
          ) : (
            <li key={n}>
              <button
                type="button"
                className="pagination-page"
                aria-label={t.pagination.page(n)}
                aria-current={n === page ? 'page' : undefined}
                onClick={() => onChange(n)}
              >
                {n}
              </button>
            </li>
          ),
        )}
      </ul>
      <span className="pagination-status">{t.pagination.status(page, pages)}</span>
      <button type="button" className="btn btn-secondary" disabled={page >= pages} onClick={() => onChange(page + 1)}>
        {t.pagination.next}
        <span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}

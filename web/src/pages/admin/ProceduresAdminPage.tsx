import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchFields, fetchLevels, searchProcedures } from '../../api/catalogue';
import { formatDeadline } from '../../lib/format';
import { localName, nameOf } from '../../lib/labels';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { isAdministrator } from './access';
import { useUrlSearch } from './useUrlSearch';

const PAGE_SIZE = 20;

/** The catalogue in force, searched through the public API, each entry opening its history and editor. */
export function ProceduresAdminPage() {
  const { t, lang } = useI18n();
  const p = t.admin.procedures;
  useDocumentTitle(p.title);
  const { user } = useSession();
  const { param, q, page, update, text, setText, submit } = useUrlSearch();
  const field = param('field');
  const level = param('level');

  const fields = useAsync(() => fetchFields(), []);
  const levels = useAsync(() => fetchLevels(), []);
  const results = useAsync(
    (signal) => searchProcedures({ q, field, level, page, pageSize: PAGE_SIZE }, signal),
    [q, field, level, page],
  );
  const shown = results.error === null ? results.data : undefined;

  return (
    <>
      <div className="page-head">
        <h1>{p.title}</h1>
        {isAdministrator(user) && (
          <div className="form-actions">
            <Link className="btn btn-primary" to={paths.admin.newProcedure}>
              {p.add}
            </Link>
            <Link className="btn btn-secondary" to={paths.admin.importProcedures}>
              {p.import}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{p.intro}</p>
      <form role="search" className="card section admin-filters" onSubmit={submit}>
        <Field label={t.home.searchLabel} className="filter-wide">
          {(control) => (
            <input
              {...control}
              type="search"
              value={text}
              autoComplete="off"
              placeholder={t.home.searchPlaceholder}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.home.field}>
          {(control) => (
            <select {...control} value={field} onChange={(e) => update({ field: e.target.value })}>
              <option value="">{t.home.allFields}</option>
              {fields.data?.map((f) => (
                <option key={f.code} value={f.code}>
                  {localName(f, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.home.level}>
          {(control) => (
            <select {...control} value={level} onChange={(e) => update({ level: e.target.value })}>
              <option value="">{t.home.allLevels}</option>
              {levels.data?.map((l) => (
                <option key={l.code} value={l.code}>
                  {localName(l, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <section aria-labelledby="procedures-title">
        <div className="results-head">
          <h2 id="procedures-title">{t.home.resultsTitle}</h2>
          {results.loading ? (
            <Loading />
          ) : (
            <p className="results-count" role="status">
              {shown ? t.home.resultCount(shown.total) : ''}
            </p>
          )}
        </div>
        {results.error !== null && !results.loading && <ErrorMessage error={results.error} onRetry={results.reload} />}
        {shown && !results.loading && shown.items.length === 0 && <p className="empty">{t.home.noResults}</p>}
        {shown && shown.items.length > 0 && (
          <div className={results.loading ? 'results-stale' : undefined} aria-busy={results.loading}>
            <DataTable
              caption={t.home.resultsTitle}
              captionHidden
              rows={shown.items}
              rowKey={(r) => r.code}
              columns={[
                { header: t.procedure.code, cell: (r) => <span className="code">{r.code}</span> },
                { header: p.name, cell: (r) => <Link to={paths.admin.procedure(r.code)}>{r.name}</Link> },
                { header: t.procedure.field, cell: (r) => nameOf(fields.data, r.field.code, lang, r.field.name) },
                { header: t.procedure.level, cell: (r) => nameOf(levels.data, r.level, lang) },
                { header: t.procedure.deadline, cell: (r) => formatDeadline(t, r.deadline, r.reducedDeadline) },
              ]}
            />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={shown.total}
              onChange={(n) => update({ page: n > 1 ? String(n) : '' })}
            />
          </div>
        )}
      </section>
    </>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useAsync } from '../lib/useAsync';
import { useDebounced } from '../lib/useDebounced';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { fetchFields, fetchLevels, searchProcedures } from '../api/catalogue';
import { Field } from '../components/Field';
import { Button } from '../components/Button';
import { Pagination } from '../components/Pagination';
import { ErrorMessage, Loading } from '../components/Status';
import { ProcedureCard } from './ProcedureCard';
import { localName } from '../lib/labels';
import { paths } from '../paths';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;

export function HomePage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t.home.title);
  // The search lives in the URL so results survive reloads, links and the back button.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = params.get('field') ?? '';
  const level = params.get('level') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const [text, setText] = useState(q);
  const typed = useDebounced(text, DEBOUNCE_MS);

  const update = (changes: Record<string, string>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace });
  };

  // The settled text drives the URL; a URL change that did not come from typing (back button,
  // clearing filters) drives the text. `pushed` tells the two apart.
  const pushed = useRef(q);
  useEffect(() => {
    const next = typed.trim();
    if (next === pushed.current) return;
    pushed.current = next;
    update({ q: next }, true);
  }, [typed]);
  useEffect(() => {
    if (q === pushed.current) return;
    pushed.current = q;
    setText(q);
  }, [q]);

  const fields = useAsync(() => fetchFields(), []);
  const levels = useAsync(() => fetchLevels(), []);
  const results = useAsync(
    (signal) =>
      searchProcedures({ q, field, level, page, pageSize: PAGE_SIZE }, signal).then((r) => ({ ...r, query: q })),
    [q, field, level, page],
  );
  const shown = results.error === null ? results.data : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    pushed.current = text.trim();
    update({ q: pushed.current });
  };

  const clear = () => {
    setText('');
    setParams(new URLSearchParams());
  };

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t.home.title}</h1>
        <p className="hero-intro">{t.home.intro}</p>
        <form role="search" className="search-form" onSubmit={onSubmit}>
          <div className="search-row">
            <Field label={t.home.searchLabel} className="search-field">
              {(control) => (
                <input
                  {...control}
                  type="search"
                  value={text}
                  placeholder={t.home.searchPlaceholder}
                  autoComplete="off"
                  onChange={(e) => setText(e.target.value)}
                />
              )}
            </Field>
            <Button type="submit">{t.home.searchButton}</Button>
          </div>
          <div className="search-filters" role="group" aria-label={t.home.filtersLabel}>
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
          </div>
        </form>
        {(fields.error !== null || levels.error !== null) && (
          <ErrorMessage
            error={fields.error ?? levels.error}
            onRetry={() => {
              fields.reload();
              levels.reload();
            }}
          />
        )}
      </section>
      <p className="portal-links">
        <Link to={paths.publicStatistics}>{t.reports.public.link}</Link> — {t.reports.public.linkIntro}
      </p>

      <section className="results" aria-labelledby="results-title">
        <div className="results-head">
          <h2 id="results-title">{t.home.resultsTitle}</h2>
          {results.loading ? (
            <Loading />
          ) : (
            <p className="results-count" role="status">
              {shown ? t.home.resultCount(shown.total) : ''}
            </p>
          )}
        </div>
        {results.error !== null && !results.loading && <ErrorMessage error={results.error} onRetry={results.reload} />}
        {shown && !results.loading && shown.items.length === 0 && (
          <div className="empty">
            <p>{t.home.noResults}</p>
            {(q || field || level) && (
              <Button variant="secondary" onClick={clear}>
                {t.home.clearFilters}
              </Button>
            )}
          </div>
        )}
        {shown && shown.items.length > 0 && (
          // The previous results stay, dimmed, while the next ones load: no flicker while typing.
          <div className={results.loading ? 'results-stale' : undefined} aria-busy={results.loading}>
            <ol className="result-list" data-query={shown.query}>
              {shown.items.map((p) => (
                <ProcedureCard key={p.code} procedure={p} levels={levels.data} fields={fields.data} />
              ))}
            </ol>
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

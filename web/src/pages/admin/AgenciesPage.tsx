import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchAdminAgencies } from '../../api/adminAgencies';
import { fetchLevels } from '../../api/catalogue';
import { ErrorMessage, Loading } from '../../components/Status';
import { AgencyTree } from './AgencyTree';
import { AgencyPanel } from './AgencyPanel';

const NARROW = '(max-width: 40rem)';

/** The agency tree beside the agency it opens; the open agency lives in `?agency=` so focus stays in the tree. */
export function AgenciesPage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.agencies.title);
  const [params, setParams] = useSearchParams();
  const selected = params.get('agency');
  const agencies = useAsync((signal) => fetchAdminAgencies(signal), []);
  const levels = useAsync(() => fetchLevels(), []);
  const openedFromTree = useRef(false);

  // On a phone the details are below the tree, out of sight: take the reader there.
  useEffect(() => {
    if (!openedFromTree.current) return;
    openedFromTree.current = false;
    if (window.matchMedia(NARROW).matches) document.getElementById('agency-title')?.focus();
  }, [selected]);

  const open = (code: string) => {
    openedFromTree.current = code !== selected;
    setParams({ agency: code });
  };
  const list = agencies.data;
  const agency = list?.find((a) => a.code === selected);

  return (
    <>
      <h1>{t.admin.agencies.title}</h1>
      <p className="lead">{t.admin.agencies.intro}</p>
      {!list && agencies.loading && <Loading />}
      {agencies.error !== null && !agencies.loading && (
        <ErrorMessage error={agencies.error} onRetry={agencies.reload} />
      )}
      {list && (
        <div className="admin-split">
          <section className="card section admin-tree-panel" aria-labelledby="tree-title">
            <h2 id="tree-title">{t.admin.agencies.treeTitle}</h2>
            <p className="section-hint">{t.admin.agencies.treeHint}</p>
            <AgencyTree agencies={list} levels={levels.data} selected={selected} onOpen={open} />
          </section>
          <div className="admin-detail">
            {agency ? (
              <AgencyPanel
                key={agency.code}
                agency={agency}
                agencies={list}
                levels={levels.data ?? []}
                onChanged={(code) => {
                  agencies.reload();
                  if (code) setParams({ agency: code });
                }}
              />
            ) : selected && agencies.loading ? (
              <Loading />
            ) : (
              <p className="empty">{selected ? t.admin.agencies.notFound : t.admin.agencies.choose}</p>
            )}
          </div>
        </div>
      )}
    </>
  );
}

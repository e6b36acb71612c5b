import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useAsync } from '../lib/useAsync';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { fetchAgencies, fetchFields, fetchLevels, fetchProcedure } from '../api/catalogue';
import type { Procedure } from '../api/types';
import { formatDate } from '../lib/datetime';
import { formatDuration, formatMoney } from '../lib/format';
import { nameOf, onlineLevelOf } from '../lib/labels';
import { DataTable } from '../components/DataTable';
import { OnlineBadge } from '../components/OnlineBadge';
import { ErrorMessage, Loading } from '../components/Status';
import { paths } from '../paths';
import { ComponentChecklist } from './ComponentChecklist';
import { ProcessTimeline } from './ProcessTimeline';
import { ProcedureLinks } from './citizen/ProcedureLinks';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ProcedurePage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const procedure = useAsync((signal) => fetchProcedure(code, signal), [code]);
  useDocumentTitle(procedure.data?.name);

  return (
    <>
      <p className="back-link">
        <Link to={paths.home}>
          <span aria-hidden="true">← </span>
          {t.procedure.backToSearch}
        </Link>
      </p>
      {procedure.loading && <Loading />}
      {procedure.error !== null && !procedure.loading && (
        <ErrorMessage error={procedure.error} onRetry={procedure.reload} />
      )}
      {procedure.data && !procedure.loading && <ProcedureDetail p={procedure.data} />}
    </>
  );
}

function ProcedureDetail({ p }: { p: Procedure }) {
  const { t, lang } = useI18n();
  // Reference lists give the English names; the procedure's own Vietnamese names show until they load.
  const levels = useAsync(() => fetchLevels(), []);
  const fields = useAsync(() => fetchFields(), []);
  const agencies = useAsync(() => fetchAgencies(), []);
  return (
    <article className="procedure">
      <header className="procedure-head">
        <p className="eyebrow">
          {t.procedure.code} <span className="code">{p.code}</span>
        </p>
        <h1>{p.name}</h1>
        <OnlineBadge level={onlineLevelOf(p)} />
        <ProcedureLinks p={p} />
      </header>

      <Section id="summary" title={t.procedure.summary}>
        <dl className="facts facts-grid">
          <Fact term={t.procedure.field}>{nameOf(fields.data, p.field.code, lang, p.field.name)}</Fact>
          <Fact term={t.procedure.level}>{nameOf(levels.data, p.level, lang)}</Fact>
          {p.agencies && p.agencies.length > 0 && (
            <Fact term={t.procedure.agency}>
              {p.agencies.map((a) => nameOf(agencies.data, a.code, lang, a.name)).join('; ')}
            </Fact>
          )}
          {p.resultAgency && <Fact term={t.procedure.resultAgency}>{p.resultAgency}</Fact>}
          {p.resultType && <Fact term={t.procedure.resultType}>{p.resultType}</Fact>}
          <Fact term={`${t.procedure.deadline} — ${t.procedure.statutory}`}>{formatDuration(t, p.deadline)}</Fact>
          {p.reducedDeadline && (
            <Fact term={`${t.procedure.deadline} — ${t.procedure.reduced}`}>
              <strong>{formatDuration(t, p.reducedDeadline)}</strong>
            </Fact>
          )}
        </dl>
      </Section>

      <Section id="components" title={t.procedure.components}>
        <ComponentChecklist components={p.components} />
      </Section>

      <Section id="fees" title={t.procedure.fees}>
        {p.fees.length === 0 ? (
          <p>{t.format.free}</p>
        ) : (
          <DataTable
            caption={t.procedure.fees}
            captionHidden
            rows={p.fees}
            rowKey={(f, i) => `${i}-${f.name}`}
            columns={[
              { header: t.procedure.feeName, cell: (f) => f.name },
              {
                header: t.procedure.feeAmount,
                numeric: true,
                cell: (f) => (f.amount > 0 ? formatMoney(f.amount, lang) : t.format.free),
              },
              { header: t.procedure.feeNote, cell: (f) => f.note ?? '' },
            ]}
          />
        )}
      </Section>

      <Section id="requirements" title={t.procedure.requirements}>
        <p className="prose">{p.requirements || t.common.none}</p>
      </Section>

      <Section id="channels" title={t.procedure.channels}>
        <ul className="plain-list">
          {p.channels.map((c) => (
            <li key={c}>{t.procedure.channel[c]}</li>
          ))}
        </ul>
      </Section>

      <Section id="process" title={t.procedure.process}>
        <ProcessTimeline plan={p.process} />
      </Section>

      <Section id="legal" title={t.procedure.legalBasis}>
        <ul className="plain-list">
          {p.legalBasis.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </Section>

      {p.decision && (
        <Section id="decision" title={t.procedure.decision}>
          <p>
            {`${t.procedure.decisionText(p.decision.number, formatDate(p.decision.date))} (${t.procedure.decisionType[
              p.decision.type
            ].toLowerCase()}), ${t.procedure.effectiveFrom(formatDate(p.decision.effectiveFrom))}.`}
          </p>
        </Section>
      )}
    </article>
  );
}

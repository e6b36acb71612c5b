import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchAgencies } from '../../api/catalogue';
import type { ApiError } from '../../api/client';
import { fetchDossier, type Dossier } from '../../api/dossiers';
import { fetchProcess } from '../../api/workflow';
import { formatDateTime } from '../../lib/datetime';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { availableActions, isStaffOver } from './access';
import { DossierActions, type DossierAction } from './DossierActions';
import {
  ApplicantSection,
  ComponentsSection,
  Fact,
  FeesSection,
  FilesSection,
  PrintedFormsSection,
  Section,
} from './DossierSections';
import { HistoryTable } from './HistoryTable';
import { ProcessSection } from './ProcessSection';
import { stepActions } from './stepAccess';
import { StatusBadge } from './StatusBadge';

type Message = { kind: 'done'; text: string } | { kind: 'stale'; error: ApiError };

/** A dossier as staff (or its applicant) see it: state, documents, fees, files, history and the actions allowed now. */
export function DossierPage() {
  const { code = '' } = useParams();
  const { t, errorText } = useI18n();
  const { user } = useSession();
  const dossier = useAsync((signal) => fetchDossier(code, signal), [code]);
  const process = useAsync((signal) => fetchProcess(code, signal), [code]);
  const agencies = useAsync(() => fetchAgencies(), []);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const d = dossier.data?.code === code ? dossier.data : undefined;
  useDocumentTitle(d ? `${d.code} — ${d.procedure.name}` : t.dossier.page.code);

  useEffect(() => setMessage(null), [code]);
  // After an action the buttons change: focus goes to what happened, not to the top of the page.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const tree = agencies.data ?? [];
  const staff = !!d && (isStaffOver(user, d.agency.code, tree) || isStaffOver(user, d.holder.agency.code, tree));
  const steps = process.data?.code === code ? process.data.steps : [];
  const actions: DossierAction[] = d
    ? [
        ...stepActions(user, d.status, steps, tree),
        ...availableActions(user, { status: d.status, agency: d.agency.code }, tree),
      ]
    : [];
  const after = (next: Message) => {
    setMessage(next);
    dossier.reload();
    process.reload();
  };

  return (
    <>
      <p className="back-link">
        <Link to={staff || !d ? paths.dossiers : paths.myDossiers}>
          <span aria-hidden="true">← </span>
          {staff || !d ? t.dossier.page.backToSearch : t.dossier.page.backToMine}
        </Link>
      </p>
      {dossier.loading && !d && <Loading />}
      {dossier.error !== null && !dossier.loading && <ErrorMessage error={dossier.error} onRetry={dossier.reload} />}
      {message && (
        <div ref={messageRef} tabIndex={-1} className="dossier-message">
          {message.kind === 'done' ? (
            <p className="status status-success" role="status">
              {message.text}
            </p>
          ) : (
            <div className="status status-error status-stack" role="alert">
              <p>{errorText(message.error)}</p>
              <p>{t.dossier.actions.reloaded}</p>
            </div>
          )}
        </div>
      )}
      {d && (
        <article className={dossier.loading ? 'dossier results-stale' : 'dossier'} aria-busy={dossier.loading}>
          <DossierHeader d={d} />
          {actions.length > 0 && (
            <DossierActions
              dossier={d}
              steps={steps}
              actions={actions}
              asStaff={staff}
              onDone={(text) => after({ kind: 'done', text })}
              onStale={(error) => after({ kind: 'stale', error })}
            />
          )}
          {staff && process.data?.code === code && <ProcessSection process={process.data} agency={d.agency.code} />}
          {staff && <ApplicantSection d={d} />}
          <ComponentsSection d={d} />
          <FeesSection d={d} />
          <FilesSection d={d} />
          <PrintedFormsSection d={d} />
          <Section id="history" title={t.dossier.page.history}>
            <HistoryTable events={d.history} ruleSet={d.ruleSet} />
          </Section>
        </article>
      )}
    </>
  );
}

function DossierHeader({ d }: { d: Dossier }) {
  const { t } = useI18n();
  const s = t.dossier.page;
  const time = (value: string | null) => (value ? formatDateTime(value) : null);
  const facts: [string, string | null][] = [
    [s.agency, d.agency.name],
    [s.channel, t.dossier.channel[d.channel]],
    [s.receivedAt, time(d.receivedAt)],
    [s.acceptedAt, d.acceptedAt !== d.receivedAt ? time(d.acceptedAt) : null],
    [s.dueAt, time(d.dueAt)],
    [s.originalDueAt, d.originalDueAt !== d.dueAt ? time(d.originalDueAt) : null],
    [s.resolvedAt, time(d.resolvedAt)],
    [s.outcome, d.outcome ? t.dossier.outcome[d.outcome] : null],
    [s.returnedAt, time(d.returnedAt)],
    [s.holder, d.holder.name],
  ];
  return (
    <header className="card section dossier-head">
      <p className="eyebrow">
        {s.code} <span className="code">{d.code}</span>
      </p>
      <h1>{d.procedure.name}</h1>
      <p className="dossier-status">
        <StatusBadge status={d.status} />
        {d.acceptedAt && (
          <Link to={paths.receipt(d.code)} className="btn btn-ghost">
            {s.printReceipt}
          </Link>
        )}
      </p>
      <dl className="facts facts-grid">
        {facts
          .filter((f): f is [string, string] => f[1] !== null)
          .map(([term, value]) => (
            <Fact key={term} term={term}>
              {value}
            </Fact>
          ))}
      </dl>
    </header>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { abolishProcedure, fetchVersions, type VersionEntry } from '../../api/adminCatalogue';
import { formatDate, parseDate, todayIso } from '../../lib/datetime';
import { formatDeadline } from '../../lib/format';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage, Loading, Notice } from '../../components/Status';
import { paths } from '../../paths';
import { isAdministrator } from './access';
import { ConfirmDialog } from './ConfirmDialog';
import { TemplateFiles } from './TemplateFiles';
import { DecisionFields } from './DecisionFields';
import { parseDecision, type DecisionDraft } from './procedureDraft';
import { shownAtField, useAction } from './useAction';

const DECISION_FIELDS = ['decision.number', 'decision.date', 'decision.effectiveFrom'];

/** A procedure's versions with the decisions that announced them; from here it is amended or abolished. */
export function ProcedureHistoryPage() {
  const { t } = useI18n();
  const h = t.admin.history;
  const code = useParams().code ?? '';
  const { user } = useSession();
  const location = useLocation();
  const arrived = (location.state as { notice?: string } | null)?.notice;
  const versions = useAsync((signal) => fetchVersions(code, signal), [code]);
  const [notice, setNotice] = useState<string | null>(null);
  const items = versions.data ?? [];
  const latest = items.at(-1);
  const name = items.filter((v) => v.decision.type !== 'abolished').at(-1)?.name ?? latest?.name;
  useDocumentTitle(name ? `${h.title}: ${name}` : h.title);
  const abolished = latest?.decision.type === 'abolished';
  const admin = isAdministrator(user);

  return (
    <>
      <p className="back-link">
        <Link to={paths.admin.procedures}>
          <span aria-hidden="true">← </span>
          {h.backToList}
        </Link>
      </p>
      {!versions.data && versions.loading && <Loading />}
      {versions.error !== null && !versions.loading && (
        <ErrorMessage error={versions.error} onRetry={versions.reload} />
      )}
      {latest && (
        <>
          <p className="eyebrow">
            {t.procedure.code} <span className="code">{code}</span>
          </p>
          <h1>{name}</h1>
          {(notice ?? arrived) && <Notice>{notice ?? arrived ?? ''}</Notice>}
          <div className="form-actions page-actions">
            {admin && (
              <Link className="btn btn-primary" to={paths.admin.editProcedure(code)}>
                {abolished ? h.reannounce : h.edit}
              </Link>
            )}
            {!abolished && (
              <Link className="btn btn-secondary" to={paths.procedure(code)}>
                {h.publicPage}
              </Link>
            )}
          </div>
          <section className="card section" aria-labelledby="history-title">
            <h2 id="history-title">{h.title}</h2>
            <VersionTable items={items} />
          </section>
          {admin && !abolished && <TemplateFiles code={code} />}
          {admin && !abolished && (
            <AbolishForm
              code={code}
              name={name ?? code}
              after={latest.decision.effectiveFrom}
              onDone={(message) => {
                setNotice(message);
                versions.reload();
              }}
            />
          )}
        </>
      )}
    </>
  );
}

function VersionTable({ items }: { items: VersionEntry[] }) {
  const { t } = useI18n();
  const h = t.admin.history;
  const today = todayIso();
  const state = (v: VersionEntry) =>
    v.decision.type === 'abolished'
      ? h.abolishedFrom(formatDate(v.decision.effectiveFrom))
      : v.inForce
        ? h.inForce
        : v.decision.effectiveFrom > today
          ? h.upcoming
          : h.superseded;
  return (
    <DataTable
      caption={h.title}
      captionHidden
      rows={[...items].reverse()}
      rowKey={(v) => String(v.version)}
      columns={[
        { header: h.version, cell: (v) => v.version, numeric: true },
        {
          header: h.decision,
          cell: (v) => (
            <>
              {t.procedure.decisionType[v.decision.type]}
              <br />
              {t.procedure.decisionText(v.decision.number, formatDate(v.decision.date))}
            </>
          ),
        },
        { header: h.effectiveFrom, cell: (v) => formatDate(v.decision.effectiveFrom) },
        {
          header: h.deadline,
          cell: (v) => (v.decision.type === 'abolished' ? '—' : formatDeadline(t, v.deadline, v.reducedDeadline)),
        },
        {
          header: h.state,
          cell: (v) => <span className={v.inForce ? 'badge badge-active' : 'badge badge-inactive'}>{state(v)}</span>,
        },
      ]}
    />
  );
}

function AbolishForm(props: { code: string; name: string; after: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const h = t.admin.history;
  const [decision, setDecision] = useState<DecisionDraft>({
    type: 'abolished',
    number: '',
    date: formatDate(todayIso()),
    effectiveFrom: '',
  });
  const [badDates, setBadDates] = useState<('date' | 'effectiveFrom')[]>([]);
  const [confirming, setConfirming] = useState<{ number: string; date: string; effectiveFrom: string } | null>(null);
  const action = useAction();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    action.clear();
    const parsed = parseDecision(decision, parseDate);
    setBadDates(parsed.bad);
    if (parsed.decision) setConfirming(parsed.decision);
  };

  return (
    <section className="card section" aria-labelledby="abolish-title">
      <h2 id="abolish-title">{h.abolishTitle}</h2>
      <p className="section-hint">{h.abolishIntro}</p>
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        {action.error !== null && !shownAtField(action.error, DECISION_FIELDS) && <ErrorMessage error={action.error} />}
        <DecisionFields
          value={decision}
          onChange={setDecision}
          types={['abolished']}
          badDates={badDates}
          errorAt={action.at}
          effectiveHint={t.admin.decision.effectiveAfter(formatDate(props.after))}
        />
        <div className="form-actions">
          <Button type="submit" variant="danger">
            {h.abolish}
          </Button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog
          title={h.abolishTitle}
          message={h.abolishConfirm(props.name, formatDate(confirming.effectiveFrom))}
          confirmLabel={h.abolish}
          onConfirm={() =>
            abolishProcedure(props.code, confirming).catch((err: unknown) => {
              action.fail(err);
              throw err;
            })
          }
          onClose={() => setConfirming(null)}
          onDone={() => props.onDone(h.abolished(formatDate(confirming.effectiveFrom)))}
        />
      )}
    </section>
  );
}

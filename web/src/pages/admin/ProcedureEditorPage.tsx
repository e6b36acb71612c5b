import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import {
  createProcedure,
  fetchProcedureAt,
  fetchVersions,
  publishVersion,
  type EditableProcedure,
  type VersionEntry,
} from '../../api/adminCatalogue';
import type { DecisionType } from '../../api/types';
import { ApiError } from '../../api/client';
import { formatDate, parseDate, todayIso } from '../../lib/datetime';
import { Button } from '../../components/Button';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { isAdministrator } from './access';
import { DecisionFields } from './DecisionFields';
import { GeneralSection } from './GeneralSection';
import { ComponentsSection, FeesSection, LegalBasisSection } from './ListSections';
import { StepEditor } from './StepEditor';
import { TermsSection } from './TermsSection';
import { useAction } from './useAction';
import {
  draftFromProcedure,
  emptyDraft,
  parseDecision,
  toContent,
  type DecisionDraft,
  type ProcedureDraft,
} from './procedureDraft';

const BUDGET_KEYS = ['deadline', 'reducedDeadline', 'hasReduced'];

type Source = { procedure: EditableProcedure | null; latest: VersionEntry | null };

/** The latest version's content (even one not yet in force), or for an abolished procedure the last one before. */
async function loadSource(code: string, signal: AbortSignal): Promise<Source> {
  const versions = await fetchVersions(code, signal);
  const live = versions.filter((v) => v.decision.type !== 'abolished').at(-1);
  const procedure = live ? await fetchProcedureAt(code, live.decision.effectiveFrom, signal) : null;
  return { procedure, latest: versions.at(-1) ?? null };
}

/** Creates a procedure (`/new`) or publishes a new version of one (`/:code/edit`). */
export function ProcedureEditorPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const { user } = useSession();
  const source = useAsync(
    (signal) => (code ? loadSource(code, signal) : Promise.resolve({ procedure: null, latest: null })),
    [code],
  );
  useDocumentTitle(code ? t.admin.editor.editTitle(source.data?.procedure?.name ?? code) : t.admin.editor.newTitle);
  const back = code ? paths.admin.procedure(code) : paths.admin.procedures;

  return (
    <>
      <p className="back-link">
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {code ? t.admin.history.backToProcedure : t.admin.history.backToList}
        </Link>
      </p>
      {!isAdministrator(user) ? (
        <p className="admin-readonly">{t.admin.editor.readOnly}</p>
      ) : (
        <>
          {source.loading && <Loading />}
          {source.error !== null && !source.loading && <ErrorMessage error={source.error} onRetry={source.reload} />}
          {source.data && !source.loading && <ProcedureEditor key={code ?? ''} code={code} source={source.data} />}
        </>
      )}
    </>
  );
}

function ProcedureEditor({ code, source }: { code: string | undefined; source: Source }) {
  const { t } = useI18n();
  const e = t.admin.editor;
  const navigate = useNavigate();
  const abolished = source.latest?.decision.type === 'abolished';
  // A new code, or one abolished, is announced by a "new" decision; a live one by amending or replacing.
  const types: DecisionType[] = !code || abolished ? ['new'] : ['amended', 'replaced'];
  const [draft, setDraft] = useState<ProcedureDraft>(() =>
    source.procedure ? draftFromProcedure(source.procedure) : emptyDraft(),
  );
  const [decision, setDecision] = useState<DecisionDraft>(() => ({
    type: types[0],
    number: '',
    date: formatDate(todayIso()),
    effectiveFrom: '',
  }));
  const [badDates, setBadDates] = useState<('date' | 'effectiveFrom')[]>([]);
  const [attempt, setAttempt] = useState(0);
  const action = useAction();
  const summary = useRef<HTMLDivElement>(null);

  // The server's error stays until what it is about is edited; the budget also depends on the deadlines.
  const touches = (keys: string[]) => {
    const top = action.error instanceof ApiError ? action.error.field?.split('.')[0] : undefined;
    if (!top) return false;
    return keys.includes(top) || (top === 'process' && keys.some((k) => BUDGET_KEYS.includes(k)));
  };
  const patch = (changes: Partial<ProcedureDraft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    if (touches(Object.keys(changes))) action.clear();
  };
  const changeDecision = (next: DecisionDraft) => {
    setDecision(next);
    if (touches(['decision'])) action.clear();
  };

  // After a failed attempt the summary takes the focus, so the reader hears what stopped it.
  useEffect(() => {
    if (attempt > 0 && !action.busy && (action.error !== null || badDates.length > 0)) summary.current?.focus();
  }, [attempt, action.busy]);

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const parsed = parseDecision(decision, parseDate);
    setBadDates(parsed.bad);
    setAttempt((n) => n + 1);
    if (!parsed.decision) return action.clear();
    const content = toContent(draft);
    const target = code ?? draft.code.trim();
    const body = { ...content, decision: parsed.decision };
    let version = 0;
    const ok = await action.run(async () => {
      const saved =
        code && !abolished ? await publishVersion(code, body) : await createProcedure({ ...body, code: target });
      version = saved.version;
    });
    if (ok) navigate(paths.admin.procedure(target), { state: { notice: t.admin.history.published(version) } });
  };

  const latest = source.latest;
  const title = !code ? e.newTitle : abolished ? e.reannounceTitle(draft.name) : e.editTitle(draft.name);
  return (
    <form onSubmit={onSubmit} noValidate className="procedure-editor">
      <h1>{title}</h1>
      {source.procedure && (
        <p className="lead">
          {e.basedOn(source.procedure.version, formatDate(source.procedure.decision?.effectiveFrom ?? todayIso()))}
        </p>
      )}
      <div ref={summary} tabIndex={-1} className="error-summary">
        {action.error !== null && <ErrorMessage error={action.error} />}
        {badDates.length > 0 && (
          <p className="status status-error" role="alert">
            {e.checkFields}
          </p>
        )}
      </div>
      <GeneralSection draft={draft} patch={patch} errorAt={action.at} isNew={!code} />
      <TermsSection draft={draft} patch={patch} errorAt={action.at} />
      <ComponentsSection draft={draft} patch={patch} errorAt={action.at} />
      <FeesSection draft={draft} patch={patch} errorAt={action.at} />
      <LegalBasisSection draft={draft} patch={patch} errorAt={action.at} />
      <StepEditor draft={draft} patch={patch} errorAt={action.at} />
      <section className="card section" aria-labelledby="decision-title">
        <h2 id="decision-title">{t.admin.decision.title}</h2>
        <DecisionFields
          value={decision}
          onChange={changeDecision}
          types={types}
          badDates={badDates}
          errorAt={action.at}
          effectiveHint={
            latest ? t.admin.decision.effectiveAfter(formatDate(latest.decision.effectiveFrom)) : undefined
          }
        />
        <div className="form-actions">
          <Button type="submit" busy={action.busy}>
            {e.submit}
          </Button>
          <Link className="btn btn-ghost" to={code ? paths.admin.procedure(code) : paths.admin.procedures}>
            {t.common.cancel}
          </Link>
        </div>
      </section>
    </form>
  );
}

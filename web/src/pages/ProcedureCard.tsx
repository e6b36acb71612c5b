import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import type { Field, Level, ProcedureSummary } from '../api/types';
import { feeSummary, formatDeadline } from '../lib/format';
import { nameOf, onlineLevelOf } from '../lib/labels';
import { paths } from '../paths';
import { OnlineBadge } from '../components/OnlineBadge';

/** One search result: enough to choose a procedure without opening it. */
type Props = { procedure: ProcedureSummary; levels?: Level[]; fields?: Field[] };

export function ProcedureCard({ procedure: p, levels, fields }: Props) {
  const { t, lang } = useI18n();
  return (
    <li className="result-card">
      <h3 className="result-title">
        <Link to={paths.procedure(p.code)}>{p.name}</Link>
      </h3>
      <p className="result-meta">
        <span className="code">{p.code}</span>
        <span>{nameOf(fields, p.field.code, lang, p.field.name)}</span>
        <span>{nameOf(levels, p.level, lang)}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t.procedure.deadline}</dt>
          <dd>{formatDeadline(t, p.deadline, p.reducedDeadline)}</dd>
        </div>
        <div>
          <dt>{t.procedure.fees}</dt>
          <dd>{feeSummary(t, lang, p.fees)}</dd>
        </div>
      </dl>
      <OnlineBadge level={onlineLevelOf(p)} />
    </li>
  );
}

import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import type { Level, ProcedureSummary } from '../api/types';
import { feeSummary, formatDeadline } from '../lib/format';
import { levelName, localName, onlineLevelOf } from '../lib/labels';
import { paths } from '../paths';
import { OnlineBadge } from '../components/OnlineBadge';

/** One search result: enough to choose a procedure without opening it. */
export function ProcedureCard({ procedure: p, levels }: { procedure: ProcedureSummary; levels?: Level[] }) {
  const { t, lang } = useI18n();
  return (
    <li className="result-card">
      <h3 className="result-title">
        <Link to={paths.procedure(p.code)}>{p.name}</Link>
      </h3>
      <p className="result-meta">
        <span className="code">{p.code}</span>
        <span>{localName(p.field, lang)}</span>
        <span>{levelName(levels, p.level, lang)}</span>
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

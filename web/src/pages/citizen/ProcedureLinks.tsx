import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { ProcedureSummary } from '../../api/types';
import { paths } from '../../paths';

/** On a procedure's page: submit it online when it allows, and look up a dossier already filed. */
export function ProcedureLinks({ p }: { p: Pick<ProcedureSummary, 'code' | 'channels'> }) {
  const { t } = useI18n();
  return (
    <p className="procedure-links">
      {p.channels.includes('online') && (
        <Link className="btn btn-primary" to={paths.submitOnline(p.code)}>
          {t.citizen.procedureLinks.submitOnline}
        </Link>
      )}
      <Link className="btn btn-secondary" to={paths.lookup}>
        {t.citizen.procedureLinks.lookup}
      </Link>
    </p>
  );
}

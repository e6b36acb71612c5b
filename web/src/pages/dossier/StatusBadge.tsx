import { useI18n } from '../../i18n/i18n';
import type { DossierStatus } from '../../api/dossiers';

/** The status in words with a colour per stage; the words carry the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-status badge-${status}`}>{t.dossier.status[status]}</span>;
}

import { useI18n } from '../i18n/i18n';
import type { OnlineLevel } from '../api/types';

export function OnlineBadge({ level }: { level: OnlineLevel }) {
  const { t } = useI18n();
  return <span className={`badge badge-online-${level}`}>{t.procedure.online[level]}</span>;
}

import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** Each page names itself in the tab and for screen readers announcing the new page. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} — ${t.site.documentTitle}` : t.site.documentTitle;
  }, [title, t]);
}

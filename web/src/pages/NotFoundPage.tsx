import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { paths } from '../paths';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.common.notFoundTitle);
  return (
    <div className="narrow">
      <h1>{t.common.notFoundTitle}</h1>
      <p>{t.common.notFoundText}</p>
      <p>
        <Link to={paths.home}>{t.common.backHome}</Link>
      </p>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { hasAnyRole, useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchReceipt, formPdfUrl } from '../../api/dossiers';
import { ErrorMessage, Loading, Notice } from '../../components/Status';
import { paths } from '../../paths';
import { ReceiptSheet } from './ReceiptSheet';

/** The receipt of a received dossier, ready to print; right after an intake the print button has focus. */
export function ReceiptPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const s = t.desk.receipt;
  useDocumentTitle(s.title);
  const { user } = useSession();
  const location = useLocation();
  const created = (location.state as { created?: unknown } | null)?.created === true;
  const receipt = useAsync((signal) => fetchReceipt(code, signal), [code]);
  const printButton = useRef<HTMLButtonElement>(null);
  const ready = !!receipt.data;

  useEffect(() => {
    if (!created || !ready) return;
    // After the layout has focused the new page: Enter prints at once.
    const frame = requestAnimationFrame(() => printButton.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [created, ready]);

  return (
    <>
      <div className="no-print">
        {created && <Notice>{s.created(code)}</Notice>}
        <div className="form-actions receipt-actions">
          <button
            ref={printButton}
            type="button"
            className="btn btn-primary"
            disabled={!ready}
            onClick={() => window.print()}
          >
            {s.print}
          </button>
          <a className="btn btn-secondary" href={formPdfUrl(code, 'receipt')}>
            {s.pdf}
          </a>
          {hasAnyRole(user, ['reception']) && (
            <Link className="btn btn-secondary" to={paths.deskIntake}>
              {s.another}
            </Link>
          )}
          <Link className="btn btn-ghost" to={paths.dossier(code)}>
            {s.openDossier}
          </Link>
        </div>
      </div>
      {receipt.loading && <Loading />}
      {receipt.error !== null && !receipt.loading && <ErrorMessage error={receipt.error} onRetry={receipt.reload} />}
      {receipt.data && <ReceiptSheet r={receipt.data} />}
    </>
  );
}

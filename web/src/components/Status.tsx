import { useI18n } from '../i18n/i18n';
import { Button } from './Button';

/** A polite live region, so screen readers hear that content is on its way. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="status status-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}

/** An error from the API (its message in the chosen language) or the network, with an optional retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, errorText } = useI18n();
  return (
    <div className="status status-error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t.common.retry}
        </Button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: string }) {
  return (
    <p className="status status-success" role="status">
      {children}
    </p>
  );
}

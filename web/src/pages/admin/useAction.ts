import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export type Action = {
  busy: boolean;
  error: unknown;
  /** What the last successful run said it did, for a status message. */
  notice: string | null;
  /** The server's message when it named `field` as the one at fault. */
  at: (field: string) => string | undefined;
  /** Runs a request once at a time; resolves to whether it succeeded. */
  run: (request: () => Promise<unknown>, done?: string) => Promise<boolean>;
  /** Records an error from a request made elsewhere (a confirmation dialog), to show at its field. */
  fail: (error: unknown) => void;
  clear: () => void;
};

/** One form's request: busy flag, the API error to show next to its field, and a notice after success. */
export function useAction(): Action {
  const { errorText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = useCallback(async (request: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await request();
      setNotice(done ?? null);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setNotice(null);
  }, []);

  const at = (field: string) => (error instanceof ApiError && error.field === field ? errorText(error) : undefined);
  return { busy, error, notice, at, run, fail: setError, clear };
}

/** Whether an error belongs under one of the form's own fields rather than above the form. */
export function shownAtField(error: unknown, fields: readonly string[]): boolean {
  return error instanceof ApiError && !!error.field && fields.includes(error.field);
}

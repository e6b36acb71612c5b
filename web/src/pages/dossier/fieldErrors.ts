import { ApiError } from '../../api/client';

/**
 * The form field an API error belongs to: the one it names, or the nearest named parent
 * (`components.2.componentId` → `components`); null when the form has no such field.
 */
export function errorField(err: unknown, known: readonly string[]): string | null {
  if (!(err instanceof ApiError) || !err.field) return null;
  const field = err.field;
  const matches = known.filter((k) => field === k || field.startsWith(`${k}.`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Moves focus to the first invalid control of a form, so keyboard users land where the fix is needed. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}

import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type AsyncState<T> = { data: T | undefined; error: unknown; loading: boolean; reload: () => void };

type Settled<T> = { deps: DependencyList | null; data: T | undefined; error: unknown };

function sameDeps(a: DependencyList | null, b: DependencyList): boolean {
  return a !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * Runs `load` when `deps` change and keeps the latest answer only: an older request still in
 * flight is aborted, so fast typing never shows stale results. `loading` is true from the very
 * render in which `deps` change until their answer arrives, so a page never shows an older
 * answer as if it were the current one (not even for the render before the effect starts).
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ deps: null, data: undefined, error: null });
  const current = [...deps, attempt];

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setSettled({ deps: current, data: value, error: null });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setSettled((prev) => ({ deps: current, data: prev.data, error: err }));
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `deps` say when it really changes.
  }, current);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loading = !sameDeps(settled.deps, current);
  return { data: settled.data, error: loading ? null : settled.error, loading, reload };
}

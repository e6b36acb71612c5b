import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useDebounced } from '../../lib/useDebounced';

const DEBOUNCE_MS = 300;

/**
 * A search whose query, filters and page live in the URL, so results survive reloads and the back
 * button: the text box updates `q` once typing settles, and a URL change from elsewhere updates the box.
 */
export function useUrlSearch() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  /** Sets or clears parameters; any change but the page itself goes back to page 1. */
  const update = (changes: Record<string, string>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace });
  };

  const [text, setText] = useState(q);
  const typed = useDebounced(text, DEBOUNCE_MS);
  // What the box last pushed to the URL, to tell typing apart from navigation.
  const pushed = useRef(q);
  useEffect(() => {
    const next = typed.trim();
    if (next === pushed.current) return;
    pushed.current = next;
    update({ q: next }, true);
  }, [typed]);
  useEffect(() => {
    if (q === pushed.current) return;
    pushed.current = q;
    setText(q);
  }, [q]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    pushed.current = text.trim();
    update({ q: pushed.current });
  };

  return { param: (name: string) => params.get(name) ?? '', q, page, update, text, setText, submit };
}

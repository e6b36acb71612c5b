import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { vi, type Dictionary } from './vi';
import { en } from './en';
import { ApiError } from '../api/client';

export type Lang = 'vi' | 'en';

const STORAGE_KEY = 'motcua.lang';
const dictionaries: Record<Lang, Dictionary> = { vi, en };

type I18n = {
  lang: Lang;
  t: Dictionary;
  setLang: (lang: Lang) => void;
  /** The message of an error in the chosen language (the API sends both). */
  errorText: (err: unknown) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be disabled (privacy settings); Vietnamese is the default then.
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted when storage is disabled; the switch still applies to this visit.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const t = dictionaries[lang];
    const errorText = (err: unknown) => {
      if (err instanceof ApiError) return lang === 'vi' ? err.messageVi : err.message;
      return t.common.networkError;
    };
    return { lang, t, setLang, errorText };
  }, [lang, setLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const ctx = use(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

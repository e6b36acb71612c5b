import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';

/** Counts and rates in the reader's language: 1.234 and 95,5 % in Vietnamese, 1,234 and 95.5% in English. */
export function useNumbers() {
  const { lang } = useI18n();
  return useMemo(() => {
    const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
    const count = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return { count: (n: number) => count.format(n), percent: (rate: number) => percent.format(rate) };
  }, [lang]);
}

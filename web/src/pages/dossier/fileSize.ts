import type { Lang } from '../../i18n/i18n';

/** A file's size as people read it: 850 KB, 1,2 MB (Vietnamese decimal comma). */
export function formatFileSize(bytes: number, lang: Lang): string {
  const number = (n: number) =>
    new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024))} KB`;
  return `${number(bytes / 1024 / 1024)} MB`;
}

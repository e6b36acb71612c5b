import type { Lang } from '../i18n/i18n';
import type { OnlineLevel, ProcedureSummary } from '../api/types';

/** The English name of a catalogue entry when English is chosen and the server has one. */
export function localName(item: { name: string; nameEn?: string | null }, lang: Lang): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

type Named = { code: string; name: string; nameEn?: string | null };

/**
 * The name of a coded entry from a reference list (levels, fields, agencies) in the chosen
 * language; until the list has loaded, the name the entry came with, else its code.
 */
export function nameOf(list: Named[] | undefined, code: string, lang: Lang, fallback?: string): string {
  const entry = list?.find((e) => e.code === code);
  return entry ? localName(entry, lang) : (fallback ?? code);
}

/** How far a procedure can be done online: declared by the catalogue, else implied by its channels. */
export function onlineLevelOf(p: Pick<ProcedureSummary, 'onlineLevel' | 'channels'>): OnlineLevel {
  return p.onlineLevel ?? (p.channels.includes('online') ? 'partial' : 'none');
}

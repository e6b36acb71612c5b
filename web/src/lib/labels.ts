import type { Lang } from '../i18n/i18n';
import type { Level, OnlineLevel, ProcedureSummary } from '../api/types';

/** The English name of a catalogue entry when English is chosen and the server has one. */
export function localName(item: { name: string; nameEn?: string | null }, lang: Lang): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

export function levelName(levels: Level[] | undefined, code: string, lang: Lang): string {
  const level = levels?.find((l) => l.code === code);
  return level ? localName(level, lang) : code;
}

/** How far a procedure can be done online: declared by the catalogue, else implied by its channels. */
export function onlineLevelOf(p: Pick<ProcedureSummary, 'onlineLevel' | 'channels'>): OnlineLevel {
  return p.onlineLevel ?? (p.channels.includes('online') ? 'partial' : 'none');
}

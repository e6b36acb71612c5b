import { api } from './client';
import type { CalendarDay, DurationUnit, List } from './types';

export function fetchCalendarDays(
  range: { agency?: string; from: string; to: string },
  signal?: AbortSignal,
): Promise<CalendarDay[]> {
  return api<List<CalendarDay>>('/api/calendar/days', { query: range, signal }).then((r) => r.items);
}

export type DayInput = { working: boolean; name: string; decision?: string };

/** Sets the day in the agency's calendar (and its subtree), or in the common one without an agency. */
export function saveCalendarDay(date: string, day: DayInput, agency?: string): Promise<CalendarDay> {
  return api(`/api/calendar/days/${date}`, { method: 'PUT', body: day, query: { agency } });
}

export function deleteCalendarDay(date: string, agency?: string): Promise<void> {
  return api(`/api/calendar/days/${date}`, { method: 'DELETE', query: { agency } });
}

/** A text the server gives in both languages. */
export type Bilingual = { vi: string; en: string };

export type DeadlineExplanation = {
  receivedAt: string;
  receipt: { date: string; countedDate: string; moved: boolean; reason: Bilingual | null };
  /** Working days counted towards the deadline, with office minutes for deadlines in hours. */
  counted: { date: string; ordinal: number; minutes?: number }[];
  skipped: { date: string; reason: Bilingual }[];
  summary: Bilingual;
};

export type DeadlineAnswer = { dueAt: string; explanation?: DeadlineExplanation };

export type DeadlineQuery = { agency?: string; from: string; value: number; unit: DurationUnit; explain?: boolean };

export function computeDeadline(query: DeadlineQuery): Promise<DeadlineAnswer> {
  return api('/api/calendar/deadline', { query: { ...query, explain: query.explain ? 1 : undefined } });
}

import type { RatingInput, RatingLevel } from '../../api/feedback';

/** What the rating form would send, or why it cannot yet (the server's rules, told before the request). */
export function ratingToSend(
  level: RatingLevel | null,
  chosen: readonly string[],
  comment: string,
): { input: RatingInput } | { problem: 'level' | 'reason' | 'comment' } {
  if (level === null) return { problem: 'level' };
  const text = comment.trim() || null;
  if (level !== 'not_satisfied') return { input: { level, reasons: [], comment: text } };
  if (chosen.length === 0) return { problem: 'reason' };
  if (chosen.includes('other') && text === null) return { problem: 'comment' };
  return { input: { level, reasons: [...chosen], comment: text } };
}

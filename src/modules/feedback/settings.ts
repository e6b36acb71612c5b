import type { Db, Executor } from '../../db/database';
import { audit } from '../../shared/audit';
import type { Principal } from '../identity/rules';
import { DEFAULT_COMPLAINT_DEADLINE_DAYS, DEFAULT_WEIGHTS, checkWeights } from './rules';
import { settingsBody, type FeedbackSettings } from './schema';

/** The settings of the feedback module (one row each in `feedback_settings`), with the defaults of rules.ts. */
export const DEFAULT_SETTINGS: FeedbackSettings = {
  complaintDeadlineDays: DEFAULT_COMPLAINT_DEADLINE_DAYS,
  qualityWeights: DEFAULT_WEIGHTS,
};

export async function loadSettings(db: Executor): Promise<FeedbackSettings> {
  const rows = await db.selectFrom('feedback_settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  // A stored value that no longer parses (an older shape) falls back to the default rather than failing reports.
  const parsed = settingsBody.partial().safeParse(stored);
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

/** Replaces the settings (province administrators), audited with the old and new values. */
export async function saveSettings(db: Db, principal: Principal, s: FeedbackSettings): Promise<FeedbackSettings> {
  checkWeights(s.qualityWeights);
  return db.transaction().execute(async (tx) => {
    const before = await loadSettings(tx);
    for (const [key, value] of Object.entries(s)) {
      await tx
        .insertInto('feedback_settings')
        .values({ key, value: JSON.stringify(value), updated_by: principal.userId })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ value: JSON.stringify(value), updated_by: principal.userId, updated_at: new Date() }),
        )
        .execute();
    }
    await audit.record(tx, {
      actorUserId: principal.userId,
      action: 'feedback.settings',
      entityType: 'feedback_settings',
      data: { before, after: s },
    });
    return s;
  });
}

import type { ColumnType, Generated } from 'kysely';

/** A 'YYYY-MM-DD' `date` column: read back as text (src/db/database.ts). */
type DateText = ColumnType<string, string, string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** A day set by an administrator: a day off or a make-up working day, national or for an agency subtree. */
export interface CalendarDayTable {
  id: Generated<number>;
  /** null: the national calendar; otherwise the day applies to this agency and its subtree. */
  agency_id: number | null;
  date: DateText;
  working: boolean;
  name: string;
  name_en: string | null;
  /** The announcement or decision it follows (số văn bản). */
  decision: string | null;
  updated_at: UpdatedAt;
}

/** An agency's office hours and cut-off; agencies without a row inherit from their nearest ancestor. */
export interface CalendarSettingsTable {
  agency_id: number;
  /** [{ "start": "07:30", "end": "11:30" }, ...] */
  office_hours: ColumnType<unknown, string, string>;
  /** 'HH:MM' */
  cutoff: string;
  updated_at: UpdatedAt;
}

export interface CalendarTables {
  calendar_days: CalendarDayTable;
  calendar_settings: CalendarSettingsTable;
}

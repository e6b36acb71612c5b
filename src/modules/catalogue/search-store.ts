import type { DurationUnit } from './schema';

export type ListFilter = {
  /** YYYY-MM-DD: only versions in force on that day. */
  date: string;
  fieldId?: number;
  level?: string;
  agency?: { id: number; level: string };
};

export type ListItemRow = {
  versionId: number;
  code: string;
  name: string;
  field: { code: string; name: string };
  level: string;
  deadline: { value: number; unit: DurationUnit };
  reducedDeadline: { value: number; unit: DurationUnit } | null;
  fees: { name: string; amount: number }[];
  channels: string[];
  onlineLevel: string;
};

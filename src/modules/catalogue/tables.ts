import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A PostgreSQL `date`, read and written as 'YYYY-MM-DD' text. */
type DateText = ColumnType<string, string, string>;

/** Lĩnh vực: the groups of procedures. */
export interface FieldTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  created_at: CreatedAt;
}

/** Thủ tục hành chính: the stable national code; its content lives in versions. */
export interface ProcedureTable {
  id: Generated<number>;
  code: string;
  created_at: CreatedAt;
}

export interface ProcedureVersionTable {
  id: Generated<number>;
  procedure_id: number;
  /** 1, 2, … in the order the versions were announced. */
  seq: number;
  name: string;
  /** The name folded for search (no diacritics, lowercase, words only), trigram-indexed. */
  search_name: string;
  field_id: number;
  level: string;
  /** True when no agencies are listed: every agency of `level` implements it. */
  all_agencies_of_level: boolean;
  result_agency: string | null;
  result_type: string | null;
  deadline_value: number;
  deadline_unit: string;
  reduced_deadline_value: number | null;
  reduced_deadline_unit: string | null;
  requirements: string | null;
  legal_basis: string[];
  channels: string[];
  online_level: string;
  clock_on_resume: string;
  decision_number: string;
  decision_date: DateText;
  decision_type: string;
  effective_from: DateText;
  /** Exclusive: the day the next version takes effect; null while it is the latest. */
  effective_to: DateText | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface ProcedureVersionAgencyTable {
  version_id: number;
  agency_id: number;
}

export interface ProcedureComponentTable {
  id: Generated<number>;
  version_id: number;
  seq: number;
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  template: string | null;
  /** The downloadable file of the template (form_templates), if one was uploaded. */
  template_sha256: string | null;
}

/** A form template's file, stored once per content. */
export interface FormTemplateTable {
  sha256: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface ProcedureFeeTable {
  id: Generated<number>;
  version_id: number;
  seq: number;
  name: string;
  /** Integer đồng. */
  amount: number;
  note: string | null;
}

export interface ProcedureStepTable {
  id: Generated<number>;
  version_id: number;
  seq: number;
  name: string;
  unit_code: string;
  role: string;
  /** Liên thông: the other agency that processes this step; null for the implementing agency. */
  agency_id: number | null;
  duration_value: number;
  duration_unit: string;
}

export interface CatalogueTables {
  fields: FieldTable;
  procedures: ProcedureTable;
  procedure_versions: ProcedureVersionTable;
  procedure_version_agencies: ProcedureVersionAgencyTable;
  procedure_components: ProcedureComponentTable;
  procedure_fees: ProcedureFeeTable;
  procedure_steps: ProcedureStepTable;
  form_templates: FormTemplateTable;
}

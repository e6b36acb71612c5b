import type { IdentityTables } from '../modules/identity/tables';
import type { CatalogueTables } from '../modules/catalogue/tables';
import type { CalendarTables } from '../modules/calendar/tables';
import type { DossierTables } from '../modules/dossiers/tables';
import type { NotificationTables } from '../modules/notifications/tables';
import type { ReportTables } from '../modules/reports/tables';
import type { WorkflowTables } from '../modules/workflow/tables';
import type { FeedbackTables } from '../modules/feedback/tables';

/** The database as Kysely sees it: each module declares its own tables. */
export interface Database
  extends
    IdentityTables,
    CatalogueTables,
    CalendarTables,
    DossierTables,
    NotificationTables,
    ReportTables,
    WorkflowTables,
    FeedbackTables {}

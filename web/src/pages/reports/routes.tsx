import { Route } from 'react-router';
import { paths } from '../../paths';
import { signedIn } from '../dossier/RoleGate';
import { REPORT_ROLES } from './access';
import { DashboardPage } from './DashboardPage';
import { DrillDownPage } from './DrillDownPage';
import { PublicStatisticsPage } from './PublicStatisticsPage';
import { RatedDossiersPage } from './RatedDossiersPage';

/** The statistics pages: the managers' dashboard and its drill-down lists, and the portal's public page. */
export const reportRoutes = (
  <>
    <Route path={paths.reports} element={signedIn(<DashboardPage />, REPORT_ROLES)} />
    <Route path={paths.reportDossiers} element={signedIn(<DrillDownPage />, REPORT_ROLES)} />
    <Route path={paths.reportRatings} element={signedIn(<RatedDossiersPage />, REPORT_ROLES)} />
    <Route path={paths.publicStatistics} element={<PublicStatisticsPage />} />
  </>
);

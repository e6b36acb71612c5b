import { Route } from 'react-router';
import { paths } from '../../paths';
import { RequireAuth } from '../../session/RequireAuth';
import { RoleGate } from '../dossier/RoleGate';
import { REPORT_ROLES } from './access';
import { DashboardPage } from './DashboardPage';
import { DrillDownPage } from './DrillDownPage';
import { PublicStatisticsPage } from './PublicStatisticsPage';
import { RatedDossiersPage } from './RatedDossiersPage';

/** The statistics pages: the managers' dashboard and its drill-down lists, and the portal's public page. */
export const reportRoutes = (
  <>
    <Route
      path={paths.reports}
      element={
        <RequireAuth>
          <RoleGate roles={REPORT_ROLES}>
            <DashboardPage />
          </RoleGate>
        </RequireAuth>
      }
    />
    <Route
      path={paths.reportDossiers}
      element={
        <RequireAuth>
          <RoleGate roles={REPORT_ROLES}>
            <DrillDownPage />
          </RoleGate>
        </RequireAuth>
      }
    />
    <Route
      path={paths.reportRatings}
      element={
        <RequireAuth>
          <RoleGate roles={REPORT_ROLES}>
            <RatedDossiersPage />
          </RoleGate>
        </RequireAuth>
      }
    />
    <Route path={paths.publicStatistics} element={<PublicStatisticsPage />} />
  </>
);

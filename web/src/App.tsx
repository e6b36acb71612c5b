import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './i18n/i18n';
import { SessionProvider } from './session/session';
import { RequireAuth } from './session/RequireAuth';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { ProcedurePage } from './pages/ProcedurePage';
import { CalendarPage } from './pages/CalendarPage';
import { LoginPage } from './pages/LoginPage';
import { StaffHomePage } from './pages/StaffHomePage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { paths } from './paths';
import { dossierRoutes } from './pages/dossier/routes';
import { adminRoutes } from './pages/admin/routes';
import { reportRoutes } from './pages/reports/routes';
import { feedbackRoutes } from './pages/feedback/routes';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path={paths.procedurePattern} element={<ProcedurePage />} />
              <Route path={paths.calendar} element={<CalendarPage />} />
              <Route path={paths.login} element={<LoginPage />} />
              <Route
                path={paths.staff}
                element={
                  <RequireAuth>
                    <StaffHomePage />
                  </RequireAuth>
                }
              />
              <Route
                path={paths.changePassword}
                element={
                  <RequireAuth>
                    <ChangePasswordPage />
                  </RequireAuth>
                }
              />
              {adminRoutes}
              {dossierRoutes}
              {reportRoutes}
              {feedbackRoutes}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}

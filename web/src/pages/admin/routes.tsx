import { Route } from 'react-router';
import { RequireAuth } from '../../session/RequireAuth';
import { paths } from '../../paths';
import { AdminArea } from './AdminArea';
import { AdminHomePage } from './AdminHomePage';
import { AgenciesPage } from './AgenciesPage';
import { UsersPage } from './UsersPage';
import { NewUserPage } from './NewUserPage';
import { UserPage } from './UserPage';
import { ProceduresAdminPage } from './ProceduresAdminPage';
import { ProcedureHistoryPage } from './ProcedureHistoryPage';
import { ProcedureEditorPage } from './ProcedureEditorPage';
import { ImportPage } from './ImportPage';

/** The administration area's routes, placed by App inside the site layout. */
export const adminRoutes = (
  <Route
    path={paths.admin.home}
    element={
      <RequireAuth>
        <AdminArea />
      </RequireAuth>
    }
  >
    <Route index element={<AdminHomePage />} />
    <Route path={paths.admin.agencies} element={<AgenciesPage />} />
    <Route path={paths.admin.users} element={<UsersPage />} />
    <Route path={paths.admin.newUser} element={<NewUserPage />} />
    <Route path={paths.admin.userPattern} element={<UserPage />} />
    <Route path={paths.admin.procedures} element={<ProceduresAdminPage />} />
    <Route path={paths.admin.newProcedure} element={<ProcedureEditorPage />} />
    <Route path={paths.admin.importProcedures} element={<ImportPage />} />
    <Route path={paths.admin.procedurePattern} element={<ProcedureHistoryPage />} />
    <Route path={paths.admin.editProcedurePattern} element={<ProcedureEditorPage />} />
  </Route>
);

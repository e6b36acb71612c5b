import { Route } from 'react-router';
import { paths } from '../../paths';
import { LookupPage } from '../citizen/LookupPage';
import { MyDossiersPage } from '../citizen/MyDossiersPage';
import { SubmitPage } from '../citizen/SubmitPage';
import { DeskQueuePage } from '../desk/DeskQueuePage';
import { IntakePage } from '../desk/IntakePage';
import { ReceiptPage } from '../desk/ReceiptPage';
import { STAFF_ROLES, STEP_ROLES } from './access';
import { DossierPage } from './DossierPage';
import { DossierSearchPage } from './DossierSearchPage';
import { InboxPage } from './InboxPage';
import { TransfersPage } from './TransfersPage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { signedIn } from './RoleGate';

/** The dossier pages: public lookup, citizen submission and list, the desk, search and the dossier itself. */
export const dossierRoutes = (
  <>
    <Route path={paths.lookup} element={<LookupPage />} />
    <Route path={paths.lookupPattern} element={<LookupPage />} />
    <Route path={paths.submitOnlinePattern} element={signedIn(<SubmitPage />)} />
    <Route path={paths.myDossiers} element={signedIn(<MyDossiersPage />, ['citizen'])} />
    <Route path={paths.desk} element={signedIn(<DeskQueuePage />, ['reception'])} />
    <Route path={paths.deskIntake} element={signedIn(<IntakePage />, ['reception'])} />
    <Route path={paths.inbox} element={signedIn(<InboxPage />, STEP_ROLES)} />
    <Route path={paths.transfers} element={signedIn(<TransfersPage />, STAFF_ROLES)} />
    <Route path={paths.notifications} element={signedIn(<NotificationsPage />)} />
    <Route path={paths.dossiers} element={signedIn(<DossierSearchPage />, STAFF_ROLES)} />
    <Route path={paths.dossierPattern} element={signedIn(<DossierPage />)} />
    <Route path={paths.receiptPattern} element={signedIn(<ReceiptPage />)} />
  </>
);

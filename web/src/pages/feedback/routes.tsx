import { Route } from 'react-router';
import { paths } from '../../paths';
import { signedIn } from '../dossier/RoleGate';
import { ComplaintFormPage } from './ComplaintFormPage';
import { ComplaintsStaffPage } from './ComplaintsStaffPage';
import { EvaluationPage } from './EvaluationPage';
import { KioskPage } from './KioskPage';
import { MyRatingPage } from './MyRatingPage';
import { PublishedComplaintsPage } from './PublishedComplaintsPage';
import { RatingLinkPage } from './RatingLinkPage';

import { COMPLAINT_ROLES, RESULT_ROLES } from './access';

/** Ratings (kiosk, link), complaints (portal form, public answers, officers' page) and evaluation. */
export const feedbackRoutes = (
  <>
    <Route path={paths.kiosk} element={signedIn(<KioskPage />, ['reception'])} />
    <Route path={paths.ratingPattern} element={<RatingLinkPage />} />
    <Route path={paths.myRatingPattern} element={signedIn(<MyRatingPage />, ['citizen'])} />
    <Route path={paths.complaint} element={<ComplaintFormPage />} />
    <Route path={paths.publishedComplaints} element={<PublishedComplaintsPage />} />
    <Route path={paths.complaints} element={signedIn(<ComplaintsStaffPage />, COMPLAINT_ROLES)} />
    <Route path={paths.recordComplaint} element={signedIn(<ComplaintFormPage atDesk />, ['reception'])} />
    <Route path={paths.evaluation} element={signedIn(<EvaluationPage />, RESULT_ROLES)} />
  </>
);

/** The app's URLs in one place, so pages link to each other without typos. */
export const paths = {
  home: '/',
  procedure: (code: string) => `/procedures/${encodeURIComponent(code)}`,
  procedurePattern: '/procedures/:code',
  calendar: '/calendar',
  login: '/login',
  staff: '/staff',
  changePassword: '/staff/password',
  /** The public lookup, the address the receipt's QR code and the messages point to. */
  lookup: '/tra-cuu',
  lookupCode: (code: string) => `/tra-cuu/${encodeURIComponent(code)}`,
  lookupPattern: '/tra-cuu/:code',
  submitOnline: (procedure: string) => `/procedures/${encodeURIComponent(procedure)}/submit`,
  submitOnlinePattern: '/procedures/:code/submit',
  myDossiers: '/my-dossiers',
  notifications: '/notifications',
  desk: '/desk',
  deskIntake: '/desk/new',
  inbox: '/inbox',
  transfers: '/transfers',
  dossiers: '/dossiers',
  dossier: (code: string) => `/dossiers/${encodeURIComponent(code)}`,
  dossierPattern: '/dossiers/:code',
  receipt: (code: string) => `/dossiers/${encodeURIComponent(code)}/receipt`,
  receiptPattern: '/dossiers/:code/receipt',
  /** The manager dashboard; its period and filters live in the query string. */
  reports: '/thong-ke',
  /** The dossiers behind one number of the dashboard: `?metric=` and the dashboard's filters. */
  reportDossiers: '/thong-ke/ho-so',
  /** The rated dossiers behind the dashboard's ratings numbers: `?level=` and the dashboard's period and agency. */
  reportRatings: '/thong-ke/danh-gia',
  /** The public on-time statistics of the portal (no login). */
  publicStatistics: '/cong-khai-ket-qua',
  /** The desk's rating kiosk (signed in with a reception account). */
  kiosk: '/kiosk',
  /** The one-time rating link sent with the returned result. */
  ratingPattern: '/danh-gia/:token',
  myRating: (code: string) => `/my-dossiers/${encodeURIComponent(code)}/rating`,
  myRatingPattern: '/my-dossiers/:code/rating',
  complaint: '/phan-anh',
  publishedComplaints: '/phan-anh/cong-khai',
  complaints: '/complaints',
  recordComplaint: '/complaints/new',
  evaluation: '/evaluation',
  admin: {
    home: '/admin',
    /** The tree; `?agency=<code>` opens one agency beside it without leaving the page. */
    agencies: '/admin/agencies',
    agency: (code: string) => `/admin/agencies?agency=${encodeURIComponent(code)}`,
    users: '/admin/users',
    newUser: '/admin/users/new',
    user: (id: number) => `/admin/users/${id}`,
    userPattern: '/admin/users/:id',
    procedures: '/admin/procedures',
    newProcedure: '/admin/procedures/new',
    importProcedures: '/admin/procedures/import',
    procedure: (code: string) => `/admin/procedures/${encodeURIComponent(code)}`,
    procedurePattern: '/admin/procedures/:code',
    editProcedure: (code: string) => `/admin/procedures/${encodeURIComponent(code)}/edit`,
    editProcedurePattern: '/admin/procedures/:code/edit',
  },
};

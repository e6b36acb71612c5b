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
  desk: '/desk',
  deskIntake: '/desk/new',
  dossiers: '/dossiers',
  dossier: (code: string) => `/dossiers/${encodeURIComponent(code)}`,
  dossierPattern: '/dossiers/:code',
  receipt: (code: string) => `/dossiers/${encodeURIComponent(code)}/receipt`,
  receiptPattern: '/dossiers/:code/receipt',
};

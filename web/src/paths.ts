/** The app's URLs in one place, so pages link to each other without typos. */
export const paths = {
  home: '/',
  procedure: (code: string) => `/procedures/${encodeURIComponent(code)}`,
  procedurePattern: '/procedures/:code',
  calendar: '/calendar',
  login: '/login',
  staff: '/staff',
  changePassword: '/staff/password',
};

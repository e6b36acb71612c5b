import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { hasAnyRole, useSession } from '../session/session';
import { ADMIN_AREA_ROLES } from '../pages/admin/access';
import { paths } from '../paths';
import { Emblem } from './Emblem';
import { DossierNavLinks } from '../pages/dossier/NavLinks';
import { UnreadCountProvider, useUnreadCount } from '../pages/notifications/unread';
import { ReportNavLinks } from '../pages/reports/NavLinks';
import { FeedbackNavLinks } from '../pages/feedback/NavLinks';

function Header() {
  const { t, lang, setLang } = useI18n();
  const { user, logout } = useSession();
  const { unread } = useUnreadCount();
  const navigate = useNavigate();
  const other = lang === 'vi' ? 'en' : 'vi';

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      navigate(paths.home);
    }
  };

  return (
    <header className="site-header">
      <div className="container header-top">
        <Link to={paths.home} className="brand">
          <Emblem />
          <span className="brand-text">
            <span className="brand-province">{t.site.province}</span>
            <span className="brand-system">{t.site.system}</span>
          </span>
        </Link>
        <button
          type="button"
          className="lang-switch"
          lang={other}
          title={t.language.switchLabel}
          onClick={() => setLang(other)}
        >
          {t.language.switchTo}
        </button>
      </div>
      <nav className="main-nav" aria-label={t.nav.label}>
        <div className="container main-nav-inner">
          <ul className="nav-links">
            <li>
              <NavLink to={paths.home} end>
                {t.nav.procedures}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.calendar}>{t.nav.calendar}</NavLink>
            </li>
            <DossierNavLinks />
            <ReportNavLinks />
            <FeedbackNavLinks />
            {hasAnyRole(user, ADMIN_AREA_ROLES) && (
              <li>
                <NavLink to={paths.admin.home}>{t.admin.nav}</NavLink>
              </li>
            )}
          </ul>
          <ul className="nav-links nav-account" aria-label={t.nav.userMenu}>
            {user ? (
              <>
                <li>
                  <NavLink to={paths.notifications}>
                    {t.notifications.nav}
                    {unread > 0 && (
                      <>
                        <span className="count-badge" aria-hidden="true">
                          {unread}
                        </span>
                        <span className="visually-hidden">({t.notifications.unreadBadge(unread)})</span>
                      </>
                    )}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={paths.staff} end>
                    {user.fullName}
                  </NavLink>
                </li>
                <li>
                  <button type="button" className="nav-button" onClick={onLogout}>
                    {t.nav.logout}
                  </button>
                </li>
              </>
            ) : (
              <li>
                <NavLink to={paths.login}>{t.nav.login}</NavLink>
              </li>
            )}
          </ul>
        </div>
      </nav>
    </header>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container footer-grid">
        <div>
          <p className="footer-agency">{t.footer.agency}</p>
          <p>{t.footer.address}</p>
          <p className="footer-software">{t.footer.software}</p>
        </div>
        <div>
          <h2 className="footer-title">{t.footer.legalTitle}</h2>
          <ul>
            {t.footer.legal.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      </div>
    </footer>
  );
}

export function Layout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new content as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.site.skipToContent}
      </a>
      <UnreadCountProvider>
        <Header />
        <main id="main" ref={main} tabIndex={-1} className="container site-main">
          <Outlet />
        </main>
      </UnreadCountProvider>
      <Footer />
    </>
  );
}

import { type JSX, useEffect } from 'react';
import { Layout } from './components/layout.js';
import { ActivityPage } from './pages/activity-page.js';
import { ApiKeysPage } from './pages/api-keys/api-keys-page.js';
import { DevicePage } from './pages/device/device-page.js';
import { InvitePage } from './pages/invite-page.js';
import { LoginPage } from './pages/login-page.js';
import { MembersPage } from './pages/members-page.js';
import { ServiceTokensPage } from './pages/service-tokens/service-tokens-page.js';
import { SetPasswordPage } from './pages/set-password-page.js';
import { SetupPage } from './pages/setup-page.js';
import { WebhooksPage } from './pages/webhooks/webhooks-page.js';
import { navigate, useLocation } from './router.js';
import { useSession } from './session.js';

const HOME = '/settings/api-keys';

/** Pages anyone may open (each signs in itself when it needs to); the rest need a session. */
const PUBLIC_PAGES: Record<string, () => JSX.Element> = {
  '/login': LoginPage,
  '/device': DevicePage,
  '/setup': SetupPage,
  '/invite': InvitePage,
  '/set-password': SetPasswordPage,
};

const PAGES: Record<string, { title: string; Page: () => JSX.Element }> = {
  '/settings/api-keys': { title: 'API keys · Settings', Page: ApiKeysPage },
  '/activity': { title: 'Activity', Page: ActivityPage },
  '/settings/members': { title: 'Members · Settings', Page: MembersPage },
  '/settings/webhooks': { title: 'Webhooks · Settings', Page: WebhooksPage },
  '/settings/service-tokens': { title: 'Service tokens · Settings', Page: ServiceTokensPage },
};

/** Paths that lead to a page: `/settings` opens its first one, as the menu's Settings does. */
const REDIRECTS: Record<string, string> = { '/': HOME, '/settings': HOME };

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  const { state } = useSession();
  const { path } = useLocation();
  const page = PAGES[path];

  useEffect(() => {
    document.title = page ? `${page.title} · OnePin` : 'OnePin';
  }, [page]);

  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  }
  const PublicPage = PUBLIC_PAGES[path];
  if (PublicPage) {
    // Signed in already: the login page has nothing to do (setup and invitations still may).
    return path === '/login' && state.status === 'signed-in' ? (
      <Redirect to={HOME} />
    ) : (
      <PublicPage />
    );
  }
  if (state.status === 'signed-out') return <Redirect to="/login" />;
  const redirect = REDIRECTS[path.replace(/(.)\/+$/, '$1')];
  if (redirect) return <Redirect to={redirect} />;
  return (
    <Layout>
      {page ? (
        <page.Page />
      ) : (
        <section>
          <h1>Page not found</h1>
          <p>There is nothing at {path}.</p>
        </section>
      )}
    </Layout>
  );
}

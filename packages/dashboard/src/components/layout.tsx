import { type ReactNode, useId, useState } from 'react';
import type { Session } from '../api.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession, useSignedIn } from '../session.js';

/** Settings → API keys, Members, Webhooks and Service tokens: the pages README and the CLI point to. */
const SETTINGS: ReadonlyArray<{
  href: string;
  label: string;
  scope?: Session['scopes'][number];
  instanceAdmin?: true;
}> = [
  { href: '/settings/api-keys', label: 'API keys' },
  { href: '/settings/members', label: 'Members' },
  // Admins only (webhook URLs and logs are theirs): hidden from the others.
  { href: '/settings/webhooks', label: 'Webhooks', scope: 'webhooks:read' },
  // The server's own, not a workspace's: instance admins only.
  { href: '/settings/service-tokens', label: 'Service tokens', instanceAdmin: true },
];

function WorkspaceSwitcher() {
  const session = useSignedIn();
  const { switchWorkspace } = useSession();
  const id = useId();
  const [switching, setSwitching] = useState(false);
  if (session.workspaces.length < 2) {
    return (
      <span className="workspace-name" title="Workspace">
        {session.workspace.name}
      </span>
    );
  }
  return (
    <span className="workspace-switcher">
      <label htmlFor={id}>Workspace</label>
      <select
        id={id}
        value={session.workspace.id}
        disabled={switching}
        onChange={async (event) => {
          setSwitching(true);
          await switchWorkspace(event.target.value).finally(() => setSwitching(false));
        }}
      >
        {session.workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name} ({workspace.role})
          </option>
        ))}
      </select>
    </span>
  );
}

/** The settings pages' own tabs, under a "Settings" heading that names the section. */
function SettingsNav({ path }: { path: string }) {
  const session = useSignedIn();
  return (
    <nav aria-label="Settings" className="subnav">
      <span className="subnav-title">Settings</span>
      {SETTINGS.filter(
        (item) =>
          (!item.scope || session.scopes.includes(item.scope)) &&
          (!item.instanceAdmin || session.instance_admin),
      ).map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={path === item.href ? 'page' : undefined}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

/** The frame of every signed-in page: workspace, navigation, who is signed in. */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { signOut } = useSession();
  const { path } = useLocation();
  const inSettings = path.startsWith('/settings/');
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">OnePin</span>
        <WorkspaceSwitcher />
        <nav aria-label="Main" className="nav">
          <Link href="/settings/api-keys" aria-current={inSettings ? 'true' : undefined}>
            Settings
          </Link>
          <Link href="/activity" aria-current={path === '/activity' ? 'page' : undefined}>
            Activity
          </Link>
          {/* The API reference is the server's own page, outside the app. */}
          <a href="/docs">API reference</a>
        </nav>
        <span className="who">
          <span className="who-name">
            {session.user.email} · {session.workspace.role}
          </span>
          <button
            type="button"
            className="button button-quiet"
            onClick={async () => {
              await signOut();
              navigate('/login', { replace: true });
            }}
          >
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {inSettings && <SettingsNav path={path} />}
        {children}
      </main>
    </>
  );
}

import { type ReactNode, useId, useState } from 'react';
import { Link, navigate, useLocation } from '../router.js';
import { useSession, useSignedIn } from '../session.js';

const NAV: ReadonlyArray<{ href: string; label: string; scope?: string }> = [
  { href: '/settings/api-keys', label: 'API keys' },
  { href: '/activity', label: 'Activity' },
  { href: '/settings/members', label: 'Members' },
  // Admins only (webhook URLs and logs are theirs): hidden from the others.
  { href: '/settings/webhooks', label: 'Webhooks', scope: 'webhooks:read' },
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

/** The frame of every signed-in page: workspace, navigation, who is signed in. */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { signOut } = useSession();
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">OnePin</span>
        <WorkspaceSwitcher />
        <nav aria-label="Main" className="nav">
          {NAV.filter((item) => !item.scope || session.scopes.includes(item.scope)).map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={path === item.href ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <span className="who">
          <span>
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
        {children}
      </main>
    </>
  );
}

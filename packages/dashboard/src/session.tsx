import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ApiRequestError, type ApiResult, apiRequest, type Session } from './api.js';

/** The selected workspace is remembered across reloads; it is an id, never a secret. */
const WORKSPACE_KEY = 'onepin.workspace';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** After sign-in, setup or an invitation: the session the server just started. */
  signedIn(session: Session): void;
  signOut(): Promise<void>;
  switchWorkspace(workspaceId: string): Promise<void>;
  /** Reads the session again (e.g. after one's own role changed). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function rememberWorkspace(session: Session): void {
  try {
    localStorage.setItem(WORKSPACE_KEY, session.workspace.id);
  } catch {
    // Storage may be disabled; the first workspace is then used after a reload.
  }
}

function rememberedWorkspace(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

async function fetchSession(workspaceId: string | null): Promise<Session | null> {
  try {
    return (await apiRequest<Session>('GET', '/api/v1/session', undefined, { workspaceId })).data;
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    if (error.status === 401) return null;
    // No longer a member of the remembered workspace: fall back to the first one.
    if (error.status === 403 && workspaceId !== null) return fetchSession(null);
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async (workspaceId: string | null) => {
    const session = await fetchSession(workspaceId);
    if (session) rememberWorkspace(session);
    setState(session ? { status: 'signed-in', session } : { status: 'signed-out' });
  }, []);

  useEffect(() => {
    load(rememberedWorkspace()).catch(() => setState({ status: 'signed-out' }));
  }, [load]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      signedIn(session) {
        rememberWorkspace(session);
        setState({ status: 'signed-in', session });
      },
      async signOut() {
        if (state.status === 'signed-in') {
          await apiRequest('DELETE', '/api/v1/session', undefined, {
            csrfToken: state.session.csrf_token,
          }).catch(() => {});
        }
        setState({ status: 'signed-out' });
      },
      switchWorkspace: (workspaceId) => load(workspaceId),
      refresh: () => load(state.status === 'signed-in' ? state.session.workspace.id : null),
    }),
    [state, load],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession is used outside SessionProvider');
  return value;
}

/** The signed-in session; only for pages rendered behind the sign-in gate. */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn needs a signed-in session');
  return state.session;
}

/**
 * Calls the API as the signed-in person, in the selected workspace. A 401 means the
 * session ended meanwhile: the dashboard then shows the sign-in page.
 */
export function useApi() {
  const { state, refresh } = useSession();
  const session = state.status === 'signed-in' ? state.session : null;
  return useCallback(
    async <T, P = undefined>(
      method: string,
      path: string,
      body?: unknown,
    ): Promise<ApiResult<T, P>> => {
      try {
        return await apiRequest<T, P>(method, path, body, {
          csrfToken: session?.csrf_token ?? null,
          workspaceId: session?.workspace.id ?? null,
        });
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) await refresh();
        throw error;
      }
    },
    [session, refresh],
  );
}

import { type FormEvent, useState } from 'react';
import type { Session } from '../api.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';

/**
 * The form of a page that starts a session (sign-in, first-run setup, an invitation): `send`
 * turns the form into the session the server starts; the person then lands on their keys,
 * or with `stay` remains on the page that asked them to sign in (it carries on signed in).
 * A failure stays on the form as `error`, and the form can be sent again.
 */
export function useSessionForm(
  send: (form: FormData) => Promise<Session>,
  options: { stay?: boolean } = {},
) {
  const { signedIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      signedIn(await send(form));
      if (!options.stay) navigate('/settings/api-keys', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return { error, busy, submit };
}

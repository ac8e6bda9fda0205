import { useEffect, useState } from 'react';
import { apiRequest } from '../api.js';

/**
 * The one-time token of a setup or invitation link, and what the server says about the link
 * (`GET {checkPath}?token=…`): `undefined` while it answers, `null` when the link cannot be
 * used. Once read, the token is removed from the address bar, so it does not linger in
 * history or get copied along with the URL.
 */
export function useOneTimeLink<T>(checkPath: string): {
  token: string;
  link: T | null | undefined;
} {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [link, setLink] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    if (!token) return setLink(null);
    window.history.replaceState(null, '', window.location.pathname);
    apiRequest<T>('GET', `${checkPath}?token=${encodeURIComponent(token)}`)
      .then(({ data }) => setLink(data))
      .catch(() => setLink(null));
  }, [token, checkPath]);
  return { token, link };
}

import { useEffect, useState } from 'react';

/**
 * The one-time token of a setup or invitation link. Once read, it is removed from the
 * address bar, so it does not linger in history or get copied along with the URL.
 */
export function useLinkToken(): string {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  useEffect(() => {
    if (token) window.history.replaceState(null, '', window.location.pathname);
  }, [token]);
  return token;
}

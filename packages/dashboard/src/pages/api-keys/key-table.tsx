import type { ApiKey } from '../../api.js';
import { formatAgo, formatTime, keyStatusText } from '../../format.js';

interface KeyTableProps {
  keys: ApiKey[];
  canWrite: boolean;
  onRotate(key: ApiKey): void;
  onRevoke(key: ApiKey): void;
}

/** "Replaced by op_live_…WxYz" / "Replaces op_live_…AbCd": a rotation's two keys, linked. */
function RotationLink({ apiKey, keys }: { apiKey: ApiKey; keys: ApiKey[] }) {
  const preview = (id: string) => keys.find((k) => k.id === id)?.preview;
  if (apiKey.replaced_by) {
    const other = preview(apiKey.replaced_by);
    return (
      <span className="rotation-link">
        Replaced by {other ? <code>{other}</code> : 'a newer key'}
      </span>
    );
  }
  if (apiKey.rotated_from) {
    const other = preview(apiKey.rotated_from);
    return (
      <span className="rotation-link">
        Replaces {other ? <code>{other}</code> : 'an older key'}
      </span>
    );
  }
  return null;
}

/**
 * The keys, as a table on a wide screen and as one card per key on a phone (the same
 * markup; each cell names its column for the card). The status says when a rotated or
 * revoked key stops or stopped working, and a rotated key names the key that replaced it.
 */
export function KeyTable({ keys, canWrite, onRotate, onRevoke }: KeyTableProps) {
  if (keys.length === 0) return <p className="empty">No keys here yet.</p>;
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="cards-on-phone">
        <caption className="visually-hidden">API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Type</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            {canWrite && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const status = keyStatusText(key, now);
            return (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td data-label="Key">
                  <code>{key.preview}</code>
                </td>
                <td data-label="Type">
                  <span className={`badge badge-${key.key_type}`}>{key.key_type}</span>
                </td>
                <td data-label="Scopes">
                  {key.scopes.length === 0 ? (
                    <span className="muted">none (whoami only)</span>
                  ) : (
                    <ul className="scope-list">
                      {key.scopes.map((scope) => (
                        <li key={scope}>
                          <code>{scope}</code>
                          {key.unknown_scopes?.includes(scope) && (
                            <span
                              className="badge badge-unknown"
                              title="No longer in the server's scope catalogue: it grants nothing"
                            >
                              unknown
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label="Created">{formatTime(key.created_at)}</td>
                <td data-label="Last used">
                  {key.last_used_at === null ? (
                    'Never'
                  ) : (
                    <time dateTime={key.last_used_at} title={formatTime(key.last_used_at)}>
                      {formatAgo(key.last_used_at, 'Never', now)}
                    </time>
                  )}
                </td>
                {/* An ended key's status says when it stopped; its old expiry would mislead. */}
                <td data-label="Expires">
                  {status.ended && status.state !== 'disabled'
                    ? '—'
                    : formatTime(key.expires_at, 'Never')}
                </td>
                <td data-label="Status">
                  <div>
                    <span className={`status status-${status.state}`}>{status.label}</span>
                    {key.leak && <span className="badge badge-leaked">leaked</span>}
                    <RotationLink apiKey={key} keys={keys} />
                  </div>
                </td>
                {canWrite && (
                  <td className="actions">
                    {!status.ended && (
                      <>
                        {status.state !== 'rotated' && (
                          <button type="button" className="button" onClick={() => onRotate(key)}>
                            Rotate<span className="visually-hidden"> {key.name}</span>
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-danger"
                          onClick={() => onRevoke(key)}
                        >
                          Revoke<span className="visually-hidden"> {key.name}</span>
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

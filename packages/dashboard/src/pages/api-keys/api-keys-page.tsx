import { useEffect, useId, useRef, useState } from 'react';
import type { ApiKey, CreatedApiKey } from '../../api.js';
import { ErrorNotice, InfoNotice } from '../../components/notice.js';
import { Pager } from '../../components/pager.js';
import { formatTime } from '../../format.js';
import { useOffsetPage } from '../../offset-page.js';
import { useSignedIn } from '../../session.js';
import { CreateKeyDialog } from './create-key-dialog.js';
import { KeyTable } from './key-table.js';
import { RevokeKeyDialog } from './revoke-key-dialog.js';
import { RotateKeyDialog } from './rotate-key-dialog.js';
import { SecretDialog } from './secret-dialog.js';

type StatusFilter = 'active' | 'revoked' | 'all';
const PAGE_SIZE = 25;

/** Which dialog is open. The plaintext lives only in the `secret` one, and dies with it. */
type OpenDialog =
  | { kind: 'create' }
  | { kind: 'rotate'; key: ApiKey }
  | { kind: 'revoke'; key: ApiKey }
  | { kind: 'secret'; key: CreatedApiKey; note: string };

/** Settings → API keys: the workspace's keys, and (for admins) creating, rotating, revoking. */
export function ApiKeysPage() {
  const session = useSignedIn();
  const filterId = useId();
  const canWrite = session.scopes.includes('api_keys:write');
  const [status, setStatus] = useState<StatusFilter>('active');
  const { page, offset, error, reload, rewind, previous, next } = useOffsetPage<ApiKey>(
    `/api/v1/api-keys?status=${status}`,
    PAGE_SIZE,
  );
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  // What just happened, said where focus lands once the row it happened to is gone.
  // (An object, so saying the same thing twice still moves focus.)
  const [done, setDone] = useState<{ text: string } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done !== null) doneRef.current?.focus();
  }, [done]);

  const showSecret = (key: CreatedApiKey, note: string) => {
    setDialog({ kind: 'secret', key, note });
    reload();
  };

  return (
    <section aria-labelledby="keys-title" className="page">
      <div className="page-header">
        <div>
          <h1 id="keys-title">API keys</h1>
          <p className="intro">
            Keys let the CLI, the SDK and your services act in{' '}
            <strong>{session.workspace.name}</strong> with the scopes you give them.
          </p>
        </div>
        {canWrite && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'create' })}
          >
            Create key
          </button>
        )}
      </div>
      {!canWrite && (
        <InfoNotice>
          As {session.workspace.role === 'editor' ? 'an editor' : 'a viewer'} you can see the keys
          but not change them. Ask an admin to create or revoke keys.
        </InfoNotice>
      )}

      <div className="toolbar">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as StatusFilter);
            rewind();
          }}
        >
          <option value="active">Active keys</option>
          <option value="revoked">Revoked, expired and disabled keys</option>
          <option value="all">All keys</option>
        </select>
      </div>

      <ErrorNotice error={error} />
      {page?.items
        .filter((key) => key.leak !== null)
        .map((key) => (
          <LeakBanner key={key.id} apiKey={key} />
        ))}
      {done !== null && (
        <p ref={doneRef} className="notice notice-info" role="status" tabIndex={-1}>
          {done.text}
        </p>
      )}
      {page && (
        <KeyTable
          keys={page.items}
          canWrite={canWrite}
          onRotate={(key) => setDialog({ kind: 'rotate', key })}
          onRevoke={(key) => setDialog({ kind: 'revoke', key })}
        />
      )}
      {page && (
        <Pager
          label="API key pages"
          summary={
            page.total === 0
              ? undefined
              : `${offset + 1}–${offset + page.items.length} of ${page.total}`
          }
          onPrevious={previous}
          onNext={next}
        />
      )}

      {dialog?.kind === 'create' && (
        <CreateKeyDialog
          onClose={() => setDialog(null)}
          onCreated={(key) =>
            showSecret(
              key,
              'Store it in a secrets manager now: OnePin keeps only a hash and cannot show it again.',
            )
          }
        />
      )}
      {dialog?.kind === 'rotate' && (
        <RotateKeyDialog
          apiKey={dialog.key}
          onClose={() => setDialog(null)}
          onRotated={(oldKey, newKey) =>
            showSecret(
              newKey,
              oldKey.revoked_at !== null
                ? `The old key ${oldKey.preview} stopped working. Store the new one in a secrets manager now.`
                : `The old key ${oldKey.preview} keeps working until ${formatTime(oldKey.expires_at)}. Store the new one in a secrets manager and deploy it before then.`,
            )
          }
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeKeyDialog
          apiKey={dialog.key}
          onClose={() => setDialog(null)}
          onRevoked={() => {
            // The Revoke button leaves with its row: focus goes to the message saying so.
            setDone({
              text: `Revoked “${dialog.key.name}” (${dialog.key.preview}). It stopped working.`,
            });
            setDialog(null);
            reload();
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <SecretDialog apiKey={dialog.key} note={dialog.note} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

/** The warning over the table for a key reported found in public (the CLI's `keys show` says the same). */
function LeakBanner({ apiKey }: { apiKey: ApiKey }) {
  const leak = apiKey.leak;
  if (leak === null) return null;
  const source = leak.source === 'github' ? 'GitHub secret scanning' : 'a public report';
  // Only a web address becomes a link (never `javascript:` or the like).
  const link = leak.url !== null && /^https?:\/\//i.test(leak.url);
  return (
    <p className="notice notice-error leak-banner" role="alert">
      <strong>Leaked:</strong> key “{apiKey.name}” (<code>{apiKey.preview}</code>) was found in
      public{leak.url ? ' at ' : ''}
      {link ? (
        <a href={leak.url ?? ''} rel="noreferrer noopener" target="_blank">
          {leak.url}
        </a>
      ) : (
        leak.url
      )}{' '}
      ({source}, {formatTime(leak.reported_at)}){' '}
      {leak.action === 'revoked'
        ? 'and was revoked at once. Rotate whatever used it.'
        : 'and still works: revoke it and rotate whatever uses it.'}
    </p>
  );
}

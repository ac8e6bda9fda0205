import { type FormEvent, useId, useState } from 'react';
import { ApiRequestError, type Member, type MemberAdded, type Role } from '../api.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { CopyField } from '../components/copy-field.js';
import { Dialog } from '../components/dialog.js';
import { ErrorNotice } from '../components/notice.js';
import { Pager } from '../components/pager.js';
import { formatTime } from '../format.js';
import { useOffsetPage } from '../offset-page.js';
import { useApi, useSession, useSignedIn } from '../session.js';
import { Field } from './auth-card.js';

const PAGE_SIZE = 50;
const ROLES: ReadonlyArray<{ role: Role; hint: string }> = [
  { role: 'admin', hint: 'everything, including keys and members' },
  { role: 'editor', hint: 'workflows, templates and uploads; sees keys' },
  { role: 'viewer', hint: 'read only' },
];

type OpenDialog =
  | { kind: 'invite'; email: string; url: string }
  | { kind: 'remove'; member: Member };

/** Settings → Members: who belongs to the workspace; admins add, re-role and remove people. */
export function MembersPage() {
  const session = useSignedIn();
  const { refresh } = useSession();
  const api = useApi();
  const isAdmin = session.workspace.role === 'admin';
  const {
    page,
    error: loadError,
    reload,
    previous,
    next,
  } = useOffsetPage<Member>('/api/v1/members', PAGE_SIZE);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  /** After changing oneself, the session's role changed too. */
  const afterChange = async (userId: string) => {
    if (userId === session.user.id) await refresh();
    else reload();
  };

  async function changeRole(member: Member, role: Role) {
    setError(null);
    try {
      await api('PATCH', `/api/v1/members/${member.user_id}`, { role });
      await afterChange(member.user_id);
    } catch (caught) {
      setError(caught);
      reload();
    }
  }

  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">Members</h1>
      <p className="intro">
        People who can sign in to <strong>{session.workspace.name}</strong>, and what their role
        lets them do.
      </p>
      {isAdmin && (
        <AddMemberForm
          onAdded={(email, url) => {
            reload();
            if (url) setDialog({ kind: 'invite', email, url });
          }}
        />
      )}
      <ErrorNotice error={error ?? loadError} />
      {page && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Members</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {page.items.map((member) => (
                <tr key={member.user_id}>
                  <th scope="row">
                    {member.email}
                    {member.pending && <span className="badge">has not set a password yet</span>}
                  </th>
                  <td>
                    {isAdmin ? (
                      <select
                        aria-label={`Role of ${member.email}`}
                        value={member.role}
                        onChange={(event) => changeRole(member, event.target.value as Role)}
                      >
                        {ROLES.map(({ role }) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    ) : (
                      member.role
                    )}
                  </td>
                  <td>{formatTime(member.created_at)}</td>
                  {isAdmin && (
                    <td className="actions">
                      <button
                        type="button"
                        className="button button-danger"
                        onClick={() => setDialog({ kind: 'remove', member })}
                      >
                        Remove<span className="visually-hidden"> {member.email}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && <Pager label="Member pages" onPrevious={previous} onNext={next} />}

      {dialog?.kind === 'invite' && (
        <Dialog title={`Invitation for ${dialog.email}`} onClose={() => setDialog(null)}>
          <p className="notice notice-warning">
            Send this one-time link to {dialog.email} over a channel you trust. It is shown only now
            and works once, for 7 days; with it they choose their own password.
          </p>
          <CopyField label="Invitation link" value={dialog.url} />
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={() => setDialog(null)}>
              Done
            </button>
          </div>
        </Dialog>
      )}
      {dialog?.kind === 'remove' && (
        <RemoveMemberDialog
          member={dialog.member}
          onClose={() => setDialog(null)}
          onRemoved={async () => {
            setDialog(null);
            await afterChange(dialog.member.user_id);
          }}
        />
      )}
    </section>
  );
}

function AddMemberForm({ onAdded }: { onAdded(email: string, inviteUrl: string | null): void }) {
  const api = useApi();
  const roleId = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError(null);
    try {
      const { data } = await api<MemberAdded>('POST', '/api/v1/members', {
        email: String(form.get('email')),
        role: String(form.get('role')),
      });
      formElement.reset();
      onAdded(data.member.email, data.invite_url);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={add} className="inline-form" aria-label="Add a member">
      <Field
        id="member-email"
        name="email"
        label="Email"
        type="email"
        required
        error={error instanceof ApiRequestError ? error.detail('email') : undefined}
      />
      <div className="field">
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} name="role" defaultValue="viewer">
          {ROLES.map(({ role, hint }) => (
            <option key={role} value={role}>
              {role}: {hint}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        Add member
      </button>
      <ErrorNotice
        error={error instanceof ApiRequestError && error.details.length > 0 ? null : error}
      />
    </form>
  );
}

function RemoveMemberDialog({
  member,
  onClose,
  onRemoved,
}: {
  member: Member;
  onClose(): void;
  onRemoved(): void;
}) {
  const api = useApi();
  return (
    <ConfirmDialog
      title={`Remove ${member.email}?`}
      confirmLabel={`Remove ${member.email}`}
      onConfirm={async () => {
        await api('DELETE', `/api/v1/members/${member.user_id}`);
        onRemoved();
      }}
      onClose={onClose}
    >
      <p>
        They lose access to this workspace at once. Their keys keep working until you revoke them.
      </p>
    </ConfirmDialog>
  );
}

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
import { RemoveMemberDialog } from './remove-member-dialog.js';

const PAGE_SIZE = 50;
const ROLES: ReadonlyArray<{ role: Role; hint: string }> = [
  { role: 'admin', hint: 'everything, including keys and members' },
  { role: 'editor', hint: 'workflows, templates and uploads; sees keys' },
  { role: 'viewer', hint: 'read only' },
];

type OpenDialog =
  | { kind: 'invite'; email: string; url: string }
  | { kind: 'remove'; member: Member }
  | { kind: 'cancel'; member: Member };

/**
 * Settings → Members: who belongs to the workspace and who is invited; admins invite people,
 * issue a new link for a lost one, change roles and remove people (with their keys).
 */
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
  const afterChange = async (userId: string | null) => {
    if (userId === session.user.id) await refresh();
    else reload();
  };

  async function changeRole(member: Member, role: Role) {
    setError(null);
    try {
      await api('PATCH', `/api/v1/members/${member.id}`, { role });
      await afterChange(member.user_id);
    } catch (caught) {
      setError(caught);
      reload();
    }
  }

  /** A lost or expired link: inviting the same email again replaces it. */
  async function reissue(member: Member) {
    setError(null);
    try {
      const { data } = await api<MemberAdded>('POST', '/api/v1/members', {
        email: member.email,
        role: member.role,
      });
      reload();
      setDialog({ kind: 'invite', email: data.member.email, url: data.invite_url });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">Members</h1>
      <p className="intro">
        People who can sign in to <strong>{session.workspace.name}</strong>, people invited to, and
        what their role lets them do.
      </p>
      {isAdmin && (
        <AddMemberForm
          onAdded={(added) => {
            reload();
            setDialog({ kind: 'invite', email: added.member.email, url: added.invite_url });
          }}
        />
      )}
      <ErrorNotice error={error ?? loadError} />
      {page && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Members and invitations</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {page.items.map((member) => (
                <tr key={`${member.status}:${member.id}`}>
                  <th scope="row">
                    {member.email}
                    {member.user_id === session.user.id && <span className="badge">you</span>}
                  </th>
                  <td>
                    {isAdmin && member.status === 'active' ? (
                      <select
                        aria-label={`Role of ${member.email}`}
                        value={member.role}
                        disabled={member.last_admin}
                        title={member.last_admin ? 'The only admin stays an admin' : undefined}
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
                  <td>
                    <MemberStatus member={member} />
                  </td>
                  {isAdmin && (
                    <td className="actions">
                      {member.status === 'invited' ? (
                        <>
                          <button type="button" className="button" onClick={() => reissue(member)}>
                            New link<span className="visually-hidden"> for {member.email}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-danger"
                            onClick={() => setDialog({ kind: 'cancel', member })}
                          >
                            Cancel invitation
                            <span className="visually-hidden"> for {member.email}</span>
                          </button>
                        </>
                      ) : (
                        // The only admin cannot leave: no Remove on that row (the server refuses too).
                        !member.last_admin && (
                          <button
                            type="button"
                            className="button button-danger"
                            onClick={() => setDialog({ kind: 'remove', member })}
                          >
                            Remove<span className="visually-hidden"> {member.email}</span>
                          </button>
                        )
                      )}
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
            and works once, for 7 days. Someone new creates their account with it, with a password
            of their own; someone who already has an account signs in as {dialog.email} to accept.
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
      {dialog?.kind === 'cancel' && (
        <ConfirmDialog
          title={`Cancel the invitation for ${dialog.member.email}?`}
          confirmLabel="Cancel invitation"
          onConfirm={async () => {
            await api('DELETE', `/api/v1/members/invitations/${dialog.member.id}`);
            setDialog(null);
            reload();
          }}
          onClose={() => setDialog(null)}
        >
          <p>Its link stops working at once. You can invite {dialog.member.email} again later.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** "Joined …" for a member; "Invited … by …" for an invitation, and whether its link still works. */
function MemberStatus({ member }: { member: Member }) {
  if (member.status === 'active') return <>Joined {formatTime(member.joined_at)}</>;
  const expired = member.expires_at !== null && Date.parse(member.expires_at) <= Date.now();
  return (
    <>
      <span className="badge">invited</span> {formatTime(member.invited_at)}
      {member.invited_by_email && <> by {member.invited_by_email}</>}
      <br />
      <span className="hint">
        {expired
          ? 'The link expired: issue a new one.'
          : `Link works until ${formatTime(member.expires_at)}`}
      </span>
    </>
  );
}

function AddMemberForm({ onAdded }: { onAdded(added: MemberAdded): void }) {
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
      onAdded(data);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={add} className="inline-form" aria-label="Invite a member">
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
        Invite
      </button>
      <ErrorNotice
        error={error instanceof ApiRequestError && error.details.length > 0 ? null : error}
      />
    </form>
  );
}

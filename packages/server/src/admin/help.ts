import { SCOPES } from '@onepin/core';

/** `onepin-server --help`. */
export const SERVER_HELP = `Usage: onepin-server [serve]                  start the API server and the dashboard
       onepin-server admin COMMAND [options]  act on the database directly
       onepin-server --version

Admin commands (onepin-server admin COMMAND --help for each):
  onepin-server admin create-user --email EMAIL --workspace NAME [--password P] [--role R]
  onepin-server admin reset-password --email EMAIL
  onepin-server admin create-key --workspace WORKSPACE --name NAME [--scopes a,b] [options]
  onepin-server admin wipe-test-data --workspace WORKSPACE
  onepin-server admin create-service-token --name NAME
  onepin-server admin list-service-tokens
  onepin-server admin revoke-service-token ID
  onepin-server admin grant-instance-admin --email EMAIL

Configuration comes from ONEPIN_* environment variables (see the README).`;

/** `onepin-server admin --help`. */
export const ADMIN_HELP = `Usage: onepin-server admin COMMAND [options]

Commands (they open the configured database themselves; no server needs to run):
  create-user      a user, a workspace, and the user as its admin
  reset-password   a new one-time link with which a person sets their password
  create-key       an API key for a workspace; prints the key once
  wipe-test-data   delete a workspace's test workflows and test uploads
  create-service-token  a token for your own services to call the verify API; printed once
  list-service-tokens   the service tokens (previews only), newest first
  revoke-service-token  revoke a service token by its id
  grant-instance-admin  let an existing user manage the service tokens

Every command takes --json: its result as one JSON object on stdout, errors as JSON on stderr.
Run onepin-server admin COMMAND --help for a command's options.`;

/** Each admin command's own `--help`. */
export const ADMIN_COMMAND_HELP: Readonly<Record<string, string>> = {
  'create-user': `Usage: onepin-server admin create-user --email EMAIL --workspace NAME [options]

Creates a user, a workspace named NAME, and makes the user its admin.

Options:
  --email EMAIL        the user's email (sign-in name)
  --workspace NAME     the new workspace's name
  --password P         the user's password (asked for on a terminal when left out; left
                       empty, a one-time set-password link is printed instead)
  --role ROLE          admin (default), editor or viewer
  --instance-admin     the user also manages the instance's service tokens
  --json               print {user, workspace, set_password_url, set_password_expires_at}`,
  'reset-password': `Usage: onepin-server admin reset-password --email EMAIL [--json]

Prints a new one-time link with which the person sets their password; their earlier links
stop working. The password changes only when the link is used.

Options:
  --email EMAIL        the account's email
  --json               print {user, set_password_url, set_password_expires_at}`,
  'create-key': `Usage: onepin-server admin create-key --workspace WORKSPACE --name NAME [options]

Creates an API key and prints it once: the key alone on stdout (so KEY=$(…) works), what
was made on stderr. Store it in a secrets manager: it cannot be shown again.

Options:
  --workspace WORKSPACE  the workspace's id, slug, or name (as the dashboard shows it)
  --name NAME            what the key is for, 1–120 characters
  --scopes a,b           comma-separated scopes (none: it can only call whoami)
                         ${SCOPES.join(', ')},
                         and those of ONEPIN_SCOPES_FILE
  --type live|test       live (default) or test
  --expires-at ISO       when it stops working, e.g. 2027-01-31T00:00:00Z
  --rate-limit N         requests per minute (default: the server's)
  --json                 print {id, workspace_id, name, key_type, scopes, expires_at, api_key}

Example:
  export ONEPIN_API_KEY=$(onepin-server admin create-key --workspace acme --name ci --scopes workflows:read)`,
  'wipe-test-data': `Usage: onepin-server admin wipe-test-data --workspace WORKSPACE [--json]

Deletes the workspace's test workflows and test uploads (their files too). Live data, API
keys and the activity log stay.

Options:
  --workspace WORKSPACE  the workspace's id, slug, or name
  --json                 print {workspace_id, workflows_deleted, uploads_deleted}`,
  'create-service-token': `Usage: onepin-server admin create-service-token --name NAME [--json]

Creates a service token (op_svc_…) and prints it once: the token alone on stdout (so
TOKEN=$(…) works), what was made on stderr. A service token authenticates only the verify
API (POST /api/v1/keys/verify, /verify/batch, /verify/usage, GET /verify/events), with which
your own services check the OnePin keys their callers present. Store it in a secrets manager:
it cannot be shown again.

Options:
  --name NAME          what it is for (the service that uses it), 1–100 characters
  --json               print {id, name, preview, status, created_by, created_at,
                       last_used_at, revoked_at, token}

Example:
  export ONEPIN_SERVICE_TOKEN=$(onepin-server admin create-service-token --name billing-api)`,
  'list-service-tokens': `Usage: onepin-server admin list-service-tokens [--json]

Lists the service tokens, newest first, revoked ones too: id, name, preview (op_svc_…AbCd;
never the token), status, when made and last used.

Options:
  --json               print {service_tokens: [{id, name, preview, status, created_by,
                       created_at, last_used_at, revoked_at}]}`,
  'revoke-service-token': `Usage: onepin-server admin revoke-service-token ID [--json]

Revokes the service token with this id (list-service-tokens shows the ids). Running servers
stop accepting it at once on PostgreSQL or with Redis; a server on SQLite (which this
command cannot reach) within 5 seconds, the life of its service-token cache. Revoking a
revoked token changes nothing and succeeds; an unknown id fails (exit 1).

Options:
  --json               print {id, name, preview, status, …, revoked_at, already_revoked}`,
  'grant-instance-admin': `Usage: onepin-server admin grant-instance-admin --email EMAIL [--json]

Makes an existing user an instance admin: they manage the service tokens (dashboard:
Settings → Service tokens; GET/POST/DELETE /api/v1/service-tokens). The user who set the
server up is one already.

Options:
  --email EMAIL        the account's email
  --json               print {user, already_instance_admin}`,
};

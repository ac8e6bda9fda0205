/** What the CLI uses of `@onepin/sdk/credentials`, the one implementation of the file's rules. */
export type CredentialsFile = typeof import('@onepin/sdk/credentials');

/** The SDK's credentials-file module (Node only), loaded when a command first needs it. */
export function loadCredentialsFile(): Promise<CredentialsFile> {
  return import('@onepin/sdk/credentials');
}

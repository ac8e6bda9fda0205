import type { ScopeInfo } from '../api.js';

/** A scope beside its checkbox: its name, whether the operator declared it, what it grants. */
export function ScopeChoiceText({ scope }: { scope: ScopeInfo }) {
  return (
    <span>
      <code>{scope.name}</code>
      {!scope.built_in && (
        <span className="badge" title="Declared by this server's operator">
          custom
        </span>
      )}{' '}
      <span className="hint">{scope.description}</span>
    </span>
  );
}

import { useId, useRef, useState } from 'react';

/**
 * A read-only secret (a key, a one-time link) with a copy button. Where the clipboard API
 * is unavailable (plain http on another host), the text is selected for Ctrl/Cmd+C.
 */
export function CopyField({
  label,
  value,
  onCopied,
}: {
  label: string;
  value: string;
  /** Called once the value was copied (the button, or Ctrl/Cmd+C in the field). */
  onCopied?(): void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied to the clipboard.');
      onCopied?.();
    } catch {
      input.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  }

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          className="secret"
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          onCopy={() => onCopied?.()}
        />
        <button type="button" className="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

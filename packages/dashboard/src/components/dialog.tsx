import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  title: string;
  /** Called on Escape, on the close button and whenever the dialog should go away. */
  onClose(): void;
  children: ReactNode;
  /** `alertdialog` for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog';
  /** A click on the dimmed page around the dialog; ignored when not given. */
  onBackdropClick?(): void;
}

/** What takes focus when a dialog opens: a marked element, else the first form field. */
const INITIAL_FOCUS = '[data-autofocus], input:not([type="hidden"]), select, textarea';

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the rest of the page
 * inert (focus stays inside), Escape closes it, and focus returns where it was. On opening,
 * focus goes to the element marked `data-autofocus`, else to the first field.
 */
export function Dialog({
  title,
  onClose,
  children,
  role = 'dialog',
  onBackdropClick,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocus = document.activeElement as HTMLElement | null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>(INITIAL_FOCUS)?.focus();
    return () => {
      dialog.close();
      returnFocus?.focus();
    };
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way out is Escape (onCancel); a click on the backdrop is the mouse's.
    <dialog
      ref={ref}
      className="dialog"
      role={role}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      // The backdrop belongs to the <dialog> itself: a click there targets the element.
      onClick={(event) => {
        if (event.target === event.currentTarget) onBackdropClick?.();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => onClose()}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}

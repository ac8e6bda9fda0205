interface PagerProps {
  label: string;
  /** e.g. "1–20 of 45"; left out for cursor pages. */
  summary?: string;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}

/** Previous/next buttons under a paged table. */
export function Pager({ label, summary, onPrevious, onNext }: PagerProps) {
  if (!onPrevious && !onNext && !summary) return null;
  return (
    <nav className="pager" aria-label={label}>
      {summary && <span>{summary}</span>}
      <button
        type="button"
        className="button"
        disabled={!onPrevious}
        onClick={() => onPrevious?.()}
      >
        Previous
      </button>
      <button type="button" className="button" disabled={!onNext} onClick={() => onNext?.()}>
        Next
      </button>
    </nav>
  );
}

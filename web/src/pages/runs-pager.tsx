// The runs table's foot: where the page is in the whole ("51–100 of 1,234"), the page size
// (in the URL as limit=) and the cursor steps.
const PAGE_SIZES = [25, 50, 100, 200];
const count = new Intl.NumberFormat("en-US");

interface Props {
  /** Index of the page's first run among all that match. */
  start: number;
  shown: number;
  total: number | undefined;
  size: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  onSize(size: number): void;
}

export function RunsPager({ start, shown, total, size, hasPrevious, hasNext, onPrevious, onNext, onSize }: Props) {
  // A size typed into the URL (limit=7) is kept and offered beside the usual ones.
  const sizes = PAGE_SIZES.includes(size) ? PAGE_SIZES : [...PAGE_SIZES, size].sort((a, b) => a - b);
  return (
    <div class="pager">
      <label>
        Runs per page
        <select value={size} onChange={(e) => onSize(Number(e.currentTarget.value))}>
          {sizes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {hasPrevious && (
        <button type="button" onClick={onPrevious}>
          ‹ Previous
        </button>
      )}
      <span class="muted run-count">
        {shown > 0 && total !== undefined && `${count.format(start + 1)}–${count.format(start + shown)} of ${count.format(total)}`}
      </span>
      {hasNext && (
        <button type="button" onClick={onNext}>
          Next ›
        </button>
      )}
    </div>
  );
}

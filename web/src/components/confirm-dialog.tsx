// A question asked in the page before something irreversible (deleting runs): the page's own
// modal, not window.confirm, so it is styled, testable and names exactly what will go.
import type { ComponentChildren } from "preact";
import { useEscape } from "./use-escape.ts";

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props) {
  useEscape(true, onCancel);
  return (
    <div class="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
      <form
        class="modal"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        {children}
        <div class="modal-actions">
          {/* biome-ignore lint/a11y/noAutofocus: focus starts on the safe answer, so Enter keeps everything */}
          <button type="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="submit" class="danger">
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

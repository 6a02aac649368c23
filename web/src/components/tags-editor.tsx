import { useState } from "preact/hooks";

/** A run's tags as chips: × removes one, the input adds one on Enter; Escape drops what was typed. */
export function TagsEditor({ tags, onAdd, onRemove }: { tags: string[]; onAdd(tag: string): void; onRemove(tag: string): void }) {
  const [text, setText] = useState("");
  return (
    <div class="tags-editor">
      {tags.map((t) => (
        <span key={t} class="tag">
          {t}
          <button type="button" class="tag-remove" aria-label={`Remove tag ${t}`} onClick={() => onRemove(t)}>
            ×
          </button>
        </span>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const tag = text.trim();
          if (tag) onAdd(tag);
          setText("");
        }}
      >
        <input
          class="tag-input"
          name="tag"
          placeholder="add tag"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            setText("");
            e.currentTarget.blur();
          }}
        />
      </form>
    </div>
  );
}

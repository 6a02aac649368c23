import { useState } from "preact/hooks";
import { declineToken, giveToken, tokenRequest } from "../api/auth.ts";
import { useEscape } from "./use-escape.ts";

/** Asks for the API token when the server answered 401; waiting requests resume once it is given, and fail with the 401 on Escape. */
export function TokenPrompt() {
  const [value, setValue] = useState("");
  const request = tokenRequest.value;
  useEscape(Boolean(request), declineToken);
  if (!request) return null;
  return (
    <div class="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="token-title">
      <form
        class="modal"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) giveToken(value.trim());
          setValue("");
        }}
      >
        <h2 id="token-title">API token</h2>
        <p>
          {request.rejected
            ? "The server did not accept that token. Try another one."
            : "This server needs an API token (RUNCAMP_ADMIN_TOKEN or one issued to you)."}
        </p>
        <input type="password" name="token" autoComplete="off" placeholder="token" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <p class="hint">It is kept in this browser (localStorage) and sent as a Bearer header, never in a URL.</p>
        <div class="modal-actions">
          <button type="submit" class="primary">
            Use token
          </button>
        </div>
      </form>
    </div>
  );
}

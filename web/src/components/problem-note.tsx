import { ApiProblem } from "../api/types.ts";

/** An error as a person should read it: the server's problem detail, or what failed. */
export function ProblemNote({ error }: { error: unknown }) {
  if (!error) return null;
  const text = error instanceof ApiProblem ? `${error.title}: ${error.detail}` : error instanceof Error ? error.message : String(error);
  return (
    <div class="problem" role="alert">
      {text}
    </div>
  );
}

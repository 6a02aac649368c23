// The spec documents artifact paths as one pattern (ARTIFACT_PATH_PATTERN) while the server
// checks them rule by rule, to say which rule a path breaks. The two must agree on every path.
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { ARTIFACT_PATH_PATTERN, ArtifactPath } from "../src/api/artifacts/schemas.ts";

describe("artifact path pattern", () => {
  test("the documented pattern accepts exactly the paths the checks accept", () => {
    // The characters every rule is about, and ordinary ones around them.
    const char = fc.constantFrom("a", "é", ".", "/", "\\", "\u0000", "\u001f", "\u007f", "\u0085", " ", "😀");
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 12 }), (chars) => {
        const path = chars.join("");
        expect(ARTIFACT_PATH_PATTERN.test(path)).toBe(v.safeParse(ArtifactPath, path).success);
      }),
      { numRuns: 5000 },
    );
  });

  test("it is the pattern openapi.yaml states", async () => {
    const { readFile } = await import("node:fs/promises");
    const spec = await readFile(new URL("../openapi.yaml", import.meta.url), "utf8");
    expect(spec).toContain(`pattern: ${ARTIFACT_PATH_PATTERN.source}`);
  });
});

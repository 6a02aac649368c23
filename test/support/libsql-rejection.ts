import { LibsqlError } from "@libsql/client";
import { expect } from "vitest";

/** The LibsqlError a promise rejects with (failing the test when it resolves or throws another error). */
export async function rejection(promise: Promise<unknown>): Promise<LibsqlError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(LibsqlError);
    return e as LibsqlError;
  }
  throw new Error("expected the promise to reject");
}

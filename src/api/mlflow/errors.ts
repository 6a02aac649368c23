// MLflow's error body, `{"error_code", "message"}`, with MLflow's status for each code
// (mlflow/exceptions.py ERROR_CODE_TO_HTTP_STATUS). The mlflow client reads error_code to
// decide what an error means (RESOURCE_DOES_NOT_EXIST lets `set_experiment` create one), so
// the MLflow routes answer this body instead of problem+json. Errors are still ApiErrors:
// runcamp's services throw them, and `mlflowError` translates the ones that are not MLflow's.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "../../http/problems.ts";
import { excerpt } from "../../lib/text.ts";

export const MLFLOW_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  INTERNAL_ERROR: 500,
  NOT_IMPLEMENTED: 501,
} as const;

export type MlflowErrorCode = keyof typeof MLFLOW_STATUS;

export class MlflowError extends ApiError {
  readonly code: MlflowErrorCode;

  constructor(code: MlflowErrorCode, message: string) {
    super(MLFLOW_STATUS[code], code.toLowerCase().replaceAll("_", "-"), code, message);
    this.code = code;
  }
}

export const invalidParameter = (message: string) => new MlflowError("INVALID_PARAMETER_VALUE", message);
export const doesNotExist = (message: string) => new MlflowError("RESOURCE_DOES_NOT_EXIST", message);
export const runDoesNotExist = (runId: string) => doesNotExist(`Run with id=${excerpt(runId, 64)} not found`);

// runcamp's statuses as MLflow codes. A 409 (a campaign name taken concurrently) and a 413
// (a limit) are the request's fault in MLflow's terms.
const CODE_OF_STATUS: Record<number, MlflowErrorCode> = {
  400: "INVALID_PARAMETER_VALUE",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "RESOURCE_DOES_NOT_EXIST",
  409: "INVALID_PARAMETER_VALUE",
  413: "INVALID_PARAMETER_VALUE",
  415: "BAD_REQUEST",
};

/** Anything a MLflow route throws, as MLflow's error response. */
export function mlflowErrorResponse(err: Error, c: Context): Response {
  let code: MlflowErrorCode;
  let message: string;
  if (err instanceof MlflowError) [code, message] = [err.code, err.message];
  else if (err instanceof ApiError) {
    code = CODE_OF_STATUS[err.status] ?? "INTERNAL_ERROR";
    // A field error says which input is wrong; it is built from our own paths and messages.
    const first = err.errors?.[0];
    message = first ? `${err.message} ${first.path}: ${first.message}` : err.message;
    if (err.headers) for (const [k, value] of Object.entries(err.headers)) c.header(k, value);
  } else if (err instanceof HTTPException) {
    code = CODE_OF_STATUS[err.status] ?? "BAD_REQUEST";
    message = err.message || "Bad request";
  } else {
    console.error(err);
    [code, message] = ["INTERNAL_ERROR", "The server failed to handle the request."];
  }
  return c.json({ error_code: code, message }, MLFLOW_STATUS[code] as ContentfulStatusCode);
}

/**
 * Typed errors a service throws. Each carries a stable `code` that the UI maps to a catalog message
 * (`errors.<code>`) with `params`; a raw `Error.message` is never shown to a user.
 */
export type ErrorParams = Record<string, string | number>;

export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    /** The input field at fault, when there is one: forms show the message beside it. */
    readonly field?: string,
  ) {
    super(`${code}${field ? ` (${field})` : ""}`);
    this.name = "ServiceError";
  }
}

export class ValidationError extends ServiceError {
  constructor(field: string, code = "invalid-field", params: ErrorParams = {}) {
    super(code, { field, ...params }, field);
    this.name = "ValidationError";
  }
}

export class ForbiddenError extends ServiceError {
  constructor(code = "forbidden", params: ErrorParams = {}) {
    super(code, params);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends ServiceError {
  constructor(code = "not-found", params: ErrorParams = {}) {
    super(code, params);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends ServiceError {
  constructor(code: string, params: ErrorParams = {}, field?: string) {
    super(code, params, field);
    this.name = "ConflictError";
  }
}

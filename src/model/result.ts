// Errors as values: they keep their fields across Comlink and process boundaries.

/** What went wrong and where: `field` is a dotted path into the input (e.g. "config.stateSize"). */
export interface FieldError {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FieldError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: string, field: string, message: string): Result<T> => ({
  ok: false,
  error: { code, field, message },
});

/** One line for people: "config.stateSize: must be an integer in [1, 256], got 3.5". */
export const formatFieldError = (e: FieldError): string => (e.field ? `${e.field}: ${e.message}` : e.message);

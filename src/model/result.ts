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

/** The message of anything thrown: an Error's message, else the value as text. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** errorMessage's first line: for a one-line report (a CLI's stderr, a banner). */
export const errorLine = (e: unknown): string => errorMessage(e).split('\n')[0];

/** A reply across the worker boundary that either carries T or says why not in one line. */
export type Reply<T extends object = object> =
  ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

/** One wrong field of a command: where in it, and what is wrong. */
export interface FieldError {
  path: readonly PropertyKey[];
  detail: string;
}

/** What was not found (or not shown: the same answer). */
export type NotFound = 'case' | 'task' | 'document' | 'contract' | 'signing_link' | 'change' | 'recognition' | 'certificate';

/** Why the application did not do what was asked; each door turns it into its own answer. */
export type Failure =
  | { kind: 'not_found'; what: NotFound }
  | { kind: 'forbidden'; detail: string }
  | { kind: 'invalid'; detail: string; errors: FieldError[] }
  | { kind: 'conflict'; title: string; detail: string }
  | { kind: 'stale_revision'; detail: string }
  /** What was asked for existed and is over for good (a signing link used, expired or voided). */
  | { kind: 'gone'; reason: 'used' | 'voided' | 'expired'; title: string; detail: string }
  /** An uploaded file refused for its type, its content or its name (domain/documents.ts). */
  | { kind: 'file_refused'; problem: 'type' | 'content' | 'name'; detail: string }
  | { kind: 'revision_required' }
  | { kind: 'idempotency_key_reused' }
  | { kind: 'case_stuck' }
  | { kind: 'timed_out'; retryAfterSeconds: number; idempotencyKey: boolean }
  /** A recognition started but not yet recorded within SUBMIT_TIMEOUT: it appears in GET /v1/recognitions once it is. */
  | { kind: 'recognition_pending'; retryAfterSeconds: number };

export type Outcome<T> = { kind: 'ok'; value: T } | Failure;

export const ok = <T>(value: T): Outcome<T> => ({ kind: 'ok', value });
export const notFound = (what: NotFound): Failure => ({ kind: 'not_found', what });
export const forbidden = (detail: string): Failure => ({ kind: 'forbidden', detail });
export const conflict = (title: string, detail: string): Failure => ({ kind: 'conflict', title, detail });
export const invalid = (errors: FieldError[], detail = 'The request has invalid fields'): Failure => ({ kind: 'invalid', detail, errors });

import type { Outcome, Failure } from '../application/outcome.js';
import { HttpProblem, pointerOf } from './problem.js';

const notFoundDetails = {
  case: 'There is no case with this id that you can see',
  task: 'There is no task with this id',
  document: 'There is no document with this id in a case you can see',
  signing_link: 'There is no signing link like this one: copy the whole link from the e-mail',
  contract: 'There is no such contract in a case you can see: none is drawn up before the case is authorised',
  change: 'There is no such change proposed in this case',
  recognition: 'There is no recognition with this id that you can see',
  certificate: 'No certificate is issued for this recognition: it is drawn up once the decision is approved',
};

/** The one mapping from the application's failures to HTTP answers. */
export function problemFor(failure: Failure): HttpProblem {
  switch (failure.kind) {
    case 'not_found':
      // One answer for an unknown id and for one the caller may not see.
      return new HttpProblem(404, 'Not found', notFoundDetails[failure.what]);
    case 'forbidden':
      return new HttpProblem(403, 'Forbidden', failure.detail);
    case 'invalid':
      return new HttpProblem(400, 'Invalid request', failure.detail, failure.errors.map((e) => ({ pointer: pointerOf(e.path), detail: e.detail })));
    case 'file_refused':
      return failure.problem === 'type'
        ? new HttpProblem(415, 'Unsupported media type', failure.detail)
        : new HttpProblem(400, failure.problem === 'name' ? 'Invalid file name' : 'Damaged file', failure.detail);
    case 'conflict':
      return new HttpProblem(409, failure.title, failure.detail);
    case 'gone':
      return new HttpProblem(410, failure.title, failure.detail);
    case 'stale_revision':
      return new HttpProblem(412, 'Precondition failed', `${failure.detail}; read it again before amending`);
    case 'revision_required':
      return new HttpProblem(428, 'Precondition required', 'Send If-Match with the ETag of the case you amend');
    case 'idempotency_key_reused':
      return new HttpProblem(422, 'Idempotency-Key reused', 'This Idempotency-Key was already used for a different request');
    case 'case_stuck':
      return new HttpProblem(503, 'Case stuck', 'The case could not be recorded and waits for an operator; operators have been told. Nothing needs to be sent again.');
    case 'recognition_pending':
      return new HttpProblem(503, 'Request still being recorded', 'The request was sent but not recorded in time; it appears in GET /v1/recognitions once it is. Do not send it again.');
    case 'timed_out':
      return new HttpProblem(
        503,
        'Submission still in progress',
        failure.idempotencyKey
          ? 'The case was not recorded in time; send the same request again with the same Idempotency-Key to see it'
          : 'The case was not recorded in time and may still appear in GET /v1/cases; send an Idempotency-Key to retry a submission safely',
      );
  }
}

/** The value of a successful outcome; a failure is thrown as its problem answer. */
export function valueOr<T>(outcome: Outcome<T>): T {
  if (outcome.kind === 'ok') return outcome.value;
  throw problemFor(outcome);
}

import { patched } from '@temporalio/workflow';

/**
 * The changes made to running workflows so far, as one patch for runs begun on this code: the SDK
 * writes a marker and a `TemporalChangeVersion` search attribute upsert for each patch a run
 * meets, a dozen per case, each a write on the server. Runs recorded before it replay on each
 * change's own patch, as they always did. A later change gets a `patched` call of its own.
 */
const allChangesSoFar = 'changes-2026-12';

/** Whether this run takes the change `patchId` (see `patched`). */
export function usesChange(patchId: string): boolean {
  return patched(allChangesSoFar) || patched(patchId);
}

/** A notice goes out with the write that records what it tells (db/notice-outbox.ts), not as an activity of its own. */
export function noticesInOutbox(): boolean {
  return patched('notices-in-outbox');
}

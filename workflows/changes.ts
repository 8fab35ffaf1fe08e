import { patched } from '@temporalio/workflow';

/**
 * The changes made to running workflows so far, as one patch for runs begun on this code: the SDK
 * writes a marker and a `TemporalChangeVersion` search attribute upsert for each patch a run
 * meets, each a write on the server. Runs begun before a group replay on the patches they met,
 * as they always did. A later change joins a new group; the group before it stays as it was.
 */
const allChangesSoFar = 'changes-2026-12-07';
/** Every change before the notice outbox. */
const changesBeforeOutbox = 'changes-2026-12';

/** Whether this run takes `patchId` (see `patched`), a change made before the notice outbox. */
export function usesChange(patchId: string): boolean {
  return patched(allChangesSoFar) || patched(changesBeforeOutbox) || patched(patchId);
}

/**
 * Whether this run takes `patchId`, a change made from the notice outbox on: a new change asks
 * this, since runs that met only the group before it must not take it.
 */
export function usesLaterChange(patchId: string): boolean {
  return patched(allChangesSoFar) || patched(patchId);
}

/** A notice goes out with the write that records what it tells (db/notice-outbox.ts), not as an activity of its own. */
export function noticesInOutbox(): boolean {
  return usesLaterChange('notices-in-outbox');
}

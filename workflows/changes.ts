import { patched } from '@temporalio/workflow';

/**
 * The changes made to running workflows so far, in groups, newest first: a run begun on this code
 * meets only the newest group, as one patch. The SDK writes a marker and a
 * `TemporalChangeVersion` search attribute upsert for each patch a run meets, each a write on the
 * server. Runs begun before a group replay on the patches they met, as they always did. A later
 * change starts a new group; the groups before it stay as they were.
 */
const groups = ['changes-2026-12-08', 'changes-2026-12-07', 'changes-2026-12'] as const;
type Group = (typeof groups)[number];

/** Whether this run takes `patchId`, a change made while `group` was the newest: a run that met it, or a newer group, does. */
function takes(patchId: string, group: Group): boolean {
  return groups.slice(0, groups.indexOf(group) + 1).some((newer) => patched(newer)) || patched(patchId);
}

/** Whether this run takes `patchId` (see `patched`), a change made before the notice outbox. */
export function usesChange(patchId: string): boolean {
  return takes(patchId, 'changes-2026-12');
}

/** Whether this run takes `patchId`, a change made from the notice outbox up to the contract opened in one activity. */
export function usesLaterChange(patchId: string): boolean {
  return takes(patchId, 'changes-2026-12-07');
}

/** Whether this run takes `patchId`, a change made since the contract is opened in one activity: what a new change asks. */
export function usesNewestChange(patchId: string): boolean {
  return takes(patchId, 'changes-2026-12-08');
}

/** A notice goes out with the write that records what it tells (db/notice-outbox.ts), not as an activity of its own. */
export function noticesInOutbox(): boolean {
  return usesLaterChange('notices-in-outbox');
}

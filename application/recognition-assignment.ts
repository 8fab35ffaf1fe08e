import { setRecognitionAssignee } from '../db/recognition-queries.js';
import { findUser } from '../db/task-queue.js';
import type { Caller } from '../domain/caller.js';
import type { RecognitionStatus } from '../domain/recognition.js';
import type { RecognitionDetail } from '../api/recognition-responses.js';
import { isSupervisor, mayUnclaim } from './access.js';
import { conflict, forbidden, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { freshView, visibleRecognition } from './view-recognition.js';

const decided: readonly RecognitionStatus[] = ['recognised', 'refused'];

/** An officer takes a recognition from the queue; taking one they already hold changes nothing. */
export async function claimRecognition(services: Services, caller: Caller, recognitionId: string): Promise<Outcome<RecognitionDetail>> {
  const visible = await visibleRecognition(services, caller, recognitionId);
  if (visible.kind !== 'ok') return visible;
  const { row, standing } = visible.value;
  if (standing !== 'officer') return forbidden("Only the ministry's recognition staff claim recognitions");
  if (decided.includes(row.status)) return conflict('Recognition decided', `The recognition is ${row.status}`);
  if (row.assignee_user_id !== caller.userId) {
    // Of two simultaneous claims, the one that finds it unclaimed wins.
    const claimed = row.assignee_user_id === null && (await setRecognitionAssignee(services.db, row.id, caller.userId, { heldBy: null }));
    if (!claimed) return conflict('Recognition already claimed', `This recognition is already claimed by ${row.assignee_name ?? row.assignee_user_id ?? 'a colleague'}`);
  }
  return freshView(services, visible.value);
}

/** Puts a recognition back in the queue: its assignee, or a supervisor, may. */
export async function unclaimRecognition(services: Services, caller: Caller, recognitionId: string): Promise<Outcome<RecognitionDetail>> {
  const visible = await visibleRecognition(services, caller, recognitionId);
  if (visible.kind !== 'ok') return visible;
  const { row, standing } = visible.value;
  if (standing !== 'officer') return forbidden("Only the ministry's recognition staff unclaim recognitions");
  if (!mayUnclaim(caller, row.assignee_user_id, isSupervisor(await findUser(services.db, caller.userId)))) {
    return forbidden('Only the assignee or a supervisor puts this recognition back in the queue');
  }
  if (row.assignee_user_id !== null) await setRecognitionAssignee(services.db, row.id, null, { heldBy: row.assignee_user_id });
  return freshView(services, visible.value);
}

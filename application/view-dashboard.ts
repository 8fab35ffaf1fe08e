import { countCasesBy, overdueTasks, waitingTasks, type CaseCount, type OverdueTasks, type WaitingTasks } from '../db/dashboard.js';
import type { Caller } from '../domain/caller.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { mayDecideRecognitions, mayReadReports } from './access.js';
import { forbidden, ok, type Outcome } from './outcome.js';
import { viewProcessingTimes, type ProcessingTimes } from './recognition-times.js';
import type { Services } from './services.js';

export interface Dashboard {
  /** Luxembourg's date the overdue tasks are counted on. */
  on: string;
  waiting: WaitingTasks[];
  overdue: OverdueTasks[];
  cases: { byTrade: CaseCount[]; byResidenceCountry: CaseCount[]; byStatus: CaseCount[] };
  /** The last twelve months' recognition processing times: for the recognition officers only, null for others. */
  processingTimes: ProcessingTimes | null;
}

/** The first month of the twelve that end with the month of `date` (YYYY-MM-DD), as YYYY-MM. */
function twelveMonthsBefore(date: string): string {
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - 11;
  return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}`;
}

/** The ministry's view of the whole: what waits on whom, what is late, and the cases by trade, country and status. */
export async function viewDashboard(services: Services, caller: Caller, now = new Date()): Promise<Outcome<Dashboard>> {
  const { db, config } = services;
  if (!mayReadReports(caller, config)) return forbidden('Only the ministry sees the dashboard');
  const today = luxembourgDate(now);
  const [waiting, overdue, byTrade, byResidenceCountry, byStatus] = await Promise.all([
    waitingTasks(db, now, today),
    overdueTasks(db, now, today),
    countCasesBy(db, 'trade'),
    countCasesBy(db, 'residenceCountry'),
    countCasesBy(db, 'status'),
  ]);
  let processingTimes: ProcessingTimes | null = null;
  if (mayDecideRecognitions(caller, config)) {
    const times = await viewProcessingTimes(services, caller, { fromMonth: twelveMonthsBefore(today) });
    if (times.kind !== 'ok') return times;
    processingTimes = times.value;
  }
  return ok({ on: today, waiting, overdue, cases: { byTrade, byResidenceCountry, byStatus }, processingTimes });
}

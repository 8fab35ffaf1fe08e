import os from 'node:os';
import { caseShape, type CaseShape } from './case-shape.js';
import { runFloor, type FloorResult } from './floor/run.js';
import { issueFloorShape } from './floor/workflows.js';
import { caseInputOf, runMemory, type MemoryResult } from './memory.js';
import type { BenchOptions } from './options.js';
import { runReadSide, type ReadSideResult } from './read-side.js';
import { driveCase, emptySamples, runThroughput, type ThroughputResult } from './throughput.js';
import type { BenchTarget } from './target.js';

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  options: BenchOptions;
  /** What one real case costs Temporal: the floor is made to match it. */
  caseShape?: CaseShape;
  throughput?: ThroughputResult;
  /** A bare workflow of the real case's counts: what our code costs beyond Temporal's work. */
  floor?: FloorResult;
  /** A bare workflow of the shape issue 10 set: what a case costs against its goal. */
  issueFloor?: FloorResult;
  /** Ours against each floor, measured in the same run. */
  cost?: { sameCounts: CostRatio; issue: CostRatio };
  readSide?: ReadSideResult;
  memory?: MemoryResult;
}

export interface CostRatio {
  /** Floor cases/s over ours. */
  throughputRatio: number;
  /** Our median case wall time over the floor's. */
  perCaseWallRatio: number;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

function costAgainst(ours: ThroughputResult, floor: FloorResult): CostRatio {
  return { throughputRatio: ratio(floor.casesPerSecond, ours.casesPerSecond), perCaseWallRatio: ratio(ours.latency.case.p50, floor.latency.case.p50) };
}

/** Runs the chosen sections against a running stack, in order, telling `log` as it goes. */
export async function runSuite(target: BenchTarget, serverUrl: string, options: BenchOptions, log: (line: string) => void = console.log): Promise<BenchReport> {
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    options,
  };
  const on = (section: BenchOptions['only'][number]) => options.only.includes(section);
  let probeCaseId: string | undefined;
  if (on('floor') || on('memory')) {
    log('One real case first: its history gives the floor its shape, its input the memory section its cases.');
    probeCaseId = await driveCase(target, emptySamples());
    report.caseShape = await caseShape(target.temporal, probeCaseId);
  }
  if (on('throughput')) {
    log(`Throughput: ${options.cases} cases, ${options.users} users…`);
    report.throughput = await runThroughput(target, { cases: options.cases, users: options.users });
  }
  if (on('floor')) {
    const { updates, activities, timers, childWorkflows, childActivities } = report.caseShape!;
    log(`Floor, the real case's counts: ${options.cases} bare workflows, ${options.users} clients…`);
    report.floor = await runFloor(target.temporalAddress, { cases: options.cases, clients: options.users, shape: { updates, activities, timers, childWorkflows, childActivities } });
    log(`Floor, issue 10's shape: ${options.cases} bare workflows, ${options.users} clients…`);
    report.issueFloor = await runFloor(target.temporalAddress, { cases: options.cases, clients: options.users, shape: issueFloorShape });
    if (report.throughput) report.cost = { sameCounts: costAgainst(report.throughput, report.floor), issue: costAgainst(report.throughput, report.issueFloor) };
  }
  if (on('read')) {
    log(`Read side: ${options.scale} cases generated, ${options.iterations} iterations per query…`);
    report.readSide = await runReadSide(serverUrl, { scale: options.scale, iterations: options.iterations });
  }
  if (on('memory')) {
    log(`Memory: ${options.openCases} open cases…`);
    report.memory = await runMemory(target, { openCases: options.openCases, template: await caseInputOf(target.temporal, probeCaseId!) });
  }
  return report;
}

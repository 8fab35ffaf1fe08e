import os from 'node:os';
import { caseShape, type CaseShape } from './case-shape.js';
import { runFloor, type FloorResult } from './floor/run.js';
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
  floor?: FloorResult;
  /** Ours against the floor, measured in the same run. */
  cost?: { perCaseWallRatio: number; throughputRatio: number };
  readSide?: ReadSideResult;
  memory?: MemoryResult;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

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
    const shape = report.caseShape!;
    log(`Floor: ${options.cases} bare workflows, ${options.users} clients…`);
    report.floor = await runFloor(target.temporalAddress, {
      cases: options.cases,
      clients: options.users,
      shape: { activities: shape.activities, timers: shape.timers, childWorkflows: shape.childWorkflows, childActivities: shape.childActivities },
    });
    if (report.throughput) {
      report.cost = {
        perCaseWallRatio: ratio(report.throughput.latency.case.p50, report.floor.latency.case.p50),
        throughputRatio: ratio(report.floor.casesPerSecond, report.throughput.casesPerSecond),
      };
    }
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

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startBenchStack } from './bench-stack.js';
import { fullRun, parseOptions } from './options.js';
import { printReport } from './report.js';
import { runSuite } from './suite.js';

/** `npm run bench [-- --cases N --users U --scale S --open-cases O --only a,b]`: see the README's Benchmarks. */
const options = parseOptions(process.argv.slice(2));
// The floor's worker runs in this process: its state changes would drown the tables.
Runtime.install({ logger: new DefaultLogger('WARN') });
console.log(`Benchmark: ${JSON.stringify(options)} (the issue's full run: ${fullRun})`);
const stack = await startBenchStack();
let failed = false;
try {
  const report = await runSuite(stack.target, stack.serverUrl, options);
  printReport(report);
  const folder = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  const file = `${folder}${report.startedAt.replaceAll(':', '-')}.json`;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);

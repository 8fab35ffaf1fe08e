/**
 * What the workflow bundle holds: its size and modules by package. Each workflow evaluates these
 * anew (the SDK keeps module state per workflow), so every one costs memory per cached workflow.
 *
 *   npx tsx scripts/workflow-bundle-size.ts       (LIST=1 lists the project's own modules too)
 */
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { bundlerOptions, workflowsPath } from '../infra/worker.js';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath, ...bundlerOptions, logger: new DefaultLogger('WARN') });
  const modules = [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"$/gm)].map((match) => match[1]!);
  const packages = new Map<string, number>();
  for (const module of modules) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)?.[1] ?? '(project)';
    packages.set(name, (packages.get(name) ?? 0) + 1);
  }
  console.log(JSON.stringify({ bytes: code.length, modules: modules.length, packages: Object.fromEntries(packages) }));
  if (process.env.LIST) console.log(modules.filter((module) => !module.includes('node_modules')).join('\n'));
}

void main();

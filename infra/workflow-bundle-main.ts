import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { bundlerOptions, workflowsPath } from './worker.js';

/** Run by withWorkflowBundleApart (infra/workflow-bundle.ts): bundles the workflow code into the file it is given, then exits. */
const [codePath] = process.argv.slice(2);
if (!codePath) throw new Error('usage: workflow-bundle-main.ts <file to write the bundle to>');
const { code } = await bundleWorkflowCode({ workflowsPath, ...bundlerOptions, logger: new DefaultLogger('WARN') });
writeFileSync(codePath, code);
process.exit(0);

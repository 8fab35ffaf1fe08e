// The worker as its own process (a fault test kills it), on the prebuilt workflow bundle
// whose path WORKFLOW_BUNDLE_PATH gives: bundling anew at every restart would cost seconds.
import { loadConfig } from '../../infra/config.js';
import { startWorker } from '../../infra/worker.js';

await startWorker(loadConfig(), { codePath: process.env.WORKFLOW_BUNDLE_PATH! });

export { caseWorkflow } from './case-workflow.js';
export { deliverNotification } from './notification-workflow.js';

export { caseWorkflow } from './case-review/workflow.js';
export { deliverNotification } from './notification/workflow.js';
export { apprenticeshipWorkflow } from './apprenticeship/workflow.js';
export { allowanceReviewWorkflow } from './allowance-review/workflow.js';
export { recognitionWorkflow } from './recognition/workflow.js';

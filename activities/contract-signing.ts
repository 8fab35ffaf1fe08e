import type { Due, TaskOpening } from './case-records.js';
import type { ContractDocument, DrawUpContract } from './contract-document.js';
import type { SigningLinkMailing } from './signatures.js';

/** A contract version to open for signing: its PDF, the employer's signature task, and a link to each other signer. */
export interface ContractVersionOpening {
  contract: DrawUpContract;
  task: TaskOpening;
  links: SigningLinkMailing[];
}

/**
 * Opens a contract version for signing in one activity instead of four: each a task the server
 * schedules and a workflow task that takes its result. Each step is keyed as its own activity
 * is, so a retry draws, records and mails nothing twice.
 */
export function createContractSigningActivities(steps: {
  drawUpContract(contract: DrawUpContract): Promise<ContractDocument>;
  recordTaskOpened(task: TaskOpening): Promise<Due | null>;
  sendSigningLink(link: SigningLinkMailing): Promise<void>;
}) {
  return {
    /** Returns the hash the parties sign and when the employer's task is due. */
    async openContractVersion({ contract, task, links }: ContractVersionOpening): Promise<{ sha256: string; due: Due | null }> {
      // The task and the links name the version once it is stored.
      const { sha256 } = await steps.drawUpContract(contract);
      const [due] = await Promise.all([steps.recordTaskOpened(task), ...links.map((link) => steps.sendSigningLink(link))]);
      return { sha256, due: due ?? null };
    },
  };
}

export type ContractSigningActivities = ReturnType<typeof createContractSigningActivities>;

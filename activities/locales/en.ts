/**
 * E-mail is not a safe channel: a message carries the case reference, the trade, what is
 * asked of the reader, the due date and a link. Names, birth dates, ids and free-text
 * reasons (which may name anyone) stay behind the login.
 */
export const en = {
  task: {
    opinion: 'give your opinion',
    enrolment: 'confirm the enrolment',
    decision: 'decide on the authorisation',
    amendment: 'amend the request',
    signature: 'sign the apprenticeship contract',
    registration: 'register the apprenticeship contract',
    change_agreement: 'agree to a change of the apprenticeship contract',
    termination_agreement: 'agree to the termination of the apprenticeship contract',
    scan_review: 'review a contract signed outside the system',
    school_year_result: "report the school year's result",
    final_exam: 'report the final exam',
    social_security: "confirm the apprentice's social security affiliation",
    medical_examination: "record the apprentice's medical examination",
  },
  taskOpened: {
    subject: 'New task: {{task}} – apprenticeship request {{reference}}',
    body: `Hello,

A new task is waiting in the inbox of {{organisation}}: {{task}}.

Cross-border apprenticeship request {{reference}}
Trade: {{trade}}
Due by: {{dueOn}}

Open the task: {{link}}

This message was sent automatically.`,
  },
  taskReminder: {
    subject: 'Reminder: {{task}} by {{dueOn}} – apprenticeship request {{reference}}',
    body: `Hello,

This task is due on {{dueOn}} and is still open: {{task}}.

Cross-border apprenticeship request {{reference}}
Trade: {{trade}}

Open the task: {{link}}

This message was sent automatically.`,
  },
  taskEscalated: {
    subject: 'Overdue: {{task}} – apprenticeship request {{reference}} ({{organisation}})',
    body: `Hello,

A task of {{organisation}} was due on {{dueOn}} and is still open: {{task}}.
{{holder}}

Cross-border apprenticeship request {{reference}}
Trade: {{trade}}

Open the task: {{link}}

You receive this message as a supervisor of {{organisation}}.`,
    claimed: 'A colleague has claimed it.',
    unclaimed: 'Nobody has claimed it: it is in the queue.',
  },
  caseWithdrawn: {
    subject: 'Apprenticeship request {{reference}} withdrawn',
    body: `Hello,

The employer has withdrawn the cross-border apprenticeship request {{reference}} (trade: {{trade}}).
Any open task of {{organisation}} in this case is cancelled.

See the case: {{link}}

This message was sent automatically.`,
  },
  caseDecided: {
    subject_authorised: 'Apprenticeship request {{reference}} authorised',
    subject_refused: 'Apprenticeship request {{reference}} refused',
    body_authorised: `Hello,

The Ministry of Education has authorised the cross-border apprenticeship request {{reference}} (trade: {{trade}}).

See the case and the decision: {{link}}

This message was sent automatically.`,
    body_refused: `Hello,

The Ministry of Education has refused the cross-border apprenticeship request {{reference}} (trade: {{trade}}).

See the case and the reasons: {{link}}

This message was sent automatically.`,
  },
  allowanceYear: {
    subject: 'Training year {{year}} begins – apprenticeship {{reference}}',
    body: `Hello,

Training year {{year}} of the apprenticeship {{reference}} (trade: {{trade}}) begins on {{from}}.
The allowance steps to that year's amount from that day.

See the allowance schedule: {{link}}

This message was sent automatically.`,
  },
  allowanceBelowMinimum: {
    subject: 'Allowance below the minimum from {{from}} – apprenticeship {{reference}}',
    body: `Hello,

The minimum apprenticeship allowance has changed. From {{from}}, the allowance paid in the apprenticeship {{reference}} (trade: {{trade}}) is below the new minimum.

See the new minimum in the allowance schedule: {{link}}

This message was sent automatically.`,
  },
  finalExam: {
    subject_passed: 'Final exam passed – apprenticeship {{reference}}',
    subject_failed: 'Final exam not passed – apprenticeship {{reference}}',
    body_passed: `Hello,

The school reports the final exam of the apprenticeship {{reference}} (trade: {{trade}}) passed: the diploma is issued and the training is completed.

See the case: {{link}}

This message was sent automatically.`,
    body_failed: `Hello,

The school reports the final exam of the apprenticeship {{reference}} (trade: {{trade}}) not passed. With the parties' agreement, the employer may extend the contract by one year.

See the case: {{link}}

This message was sent automatically.`,
  },
  signingLink: {
    subject: 'Please sign your apprenticeship contract – {{reference}}',
    body: `Hello,

You are asked to sign the apprenticeship contract of the cross-border apprenticeship {{reference}} {{role}}.

Trade: {{trade}}
The link is personal, works once and expires on {{expiresOn}}.

Read and sign the contract: {{link}}

If you did not expect this message, ignore it. This message was sent automatically.`,
    apprentice: 'as the apprentice',
    legal_representative: "as the apprentice's legal representative",
  },
  scanRejected: {
    subject: 'Signed scan not accepted – apprenticeship contract {{reference}}',
    body: `Hello,

The scan of the signed apprenticeship contract uploaded for the cross-border apprenticeship {{reference}} (trade: {{trade}}) was not accepted. The reasons are on the case; the contract can still be signed.

See the case: {{link}}

This message was sent automatically.`,
  },
  signaturesOverdue: {
    subject: 'Signatures overdue – apprenticeship contract {{reference}}',
    body: `Hello,

The signature deadline of the apprenticeship contract of the cross-border apprenticeship {{reference}} (trade: {{trade}}) has passed. Still missing:
{{missing}}

The contract can still be signed; it is registered once every signature is on it.

See the case: {{link}}

This message was sent automatically.`,
    employer: "the employer's signature",
    apprentice: "the apprentice's signature",
    legal_representative: "the legal representative's signature",
  },
  caseStuck: {
    subject: 'Case {{reference}} is stuck',
    body: `Hello,

The case {{reference}} has stopped: {{reason}}.
Retrying cannot fix this; it waits for an operator. The case's workflow is case-{{caseId}} in Temporal.
This message was sent automatically.`,
  },
  contractRegistered: {
    subject: 'Apprenticeship contract registered: {{registrationNumber}} – case {{reference}}',
    body: `Hello,

{{registrar}} has registered the apprenticeship contract of the cross-border apprenticeship case {{reference}} (trade: {{trade}}).
Registration number: {{registrationNumber}}`,
    /** For the parties of the case: others cannot open it. */
    seeCase: `

See the case: {{link}}`,
    footer: `

This message was sent automatically.`,
    copy: `

A copy of the registered contract, to download after logging in: {{documentLink}}`,
    apprenticeBody: `Hello,

Your apprenticeship contract (cross-border apprenticeship {{reference}}, trade: {{trade}}) has been registered by {{registrar}}.
Registration number: {{registrationNumber}}

Keep this number: your employer, your school and the registrar know your contract by it.

This message was sent automatically.`,
  },
  trialPeriodEnded: {
    subject: 'Trial period ended – apprenticeship {{reference}}',
    body: `Hello,

The trial period of the cross-border apprenticeship {{reference}} (trade: {{trade}}) ended on {{endedOn}}.
From now on, the contract can be terminated only with notice, by mutual agreement or for serious cause, with the chamber's agreement.

See the case: {{link}}

This message was sent automatically.`,
  },
  contractNotice: {
    subject: 'Apprenticeship {{reference}}: {{what}}',
    body: `Hello,

Cross-border apprenticeship {{reference}} (trade: {{trade}}): {{what}}.

See the case: {{link}}

This message was sent automatically.`,
    change_proposed: 'a change of the contract is proposed, to take effect on {{on}}',
    change_accepted: 'the change of the contract taking effect on {{on}} is accepted',
    change_rejected: 'the change of the contract proposed for {{on}} is rejected',
    change_withdrawn: 'the change of the contract proposed for {{on}} is withdrawn',
    training_suspended: 'the training is suspended from {{on}}',
    training_resumed: 'the training resumes on {{on}}',
    termination_agreed: 'the chamber agrees to the termination of the contract on {{on}}',
    termination_refused: 'the chamber does not agree to the termination of the contract proposed for {{on}}',
    contract_terminated: 'the apprenticeship contract ends, taking effect on {{on}}',
    employer_changed: 'the apprenticeship goes on with a new employer from {{on}}; the new contract is to be signed and registered',
  },
  recognition: {
    documents_needed: {
      subject: 'Recognition of your diploma: documents to add – request {{reference}}',
      body: `Hello,

Your request for the recognition of a foreign vocational diploma ({{reference}}) is open. Please add these documents to it:
{{documents}}

Documents in a language other than French, German, Luxembourgish or English need a translation.
{{fee}}
The request is examined once every document is there.

Add the documents: {{link}}

This message was sent automatically.`,
    },
    documents_requested: {
      subject: 'Recognition of your diploma: documents asked for again – request {{reference}}',
      body: `Hello,

The department for the recognition of diplomas needs these documents again to examine your request {{reference}}:
{{documents}}

The examination resumes once you have added them. The department's comments are with the request.

Add the documents: {{link}}

This message was sent automatically.`,
    },
    recognised: {
      subject: 'Your diploma is recognised – request {{reference}}',
      body: `Hello,

The department for the recognition of diplomas has recognised your foreign diploma (request {{reference}}) as equivalent to a Luxembourg qualification.

See the decision and download the certificate: {{link}}

This message was sent automatically.`,
    },
    refused: {
      subject: 'Recognition of your diploma refused – request {{reference}}',
      body: `Hello,

The department for the recognition of diplomas has refused the recognition of your foreign diploma (request {{reference}}).

See the decision and its reasons: {{link}}

This message was sent automatically.`,
    },
    revoked: {
      subject: 'Recognition of your diploma revoked – request {{reference}}',
      body: `Hello,

The department for the recognition of diplomas has revoked the recognition of your foreign diploma (request {{reference}}). Its certificate and credential are no longer valid.

See the reasons: {{link}}

This message was sent automatically.`,
    },
    fee: 'A fee of {{amount}} is due for the request.',
    document: {
      diploma: 'the diploma',
      transcript: 'the transcript of records',
      identity_document: 'an identity document',
      europass_supplement: 'the Europass certificate supplement',
    },
    problem: {
      missing: 'missing',
      unreadable: 'unreadable',
      translation_missing: 'its translation is missing',
      not_certified: 'not a certified copy',
    },
  },
};

export type Messages = typeof en;

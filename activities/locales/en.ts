export const en = {
  task: {
    opinion: 'give your opinion',
    enrolment: 'confirm the enrolment',
    decision: 'decide on the authorisation',
  },
  taskOpened: {
    subject: 'New task: {{task}} – apprenticeship request {{reference}}',
    body: `Hello,

A new task is waiting in the inbox of {{organisation}}: {{task}}.

Cross-border apprenticeship request {{reference}}
Employer: {{employer}}
Trade: {{trade}}
Apprentice: {{apprentice}}
Start date: {{startDate}}
Due by: {{dueOn}}

Open the task: {{link}}

This message was sent automatically.`,
  },
  caseDecided: {
    subject_authorised: 'Apprenticeship request {{reference}} authorised',
    subject_refused: 'Apprenticeship request {{reference}} refused',
    body_authorised: `Hello {{name}},

The Ministry of Education has authorised the cross-border apprenticeship request {{reference}} (trade: {{trade}}, apprentice: {{apprentice}}).
{{reasons}}
See the case: {{link}}

This message was sent automatically.`,
    body_refused: `Hello {{name}},

The Ministry of Education has refused the cross-border apprenticeship request {{reference}} (trade: {{trade}}, apprentice: {{apprentice}}).
Reasons: {{reasons}}

See the case: {{link}}

This message was sent automatically.`,
  },
};

export type Messages = typeof en;

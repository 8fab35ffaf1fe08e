import type { Messages } from './en.js';

export const de: Messages = {
  task: {
    opinion: 'Ihre Stellungnahme abgeben',
    enrolment: 'die Einschreibung bestätigen',
    decision: 'über die Genehmigung entscheiden',
  },
  taskOpened: {
    subject: 'Neue Aufgabe: {{task}} – Ausbildungsantrag {{reference}}',
    body: `Guten Tag,

im Eingangskorb von {{organisation}} wartet eine neue Aufgabe: {{task}}.

Antrag auf grenzüberschreitende Ausbildung {{reference}}
Ausbildungsbetrieb: {{employer}}
Beruf: {{trade}}
Auszubildende(r): {{apprentice}}
Beginn: {{startDate}}
Fällig bis: {{dueOn}}

Aufgabe öffnen: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
  caseDecided: {
    subject_authorised: 'Ausbildungsantrag {{reference}} genehmigt',
    subject_refused: 'Ausbildungsantrag {{reference}} abgelehnt',
    body_authorised: `Guten Tag {{name}},

das Bildungsministerium hat den Antrag auf grenzüberschreitende Ausbildung {{reference}} genehmigt (Beruf: {{trade}}, Auszubildende(r): {{apprentice}}).
{{reasons}}
Zum Vorgang: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    body_refused: `Guten Tag {{name}},

das Bildungsministerium hat den Antrag auf grenzüberschreitende Ausbildung {{reference}} abgelehnt (Beruf: {{trade}}, Auszubildende(r): {{apprentice}}).
Begründung: {{reasons}}

Zum Vorgang: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
};

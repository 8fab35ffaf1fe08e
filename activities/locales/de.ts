import type { Messages } from './en.js';

export const de: Messages = {
  task: {
    opinion: 'Ihre Stellungnahme abgeben',
    enrolment: 'die Einschreibung bestätigen',
    decision: 'über die Genehmigung entscheiden',
    amendment: 'den Antrag ändern',
    signature: 'den Lehrvertrag unterschreiben',
    registration: 'den Lehrvertrag eintragen',
    change_agreement: 'einer Änderung des Lehrvertrags zustimmen',
    termination_agreement: 'der Auflösung des Lehrvertrags zustimmen',
    scan_review: 'einen außerhalb des Systems unterschriebenen Vertrag prüfen',
    school_year_result: 'das Ergebnis des Schuljahres melden',
    final_exam: 'das Ergebnis der Abschlussprüfung melden',
    social_security: 'die Anmeldung des Auszubildenden zur Sozialversicherung bestätigen',
    medical_examination: 'die ärztliche Untersuchung des Auszubildenden eintragen',
  },
  taskOpened: {
    subject: 'Neue Aufgabe: {{task}} – Ausbildungsantrag {{reference}}',
    body: `Guten Tag,

im Eingangskorb von {{organisation}} wartet eine neue Aufgabe: {{task}}.

Antrag auf grenzüberschreitende Ausbildung {{reference}}
Beruf: {{trade}}
Fällig bis: {{dueOn}}

Aufgabe öffnen: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
  taskReminder: {
    subject: 'Erinnerung: {{task}} bis {{dueOn}} – Ausbildungsantrag {{reference}}',
    body: `Guten Tag,

diese Aufgabe ist am {{dueOn}} fällig und noch offen: {{task}}.

Antrag auf grenzüberschreitende Ausbildung {{reference}}
Beruf: {{trade}}

Aufgabe öffnen: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
  taskEscalated: {
    subject: 'Überfällig: {{task}} – Ausbildungsantrag {{reference}} ({{organisation}})',
    body: `Guten Tag,

eine Aufgabe von {{organisation}} war am {{dueOn}} fällig und ist noch offen: {{task}}.
{{holder}}

Antrag auf grenzüberschreitende Ausbildung {{reference}}
Beruf: {{trade}}

Aufgabe öffnen: {{link}}

Sie erhalten diese Nachricht als Vorgesetzte(r) bei {{organisation}}.`,
    claimed: 'Eine Kollegin oder ein Kollege hat sie übernommen.',
    unclaimed: 'Niemand hat sie übernommen: sie liegt im gemeinsamen Eingangskorb.',
  },
  caseWithdrawn: {
    subject: 'Ausbildungsantrag {{reference}} zurückgezogen',
    body: `Guten Tag,

der Ausbildungsbetrieb hat den Antrag auf grenzüberschreitende Ausbildung {{reference}} zurückgezogen (Beruf: {{trade}}).
Offene Aufgaben von {{organisation}} in diesem Vorgang sind storniert.

Zum Vorgang: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
  caseDecided: {
    subject_authorised: 'Ausbildungsantrag {{reference}} genehmigt',
    subject_refused: 'Ausbildungsantrag {{reference}} abgelehnt',
    body_authorised: `Guten Tag,

das Bildungsministerium hat den Antrag auf grenzüberschreitende Ausbildung {{reference}} genehmigt (Beruf: {{trade}}).

Zum Vorgang und zur Entscheidung: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    body_refused: `Guten Tag,

das Bildungsministerium hat den Antrag auf grenzüberschreitende Ausbildung {{reference}} abgelehnt (Beruf: {{trade}}).

Zum Vorgang und zur Begründung: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
  allowanceYear: {
    subject: 'Ausbildungsjahr {{year}} beginnt – Lehre {{reference}}',
    body: `Guten Tag,

Das Ausbildungsjahr {{year}} der Lehre {{reference}} (Beruf: {{trade}}) beginnt am {{from}}.
Ab diesem Tag gilt die Lehrlingsentschädigung dieses Jahres.

Zur Entschädigungstabelle: {{link}}

Diese Nachricht wurde automatisch versendet.`,
  },
  allowanceBelowMinimum: {
    subject: 'Entschädigung ab {{from}} unter dem Mindestbetrag – Lehre {{reference}}',
    body: `Guten Tag,

Die Mindest-Lehrlingsentschädigung hat sich geändert. Ab {{from}} liegt die in der Lehre {{reference}} (Beruf: {{trade}}) gezahlte Entschädigung unter dem neuen Mindestbetrag.

Den neuen Mindestbetrag finden Sie in der Entschädigungstabelle: {{link}}

Diese Nachricht wurde automatisch versendet.`,
  },
  finalExam: {
    subject_passed: 'Abschlussprüfung bestanden – Lehre {{reference}}',
    subject_failed: 'Abschlussprüfung nicht bestanden – Lehre {{reference}}',
    body_passed: `Guten Tag,

Die Schule meldet die Abschlussprüfung der Lehre {{reference}} (Beruf: {{trade}}) als bestanden: Das Diplom ist ausgestellt, die Ausbildung abgeschlossen.

Zum Vorgang: {{link}}

Diese Nachricht wurde automatisch versendet.`,
    body_failed: `Guten Tag,

Die Schule meldet die Abschlussprüfung der Lehre {{reference}} (Beruf: {{trade}}) als nicht bestanden. Mit Zustimmung der Parteien kann der Arbeitgeber den Vertrag um ein Jahr verlängern.

Zum Vorgang: {{link}}

Diese Nachricht wurde automatisch versendet.`,
  },
  signingLink: {
    subject: 'Bitte unterschreiben Sie Ihren Lehrvertrag – {{reference}}',
    body: `Guten Tag,

Sie werden gebeten, den Lehrvertrag der grenzüberschreitenden Ausbildung {{reference}} {{role}} zu unterschreiben.

Beruf: {{trade}}
Der Link ist persönlich, gilt einmal und läuft am {{expiresOn}} ab.

Vertrag lesen und unterschreiben: {{link}}

Falls Sie diese Nachricht nicht erwartet haben, ignorieren Sie sie. Diese Nachricht wurde automatisch versandt.`,
    apprentice: 'als Auszubildende(r)',
    legal_representative: 'als gesetzliche(r) Vertreter(in) der/des Auszubildenden',
  },
  scanRejected: {
    subject: 'Unterschriebener Scan nicht angenommen – Lehrvertrag {{reference}}',
    body: `Guten Tag,

Der Scan des unterschriebenen Lehrvertrags der grenzüberschreitenden Ausbildung {{reference}} (Beruf: {{trade}}) wurde nicht angenommen. Die Gründe stehen in der Akte; der Vertrag kann weiterhin unterschrieben werden.

Akte ansehen: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
  signaturesOverdue: {
    subject: 'Unterschriften überfällig – Lehrvertrag {{reference}}',
    body: `Guten Tag,

Die Unterschriftsfrist des Lehrvertrags der grenzüberschreitenden Ausbildung {{reference}} (Beruf: {{trade}}) ist abgelaufen. Es fehlt noch:
{{missing}}

Der Vertrag kann weiterhin unterschrieben werden; er wird eingetragen, sobald alle Unterschriften vorliegen.

Akte ansehen: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    employer: 'die Unterschrift des Arbeitgebers',
    apprentice: 'die Unterschrift des Lehrlings',
    legal_representative: 'die Unterschrift des gesetzlichen Vertreters',
  },
  caseStuck: {
    subject: 'Vorgang {{reference}} steckt fest',
    body: `Guten Tag,

Der Vorgang {{reference}} ist angehalten: {{reason}}.
Ein erneuter Versuch ändert nichts daran; er wartet auf einen Operator. Sein Workflow ist case-{{caseId}} in Temporal.
Diese Nachricht wurde automatisch versandt.`,
  },
  contractRegistered: {
    subject: 'Lehrvertrag eingetragen: {{registrationNumber}} – Vorgang {{reference}}',
    body: `Guten Tag,

{{registrar}} hat den Lehrvertrag des grenzüberschreitenden Ausbildungsvorgangs {{reference}} eingetragen (Beruf: {{trade}}).
Eintragungsnummer: {{registrationNumber}}`,
    /** For the parties of the case: others cannot open it. */
    seeCase: `

Zum Vorgang: {{link}}`,
    footer: `

Diese Nachricht wurde automatisch versandt.`,
    copy: `

Eine Kopie des eingetragenen Vertrags, nach der Anmeldung herunterzuladen: {{documentLink}}`,
    apprenticeBody: `Guten Tag,

Ihr Lehrvertrag (grenzüberschreitende Ausbildung {{reference}}, Beruf: {{trade}}) wurde von {{registrar}} eingetragen.
Eintragungsnummer: {{registrationNumber}}

Bewahren Sie diese Nummer auf: Ihr Ausbildungsbetrieb, Ihre Schule und die eintragende Stelle kennen Ihren Vertrag unter dieser Nummer.

Diese Nachricht wurde automatisch versandt.`,
  },
  trialPeriodEnded: {
    subject: 'Probezeit beendet – Ausbildung {{reference}}',
    body: `Guten Tag,

die Probezeit der grenzüberschreitenden Ausbildung {{reference}} (Beruf: {{trade}}) endete am {{endedOn}}.
Von nun an kann der Vertrag nur mit Kündigungsfrist, in gegenseitigem Einvernehmen oder aus schwerwiegendem Grund gekündigt werden, jeweils mit Zustimmung der Kammer.

Zum Vorgang: {{link}}

Diese Nachricht wurde automatisch versandt.`,
  },
  contractNotice: {
    subject: 'Ausbildung {{reference}}: {{what}}',
    body: `Guten Tag,

Grenzüberschreitende Ausbildung {{reference}} (Beruf: {{trade}}): {{what}}.

Zum Vorgang: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    change_proposed: 'eine Vertragsänderung mit Wirkung zum {{on}} wird vorgeschlagen',
    change_accepted: 'die Vertragsänderung mit Wirkung zum {{on}} ist angenommen',
    change_rejected: 'die für den {{on}} vorgeschlagene Vertragsänderung ist abgelehnt',
    change_withdrawn: 'die für den {{on}} vorgeschlagene Vertragsänderung ist zurückgezogen',
    training_suspended: 'die Ausbildung ist ab dem {{on}} ausgesetzt',
    training_resumed: 'die Ausbildung wird am {{on}} wieder aufgenommen',
    termination_agreed: 'die Kammer stimmt der Auflösung des Vertrags zum {{on}} zu',
    termination_refused: 'die Kammer stimmt der für den {{on}} vorgeschlagenen Auflösung des Vertrags nicht zu',
    contract_terminated: 'der Lehrvertrag endet mit Wirkung zum {{on}}',
    employer_changed: 'die Ausbildung wird ab dem {{on}} bei einem neuen Arbeitgeber fortgesetzt; der neue Vertrag ist zu unterzeichnen und einzutragen',
  },
  recognition: {
    documents_needed: {
      subject: 'Anerkennung Ihres Abschlusses: Unterlagen beizufügen – Antrag {{reference}}',
      body: `Guten Tag,

Ihr Antrag auf Anerkennung eines ausländischen Berufsabschlusses ({{reference}}) ist eröffnet. Bitte fügen Sie ihm diese Unterlagen bei:
{{documents}}

Unterlagen in einer anderen Sprache als Französisch, Deutsch, Luxemburgisch oder Englisch benötigen eine Übersetzung.
{{fee}}
Der Antrag wird geprüft, sobald alle Unterlagen vorliegen.

Unterlagen beifügen: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    },
    documents_requested: {
      subject: 'Anerkennung Ihres Abschlusses: Unterlagen erneut angefordert – Antrag {{reference}}',
      body: `Guten Tag,

Die Abteilung für die Anerkennung von Abschlüssen benötigt diese Unterlagen erneut, um Ihren Antrag {{reference}} zu prüfen:
{{documents}}

Die Prüfung wird fortgesetzt, sobald Sie sie beigefügt haben. Die Anmerkungen der Abteilung finden Sie beim Antrag.

Unterlagen beifügen: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    },
    recognised: {
      subject: 'Ihr Abschluss ist anerkannt – Antrag {{reference}}',
      body: `Guten Tag,

Die Abteilung für die Anerkennung von Abschlüssen hat Ihren ausländischen Abschluss (Antrag {{reference}}) als gleichwertig mit einer luxemburgischen Qualifikation anerkannt.

Zur Entscheidung und zum Herunterladen der Bescheinigung: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    },
    refused: {
      subject: 'Anerkennung Ihres Abschlusses abgelehnt – Antrag {{reference}}',
      body: `Guten Tag,

Die Abteilung für die Anerkennung von Abschlüssen hat die Anerkennung Ihres ausländischen Abschlusses (Antrag {{reference}}) abgelehnt.

Zur Entscheidung und ihrer Begründung: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    },
    revoked: {
      subject: 'Anerkennung Ihres Abschlusses widerrufen – Antrag {{reference}}',
      body: `Guten Tag,

Die Abteilung für die Anerkennung von Abschlüssen hat die Anerkennung Ihres ausländischen Abschlusses (Antrag {{reference}}) widerrufen. Bescheinigung und digitaler Nachweis sind nicht mehr gültig.

Zur Begründung: {{link}}

Diese Nachricht wurde automatisch versandt.`,
    },
    fee: 'Für den Antrag ist eine Gebühr von {{amount}} zu entrichten.',
    document: {
      diploma: 'das Abschlusszeugnis',
      transcript: 'die Notenübersicht',
      identity_document: 'ein Ausweisdokument',
      europass_supplement: 'die Europass-Zeugniserläuterung',
    },
    problem: {
      missing: 'fehlt',
      unreadable: 'unleserlich',
      translation_missing: 'Übersetzung fehlt',
      not_certified: 'keine beglaubigte Kopie',
    },
  },
};

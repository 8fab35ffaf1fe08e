import type { Messages } from './en.js';

export const fr: Messages = {
  task: {
    opinion: 'donner votre avis',
    enrolment: "confirmer l'inscription",
    decision: "statuer sur l'autorisation",
    amendment: 'modifier la demande',
    signature: "signer le contrat d'apprentissage",
    registration: "enregistrer le contrat d'apprentissage",
    change_agreement: "approuver une modification du contrat d'apprentissage",
    termination_agreement: "approuver la résiliation du contrat d'apprentissage",
    scan_review: 'examiner un contrat signé hors du système',
    school_year_result: "communiquer le résultat de l'année scolaire",
    final_exam: "communiquer le résultat de l'examen final",
    social_security: "confirmer l'affiliation de l'apprenti à la sécurité sociale",
    medical_examination: "enregistrer l'examen médical de l'apprenti",
  },
  taskOpened: {
    subject: "Nouvelle tâche : {{task}} – demande d'apprentissage {{reference}}",
    body: `Bonjour,

Une nouvelle tâche attend dans la corbeille de {{organisation}} : {{task}}.

Demande d'apprentissage transfrontalier {{reference}}
Métier : {{trade}}
Échéance : {{dueOn}}

Ouvrir la tâche : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  taskReminder: {
    subject: "Rappel : {{task}} avant le {{dueOn}} – demande d'apprentissage {{reference}}",
    body: `Bonjour,

Cette tâche est à traiter avant le {{dueOn}} et reste ouverte : {{task}}.

Demande d'apprentissage transfrontalier {{reference}}
Métier : {{trade}}

Ouvrir la tâche : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  taskEscalated: {
    subject: "En retard : {{task}} – demande d'apprentissage {{reference}} ({{organisation}})",
    body: `Bonjour,

Une tâche de {{organisation}} était à traiter avant le {{dueOn}} et reste ouverte : {{task}}.
{{holder}}

Demande d'apprentissage transfrontalier {{reference}}
Métier : {{trade}}

Ouvrir la tâche : {{link}}

Vous recevez ce message en tant que responsable de {{organisation}}.`,
    claimed: 'Un collègue l’a prise en charge.',
    unclaimed: 'Personne ne l’a prise en charge : elle est dans la corbeille commune.',
  },
  caseWithdrawn: {
    subject: "Demande d'apprentissage {{reference}} retirée",
    body: `Bonjour,

L'employeur a retiré la demande d'apprentissage transfrontalier {{reference}} (métier : {{trade}}).
Toute tâche encore ouverte de {{organisation}} dans ce dossier est annulée.

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  caseDecided: {
    subject_authorised: "Demande d'apprentissage {{reference}} autorisée",
    subject_refused: "Demande d'apprentissage {{reference}} refusée",
    body_authorised: `Bonjour,

Le ministère de l'Éducation nationale a autorisé la demande d'apprentissage transfrontalier {{reference}} (métier : {{trade}}).

Voir le dossier et la décision : {{link}}

Ce message a été envoyé automatiquement.`,
    body_refused: `Bonjour,

Le ministère de l'Éducation nationale a refusé la demande d'apprentissage transfrontalier {{reference}} (métier : {{trade}}).

Voir le dossier et les motifs : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  allowanceYear: {
    subject: "Début de l'année de formation {{year}} – apprentissage {{reference}}",
    body: `Bonjour,

L'année de formation {{year}} de l'apprentissage {{reference}} (métier : {{trade}}) commence le {{from}}.
L'indemnité passe au montant de cette année à partir de ce jour.

Voir le barème de l'indemnité : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  allowanceBelowMinimum: {
    subject: "Indemnité inférieure au minimum à partir du {{from}} – apprentissage {{reference}}",
    body: `Bonjour,

L'indemnité d'apprentissage minimale a changé. À partir du {{from}}, l'indemnité versée dans l'apprentissage {{reference}} (métier : {{trade}}) est inférieure au nouveau minimum.

Voir le nouveau minimum dans le barème de l'indemnité : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  finalExam: {
    subject_passed: 'Examen final réussi – apprentissage {{reference}}',
    subject_failed: 'Examen final non réussi – apprentissage {{reference}}',
    body_passed: `Bonjour,

L'école communique que l'examen final de l'apprentissage {{reference}} (métier : {{trade}}) est réussi : le diplôme est délivré et la formation est terminée.

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
    body_failed: `Bonjour,

L'école communique que l'examen final de l'apprentissage {{reference}} (métier : {{trade}}) n'est pas réussi. Avec l'accord des parties, l'employeur peut prolonger le contrat d'un an.

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  signingLink: {
    subject: "Veuillez signer votre contrat d'apprentissage – {{reference}}",
    body: `Bonjour,

Vous êtes invité(e) à signer le contrat de l'apprentissage transfrontalier {{reference}} {{role}}.

Métier : {{trade}}
Le lien est personnel, ne sert qu'une fois et expire le {{expiresOn}}.

Lire et signer le contrat : {{link}}

Si vous n'attendiez pas ce message, ignorez-le. Ce message a été envoyé automatiquement.`,
    apprentice: "en tant qu'apprenti(e)",
    legal_representative: "en tant que représentant légal de l'apprenti(e)",
  },
  scanRejected: {
    subject: "Scan signé non accepté – contrat d'apprentissage {{reference}}",
    body: `Bonjour,

Le scan du contrat d'apprentissage signé, déposé pour l'apprentissage transfrontalier {{reference}} (métier : {{trade}}), n'a pas été accepté. Les motifs figurent dans le dossier ; le contrat peut toujours être signé.

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  signaturesOverdue: {
    subject: "Signatures en retard – contrat d'apprentissage {{reference}}",
    body: `Bonjour,

Le délai de signature du contrat de l'apprentissage transfrontalier {{reference}} (métier : {{trade}}) est dépassé. Il manque encore :
{{missing}}

Le contrat peut toujours être signé ; il est enregistré une fois toutes les signatures apposées.

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
    employer: "la signature de l'employeur",
    apprentice: "la signature de l'apprenti(e)",
    legal_representative: 'la signature du représentant légal',
  },
  caseStuck: {
    subject: 'Le dossier {{reference}} est bloqué',
    body: `Bonjour,

Le dossier {{reference}} s'est arrêté : {{reason}}.
Le réessayer n'y changera rien ; il attend un opérateur. Son workflow est case-{{caseId}} dans Temporal.
Ce message a été envoyé automatiquement.`,
  },
  contractRegistered: {
    subject: "Contrat d'apprentissage enregistré : {{registrationNumber}} – dossier {{reference}}",
    body: `Bonjour,

{{registrar}} a enregistré le contrat d'apprentissage du dossier d'apprentissage transfrontalier {{reference}} (métier : {{trade}}).
Numéro d'enregistrement : {{registrationNumber}}`,
    /** For the parties of the case: others cannot open it. */
    seeCase: `

Voir le dossier : {{link}}`,
    footer: `

Ce message a été envoyé automatiquement.`,
    copy: `

Une copie du contrat enregistré, à télécharger après connexion : {{documentLink}}`,
    apprenticeBody: `Bonjour,

Votre contrat d'apprentissage (apprentissage transfrontalier {{reference}}, métier : {{trade}}) a été enregistré par {{registrar}}.
Numéro d'enregistrement : {{registrationNumber}}

Conservez ce numéro : votre employeur, votre école et l'organisme d'enregistrement connaissent votre contrat sous ce numéro.

Ce message a été envoyé automatiquement.`,
  },
  trialPeriodEnded: {
    subject: "Fin de la période d'essai – apprentissage {{reference}}",
    body: `Bonjour,

La période d'essai de l'apprentissage transfrontalier {{reference}} (métier : {{trade}}) a pris fin le {{endedOn}}.
Désormais, le contrat ne peut être résilié qu'avec préavis, d'un commun accord ou pour faute grave, avec l'accord de la chambre.

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  contractNotice: {
    subject: 'Apprentissage {{reference}} : {{what}}',
    body: `Bonjour,

Apprentissage transfrontalier {{reference}} (métier : {{trade}}) : {{what}}.

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
    change_proposed: 'une modification du contrat est proposée, à compter du {{on}}',
    change_accepted: 'la modification du contrat à compter du {{on}} est acceptée',
    change_rejected: 'la modification du contrat proposée pour le {{on}} est refusée',
    change_withdrawn: 'la modification du contrat proposée pour le {{on}} est retirée',
    training_suspended: 'la formation est suspendue à compter du {{on}}',
    training_resumed: 'la formation reprend le {{on}}',
    termination_agreed: 'la chambre approuve la résiliation du contrat au {{on}}',
    termination_refused: "la chambre n'approuve pas la résiliation du contrat proposée pour le {{on}}",
    contract_terminated: "le contrat d'apprentissage prend fin, avec effet au {{on}}",
    employer_changed: "l'apprentissage se poursuit chez un nouvel employeur à partir du {{on}} ; le nouveau contrat est à signer et à enregistrer",
  },
  recognition: {
    documents_needed: {
      subject: 'Reconnaissance de votre diplôme : documents à ajouter – demande {{reference}}',
      body: `Bonjour,

Votre demande de reconnaissance d'un diplôme professionnel étranger ({{reference}}) est ouverte. Veuillez y ajouter ces documents :
{{documents}}

Les documents rédigés dans une autre langue que le français, l'allemand, le luxembourgeois ou l'anglais doivent être accompagnés d'une traduction.
{{fee}}
La demande est examinée dès que tous les documents sont joints.

Ajouter les documents : {{link}}

Ce message a été envoyé automatiquement.`,
    },
    documents_requested: {
      subject: 'Reconnaissance de votre diplôme : documents demandés à nouveau – demande {{reference}}',
      body: `Bonjour,

Le service de la reconnaissance des diplômes a de nouveau besoin de ces documents pour examiner votre demande {{reference}} :
{{documents}}

L'examen reprend dès que vous les avez ajoutés. Les remarques du service figurent dans la demande.

Ajouter les documents : {{link}}

Ce message a été envoyé automatiquement.`,
    },
    recognised: {
      subject: 'Votre diplôme est reconnu – demande {{reference}}',
      body: `Bonjour,

Le service de la reconnaissance des diplômes a reconnu votre diplôme étranger (demande {{reference}}) équivalent à une qualification luxembourgeoise.

Voir la décision et télécharger le certificat : {{link}}

Ce message a été envoyé automatiquement.`,
    },
    refused: {
      subject: 'Reconnaissance de votre diplôme refusée – demande {{reference}}',
      body: `Bonjour,

Le service de la reconnaissance des diplômes a refusé la reconnaissance de votre diplôme étranger (demande {{reference}}).

Voir la décision et ses motifs : {{link}}

Ce message a été envoyé automatiquement.`,
    },
    revoked: {
      subject: 'Reconnaissance de votre diplôme retirée – demande {{reference}}',
      body: `Bonjour,

Le service de la reconnaissance des diplômes a retiré la reconnaissance de votre diplôme étranger (demande {{reference}}). Son certificat et son attestation numérique ne sont plus valables.

Voir les motifs : {{link}}

Ce message a été envoyé automatiquement.`,
    },
    fee: 'Une taxe de {{amount}} est due pour la demande.',
    document: {
      diploma: 'le diplôme',
      transcript: 'le relevé de notes',
      identity_document: "une pièce d'identité",
      europass_supplement: 'le supplément Europass au certificat',
    },
    problem: {
      missing: 'manquant',
      unreadable: 'illisible',
      translation_missing: 'sa traduction manque',
      not_certified: "pas une copie certifiée conforme",
    },
  },
};

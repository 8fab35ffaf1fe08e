import type { Messages } from './en.js';

export const fr: Messages = {
  task: {
    opinion: 'donner votre avis',
    enrolment: "confirmer l'inscription",
    decision: "statuer sur l'autorisation",
  },
  taskOpened: {
    subject: "Nouvelle tâche : {{task}} – demande d'apprentissage {{reference}}",
    body: `Bonjour,

Une nouvelle tâche attend dans la corbeille de {{organisation}} : {{task}}.

Demande d'apprentissage transfrontalier {{reference}}
Employeur : {{employer}}
Métier : {{trade}}
Apprenti : {{apprentice}}
Date de début : {{startDate}}
Échéance : {{dueOn}}

Ouvrir la tâche : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  caseDecided: {
    subject_authorised: "Demande d'apprentissage {{reference}} autorisée",
    subject_refused: "Demande d'apprentissage {{reference}} refusée",
    body_authorised: `Bonjour {{name}},

Le ministère de l'Éducation nationale a autorisé la demande d'apprentissage transfrontalier {{reference}} (métier : {{trade}}, apprenti : {{apprentice}}).
{{reasons}}
Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
    body_refused: `Bonjour {{name}},

Le ministère de l'Éducation nationale a refusé la demande d'apprentissage transfrontalier {{reference}} (métier : {{trade}}, apprenti : {{apprentice}}).
Motifs : {{reasons}}

Voir le dossier : {{link}}

Ce message a été envoyé automatiquement.`,
  },
};

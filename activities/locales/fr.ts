import type { Messages } from './en.js';

export const fr: Messages = {
  task: {
    opinion: 'donner votre avis',
    enrolment: "confirmer l'inscription",
    decision: "statuer sur l'autorisation",
    amendment: 'modifier la demande',
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
  taskReminder: {
    subject: "Rappel : {{task}} avant le {{dueOn}} – demande d'apprentissage {{reference}}",
    body: `Bonjour,

Cette tâche est à traiter avant le {{dueOn}} et reste ouverte : {{task}}.

Demande d'apprentissage transfrontalier {{reference}}
Employeur : {{employer}}
Métier : {{trade}}

Ouvrir la tâche : {{link}}

Ce message a été envoyé automatiquement.`,
  },
  taskEscalated: {
    subject: "En retard : {{task}} – demande d'apprentissage {{reference}} ({{organisation}})",
    body: `Bonjour {{name}},

Une tâche de {{organisation}} était à traiter avant le {{dueOn}} et reste ouverte : {{task}}.
Attribuée à : {{assignee}}

Demande d'apprentissage transfrontalier {{reference}}
Employeur : {{employer}}
Métier : {{trade}}

Ouvrir la tâche : {{link}}

Vous recevez ce message en tant que responsable de {{organisation}}.`,
    unassigned: 'personne (dans la corbeille commune)',
  },
  caseWithdrawn: {
    subject: "Demande d'apprentissage {{reference}} retirée",
    body: `Bonjour,

{{employer}} a retiré la demande d'apprentissage transfrontalier {{reference}} (métier : {{trade}}, apprenti : {{apprentice}}).
Toute tâche encore ouverte de {{organisation}} dans ce dossier est annulée.
{{reason}}
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
  caseStuck: {
    subject: 'Le dossier {{reference}} est bloqué',
    body: `Bonjour,

Le dossier {{reference}} s'est arrêté : {{reason}}.
Le réessayer n'y changera rien ; il attend un opérateur. Son workflow est case-{{caseId}} dans Temporal.
Ce message a été envoyé automatiquement.`,
  },
};

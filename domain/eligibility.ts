import { allowanceTablesFrom, minimumAllowance } from './allowance.js';
import {
  daysInWeek,
  maximumDurationMonths,
  minimumDurationMonths,
  residenceCountries,
  type CaseRequest,
} from './case-request.js';
import { ageOn } from './luxembourg-date.js';
import { isMinorOn } from './signatures.js';
import {
  rowInForce,
  versionInForce,
  type ApplicationDeadline,
  type ReferenceData,
  type ReferenceTableName,
  type Trade,
} from './reference-data.js';


/** What the check needs besides the request: the reference tables and the parties named. */
export interface EligibilityContext {
  reference: ReferenceData;
  employerOrganisationId: string;
  /** The foreign school as registered, if the id names one. */
  school: { id: string; country: string | null; region: string | null } | undefined;
  /** The day of the request, in Luxembourg. */
  submittedOn: string;
}

export interface EligibilityProblem {
  path: string[];
  message: string;
}

export interface Eligibility {
  problems: EligibilityProblem[];
  /** Under 18 on the start date: the contract needs the legal representative's signature. */
  parentalAuthorisationRequired: boolean;
  route: 'regular' | 'exceptional';
  schoolYear: string | null;
  trade: Trade | null;
  minimumFirstYearCents: number | null;
  legalReferences: string[];
}

const minimumAge = 15;

function rowsOn<T extends ReferenceTableName>(reference: ReferenceData, table: T, date: string) {
  return versionInForce(reference[table], date)?.rows ?? [];
}

/** Whether an employer holds the right to train for a trade on a date: for a request, and for a change of employer. */
export function holdsRightToTrain(reference: ReferenceData, employerOrganisationId: string, tradeCode: string, date: string): boolean {
  return rowsOn(reference, 'rights-to-train', date).some((r) => r.employerOrganisationId === employerOrganisationId && r.tradeCode === tradeCode && rowInForce(r, date));
}

function euros(cents: number): string {
  return `${(cents / 100).toFixed(2)} €`;
}

/**
 * Every rule a request must meet, checked on its own dates, all at once: the employer
 * gets the whole list of what to fix. Pure: the API answers with it, and the workflow
 * records the very same result.
 */
export function checkEligibility(request: CaseRequest, context: EligibilityContext): Eligibility {
  const { reference, submittedOn } = context;
  const start = request.startDate;
  const problems: EligibilityProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path: path.split('/'), message });
  const legalReferences = new Set<string>();
  const cite = (table: ReferenceTableName, date: string) => {
    const version = versionInForce(reference[table], date);
    if (version) legalReferences.add(version.legalReference);
  };

  if (!(residenceCountries as readonly string[]).includes(request.apprentice.residenceCountry)) {
    problem('apprentice/residenceCountry', `The apprentice must live in ${residenceCountries.join(', ')}`);
  }
  for (const days of ['schoolDays', 'companyDays'] as const) {
    const value = request.weeklyRhythm[days];
    if (value < 0 || value > daysInWeek) problem(`weeklyRhythm/${days}`, `Between 0 and ${daysInWeek} days a week`);
  }
  const durationInRange = request.durationMonths >= minimumDurationMonths && request.durationMonths <= maximumDurationMonths;
  if (!durationInRange) problem('durationMonths', `An apprenticeship lasts ${minimumDurationMonths} to ${maximumDurationMonths} months`);

  const age = ageOn(request.apprentice.birthDate, start);
  if (age < minimumAge) problem('apprentice/birthDate', `The apprentice must be at least ${minimumAge} on the start date (${age} on ${start})`);
  // Each signer outside the employer signs through a personal link sent by e-mail.
  if (!request.apprentice.email) problem('apprentice/email', 'The apprentice signs the contract through a link sent by e-mail: give their e-mail address');
  if (isMinorOn(request.apprentice.birthDate, start)) {
    if (!request.legalRepresentative) problem('legalRepresentative', `The apprentice is a minor on ${start}: name the legal representative who signs the contract with them`);
    else if (!request.legalRepresentative.email) problem('legalRepresentative/email', 'The legal representative signs the contract through a link sent by e-mail: give their e-mail address');
  }
  if (start < submittedOn) problem('startDate', `The start date cannot be before the request (${submittedOn})`);

  const trade = rowsOn(reference, 'trades', start).find((t) => t.code === request.tradeCode) ?? null;
  cite('trades', start);
  if (!trade) problem('tradeCode', `There is no trade ${request.tradeCode} for a start on ${start}`);

  const schoolYear: ApplicationDeadline | undefined = rowsOn(reference, 'application-deadlines', start).find(
    (year) => year.startsOn <= start && start <= year.endsOn,
  );
  cite('application-deadlines', start);
  const route = trade && !trade.crossBorderListed ? 'exceptional' : 'regular';
  if (!schoolYear) {
    problem('startDate', `No school year is open for requests starting on ${start}`);
  } else if (trade) {
    if (route === 'exceptional' && !request.exceptional) {
      problem('tradeCode', `${trade.code} is not on the cross-border list for ${schoolYear.schoolYear}; it can be requested as an exceptional application (exceptional: true)`);
    } else if (route === 'exceptional' && submittedOn > schoolYear.exceptionalDeadline) {
      problem('exceptional', `Exceptional applications for ${schoolYear.schoolYear} closed on ${schoolYear.exceptionalDeadline}`);
    } else if (route === 'regular' && submittedOn > schoolYear.regularDeadline) {
      problem('startDate', `Requests for ${schoolYear.schoolYear} closed on ${schoolYear.regularDeadline}`);
    }
  }

  if (trade) {
    if (durationInRange && (request.durationMonths < trade.minDurationMonths || request.durationMonths > trade.maxDurationMonths)) {
      problem('durationMonths', `${trade.code} lasts ${trade.minDurationMonths} to ${trade.maxDurationMonths} months`);
    }
    cite('rights-to-train', start);
    if (!holdsRightToTrain(reference, context.employerOrganisationId, trade.code, start)) problem('tradeCode', `Your company has no right to train for ${trade.code} on ${start}`);
  }

  const school = context.school;
  if (!school) {
    problem('foreignSchool/organisationId', 'There is no foreign school with this id');
  } else {
    if (trade && !rowsOn(reference, 'school-programmes', start).some((p) => p.schoolOrganisationId === school.id && p.tradeCode === trade.code)) {
      problem('foreignSchool/organisationId', `This school offers no programme for ${trade.code}`);
    }
    cite('school-programmes', start);
    const covered = rowsOn(reference, 'agreements', start).some(
      (a) => a.country === school.country && (a.region === null || a.region === school.region) && rowInForce(a, start),
    );
    cite('agreements', start);
    if (!covered) {
      problem('foreignSchool/organisationId', `No cross-border agreement covers ${school.region ?? school.country} on ${start}`);
    }
  }

  let minimumFirstYearCents: number | null = null;
  if (request.proposedMonthlyAllowanceCents <= 0) problem('proposedMonthlyAllowanceCents', 'The allowance must be more than 0');
  if (trade) {
    const minimum = minimumAllowance(allowanceTablesFrom(reference), { trade, date: start, year: 1, midCoursePassed: false });
    if (!minimum) {
      problem('proposedMonthlyAllowanceCents', `No minimum allowance is set for ${trade.code} on ${start}`);
    } else {
      minimumFirstYearCents = minimum.cents;
      legalReferences.add(minimum.legalReference);
      if (request.proposedMonthlyAllowanceCents > 0 && request.proposedMonthlyAllowanceCents < minimum.cents) {
        problem('proposedMonthlyAllowanceCents', `The allowance must be at least ${euros(minimum.cents)} a month in the first year (${minimum.legalReference})`);
      }
    }
  }

  return {
    problems,
    parentalAuthorisationRequired: isMinorOn(request.apprentice.birthDate, start),
    route,
    schoolYear: schoolYear?.schoolYear ?? null,
    trade,
    minimumFirstYearCents,
    legalReferences: [...legalReferences],
  };
}

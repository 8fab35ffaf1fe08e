import type { JWTPayload } from 'jose';
import type { Language } from './language.js';
import { qualificationTitles } from './qualification-titles.js';
import type { DiplomaType, RegisteredDecision } from './recognition.js';

/**
 * What a recognition's certificate shows, and so all its credential and the public
 * verification may reveal: never the applicant's e-mail or the documents.
 */
export interface CertificateFacts {
  recognitionId: string;
  /** The credential's id (its JWT `jti`); an equivalence has one, a refusal none. */
  credentialId?: string | undefined;
  holder: { givenName: string; familyName: string; birthDate: string };
  diploma: DiplomaType;
  awardedOn: string;
  schoolName: string;
  decision: RegisteredDecision;
  /** A refusal's reasons. */
  reasons?: string | undefined;
  decidedAt: string;
  language: Language;
  /** Where anyone checks the credential. */
  verificationUrl: string;
}

/**
 * An equivalence as a W3C Verifiable Credential in its JWT encoding (`iss`, `jti`, `nbf`, `iat`
 * stand for the credential's issuer, id and issuance), its `vc` claim shaped as a European
 * Digital Credential of the European Learning Model: the holder, a Person as the certificate
 * names them, holds a LearningAchievement specified by the Luxembourg Qualification at its EQF
 * level, recognised from the foreign diploma, which is the second claim (ELM names the
 * birth date `dateOfBirth`; the country is its ISO code). No `sub`: the holder
 * has no identifier to give without a personal one. The same facts give the same payload.
 */
export function credentialPayload(facts: CertificateFacts, issuer: string): JWTPayload & { jti: string } {
  const { decision, credentialId } = facts;
  if (decision.outcome !== 'equivalence' || !credentialId) throw new Error('Only an equivalence is issued a credential');
  const id = `urn:uuid:${credentialId}`;
  const issued = Math.floor(Date.parse(facts.decidedAt) / 1000);
  const text = (value: string) => ({ [facts.language]: value });
  const awarded = (awardingBody: object, awardingDate: string) => ({ type: 'AwardingProcess', awardingBody: [awardingBody], awardingDate });
  return {
    iss: issuer,
    jti: id,
    iat: issued,
    nbf: issued,
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
      id,
      type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
      issuer: { id: issuer, type: 'Organisation' },
      issued: facts.decidedAt,
      validFrom: facts.decidedAt,
      credentialSubject: {
        type: 'Person',
        givenName: text(facts.holder.givenName),
        familyName: text(facts.holder.familyName),
        dateOfBirth: facts.holder.birthDate,
        hasClaim: [
          {
            id: `${id}#equivalence`,
            type: 'LearningAchievement',
            title: text(qualificationTitles[facts.language][decision.qualification]),
            wasAwardedBy: awarded({ id: issuer, type: 'Organisation' }, facts.decidedAt),
            specifiedBy: {
              type: 'Qualification',
              title: text(qualificationTitles[facts.language][decision.qualification]),
              identifier: [{ type: 'Identifier', notation: decision.qualification, schemeName: 'Luxembourg qualifications framework (CLQ)' }],
              eqfLevel: { id: `http://data.europa.eu/snb/eqf/${decision.level}`, type: 'Concept' },
              ...(decision.tradeCode ? { additionalNote: [{ type: 'Note', noteLiteral: { en: `Trade ${decision.tradeCode}` } }] } : {}),
            },
          },
          {
            id: `${id}#foreign-diploma`,
            type: 'LearningAchievement',
            title: text(facts.diploma.title),
            wasAwardedBy: awarded({ type: 'Organisation', legalName: text(facts.schoolName), location: [{ type: 'Location', address: [{ type: 'Address', countryCode: { type: 'Concept', notation: facts.diploma.country } }] }] }, facts.awardedOn),
            specifiedBy: { type: 'Qualification', title: text(facts.diploma.title), description: text(facts.diploma.programme) },
          },
        ],
      },
    },
  };
}

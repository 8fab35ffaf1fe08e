import { describe, expect, it } from 'vitest';
import { credentialPayload } from '../../domain/credential.js';
import { equivalenceFacts } from '../support/sample-certificate.js';

describe('a recognition credential', () => {
  it('is a W3C verifiable credential in JWT form: its id, issuer and issuance are the JWT claims', () => {
    const payload = credentialPayload(equivalenceFacts, 'https://apprenticeship.example.lu');
    expect(payload).toMatchObject({ iss: 'https://apprenticeship.example.lu', jti: 'urn:uuid:0b7b8d5e-7c1f-4c0e-9a39-5d2e8f6a1c44', iat: 1792056600, nbf: 1792056600 });
    expect(payload.sub).toBeUndefined();
    const vc = payload.vc as Record<string, any>;
    expect(vc['@context'][0]).toBe('https://www.w3.org/2018/credentials/v1');
    expect(vc.type).toEqual(['VerifiableCredential', 'EuropeanDigitalCredential']);
  });

  it('names the holder as the certificate does and the qualification at its EQF level, recognised from the foreign diploma', () => {
    const subject = (credentialPayload(equivalenceFacts, 'urn:x').vc as Record<string, any>).credentialSubject;
    expect(subject).toMatchObject({ type: 'Person', givenName: { fr: 'Lena' }, familyName: { fr: 'Roth' }, dateOfBirth: '2006-04-02' });
    const [achievement, foreign] = subject.hasClaim;
    expect(achievement.specifiedBy).toMatchObject({ type: 'Qualification', title: { fr: "Diplôme d'aptitude professionnelle (DAP)" }, eqfLevel: { id: 'http://data.europa.eu/snb/eqf/3' } });
    expect(foreign).toMatchObject({ type: 'LearningAchievement', title: { fr: "Certificat d'aptitude professionnelle Boulanger" } });
    expect(JSON.stringify(subject)).not.toContain('@');
  });

  it('is the same for the same facts, and a refusal has none', () => {
    expect(credentialPayload(equivalenceFacts, 'urn:x')).toEqual(credentialPayload(structuredClone(equivalenceFacts), 'urn:x'));
    expect(() => credentialPayload({ ...equivalenceFacts, decision: { outcome: 'refusal' }, credentialId: undefined }, 'urn:x')).toThrow();
  });
});

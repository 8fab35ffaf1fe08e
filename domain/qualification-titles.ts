import type { Language } from './language.js';
import type { LuxembourgQualification } from './recognition.js';

/** The Luxembourg qualifications' names as the ministry writes them in each language, abbreviation kept. */
export const qualificationTitles: Record<Language, Record<LuxembourgQualification, string>> = {
  en: {
    CCP: 'Certificate of vocational capacity (CCP)',
    DAP: 'Diploma of vocational aptitude (DAP)',
    DT: "Technician's diploma (DT)",
    BTS: "Higher technician's certificate (BTS)",
    BM: "Master craftsperson's certificate (BM)",
  },
  fr: {
    CCP: 'Certificat de capacité professionnelle (CCP)',
    DAP: "Diplôme d'aptitude professionnelle (DAP)",
    DT: 'Diplôme de technicien (DT)',
    BTS: 'Brevet de technicien supérieur (BTS)',
    BM: 'Brevet de maîtrise (BM)',
  },
  de: {
    CCP: 'Berufsbefähigungszeugnis (CCP)',
    DAP: 'Berufsqualifikationsdiplom (DAP)',
    DT: 'Technikerdiplom (DT)',
    BTS: 'Höheres Technikerdiplom (BTS)',
    BM: 'Meisterbrief (BM)',
  },
};

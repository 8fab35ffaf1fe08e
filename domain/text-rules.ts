/**
 * Text that people type. Control characters are never typed on purpose, and one of them (NUL)
 * PostgreSQL cannot store: a case holding it could never be recorded. Half of a UTF-16
 * surrogate pair is no text at all, and PostgreSQL refuses it in JSON. A text of several
 * lines (reasons, comments) may hold line breaks and tabs; a single line holds neither.
 */
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
const controlCharacterBesidesLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** In a `u` regex a well-formed pair is one code point, so this matches only a lone half. */
const loneSurrogate = /\p{Cs}/u;

/** Whether `value` can be text at all: no control character but line breaks and tabs, no lone surrogate. */
export function isText(value: string): boolean {
  return !controlCharacterBesidesLineBreaks.test(value) && !loneSurrogate.test(value);
}

export function isSingleLine(value: string): boolean {
  return !controlCharacter.test(value) && !loneSurrogate.test(value);
}

export const textProblem = 'Control characters (other than line breaks and tabs) and lone UTF-16 surrogates are not allowed';
export const singleLineProblem = 'Line breaks, tabs and other control characters are not allowed here';

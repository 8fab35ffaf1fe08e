export const languages = ['fr', 'de', 'en'] as const;
export type Language = (typeof languages)[number];

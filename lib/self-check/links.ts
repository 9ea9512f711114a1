import type { Locale } from "@/lib/i18n/locales";

/**
 * Pages the self-check links to outside this site, each checked against a stored copy of the publisher's page
 * (docs/decisions/0006-self-check-instruments.md lists what each says).
 */
export const selfCheckLinks = {
  /** NIAAA's Rethinking Drinking: "How much is too much?", with its pattern and symptom checks (English only). */
  rethinkingDrinking: "https://rethinkingdrinking.niaaa.nih.gov/how-much-too-much",
  /** NIAAA in Spanish, "Comprensión del trastorno por consumo de alcohol": what AUD is, and that treatment helps. */
  niaaaAudSpanish: "https://www.niaaa.nih.gov/publications/comprension-del-trastorno-por-consumo-de-alcohol",
  /** NIAAA Core Resource: the Dietary Guidelines amounts, on any single day; who should not drink at all. */
  niaaaHowMuch: "https://www.niaaa.nih.gov/health-professionals-communities/core-resource-on-alcohol/basics-defining-how-much-alcohol-too-much",
  /** CDC: no known safe amount of alcohol during pregnancy (English; no current Spanish page was verified). */
  cdcPregnancy: "https://www.cdc.gov/features/alcoholandpregnancy/",
  /** SAMHSA's treatment locator. */
  findTreatment: "https://findtreatment.gov/",
} as const;

/** NIAAA's page for readers of each language: its checks in English, its Spanish page on AUD in Spanish. */
export const niaaaPage: Record<Locale, string> = { en: selfCheckLinks.rethinkingDrinking, es: selfCheckLinks.niaaaAudSpanish };

/** The heading id of "how to use naloxone" in each language's overdose article (content/es/WRITING.md fixes them). */
export const naloxoneSection: Record<Locale, string> = {
  en: "how-to-use-naloxone-nasal-spray",
  es: "pasos-para-usar-la-naloxona-en-atomizador-nasal",
};

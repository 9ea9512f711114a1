/**
 * Pages the self-check links to outside this site, each checked against a stored copy of the publisher's page
 * (docs/decisions/0006-self-check-instruments.md lists what each says).
 */
export const selfCheckLinks = {
  /** NIAAA's Rethinking Drinking: "How much is too much?", with its pattern and symptom checks. */
  rethinkingDrinking: "https://rethinkingdrinking.niaaa.nih.gov/how-much-too-much",
  /** NIAAA Core Resource: the Dietary Guidelines amounts, on any single day; who should not drink at all. */
  niaaaHowMuch: "https://www.niaaa.nih.gov/health-professionals-communities/core-resource-on-alcohol/basics-defining-how-much-alcohol-too-much",
  /** CDC: no known safe amount of alcohol during pregnancy. */
  cdcPregnancy: "https://www.cdc.gov/features/alcoholandpregnancy/",
  /** SAMHSA's treatment locator. */
  findTreatment: "https://findtreatment.gov/",
} as const;

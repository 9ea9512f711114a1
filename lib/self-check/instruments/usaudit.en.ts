import type { InstrumentText } from "./types";

/**
 * The USAUDIT (Babor, Higgins-Biddle & Robaina; SAMHSA-funded), Appendix B of its guide, items 1–3 also its
 * Appendix A (the USAUDIT-C). Wording and points verbatim as quoted in shared/research/screening-facts.md §1.3 from
 * the guide. Shown only when content/center.ts confirms the license for a public page (decision 0006). No Spanish
 * version exists: the Spanish page offers no scored check (a declared exception, lib/self-check/exceptions.ts).
 *
 * Left out of the printed instructions, as the guide allows adapting them: "so we ask patients the following
 * questions", "Your answers will remain confidential" (the page says exactly what happens to answers instead) and
 * "Place an X in one box to answer" (a paper form's instruction).
 */
const frequency = ["Never", "Less than monthly", "Monthly", "Weekly", "2-3 times a week", "4-6 times a week", "Daily"] as const;
const often = ["Never", "Less than monthly", "Monthly", "Weekly", "Daily or almost daily"] as const;
const injury = [
  { points: 0, label: "No" },
  { points: 2, label: "Yes, but not in the past year" },
  { points: 4, label: "Yes, during the past year" },
] as const;
const scale = (labels: readonly string[]) => labels.map((label, points) => ({ points, label }));

export const usauditEn: InstrumentText = {
  id: "usaudit",
  language: "en",
  instructions: [
    "Think about your drinking in the past year.",
    "A drink means one beer, one small glass of wine (5 oz.), or one mixed drink containing one shot (1.5 oz.) of spirits.",
  ],
  items: [
    { id: "q1", question: "How often do you have a drink containing alcohol?", choices: scale(frequency) },
    {
      id: "q2",
      question: "How many drinks containing alcohol do you have on a typical day you are drinking?",
      choices: scale(["1 drink", "2 drinks", "3 drinks", "4 drinks", "5-6 drinks", "7-9 drinks", "10 or more drinks"]),
    },
    { id: "q3", question: "How often do you have X (5 for men; 4 for women & men over age 65) or more drinks on one occasion?", choices: scale(frequency) },
    {
      id: "q4",
      question: "How often during the last year have you found that you were not able to stop drinking once you had started?",
      choices: scale(often),
    },
    { id: "q5", question: "How often during the past year have you failed to do what was expected of you because of drinking?", choices: scale(often) },
    {
      id: "q6",
      question: "How often during the past year have you needed a drink first thing in the morning to get yourself going after a heavy drinking session?",
      choices: scale(often),
    },
    { id: "q7", question: "How often during the past year have you had a feeling of guilt or remorse after drinking?", choices: scale(often) },
    {
      id: "q8",
      question: "How often during the past year have you been unable to remember what happened the night before because you had been drinking?",
      choices: scale(often),
    },
    { id: "q9", question: "Have you or someone else been injured because of your drinking?", choices: injury },
    {
      id: "q10",
      question: "Has a relative, friend, doctor, or other health care worker been concerned about your drinking and suggested you cut down?",
      choices: injury,
    },
  ],
  source: {
    title:
      "The Alcohol Use Disorders Identification Test, Adapted for Use in the United States: A Guide for Primary Care Practitioners (Babor, Higgins-Biddle, Robaina)",
    publisher: "SAMHSA",
    url: "https://www.ct.gov/dmhas/lib/dmhas/publications/USAUDIT-2017.pdf",
  },
};

/**
 * The words around a scored self-check (English): the form's labels, its error messages and every result. They belong
 * to the instrument they surround, so they live beside it in lib/self-check/instruments (a language without the
 * publisher's own version of the instrument has none of these, and no form). The published questions themselves are
 * data in lib/self-check/instruments. Used by the prerendered page (for the browser module to show) and by the
 * no-JavaScript route alike.
 */
export const selfCheckFormText = {
  formHeading: "Your answers",
  aboutYouLegend: "About you",
  ageLegend: "How old are you?",
  ages: { "under-18": "Under 18", "18-65": "18 to 65", "66-plus": "66 or older" },
  sexLegend: "Which describes you?",
  sexHint: "The check uses this to pick the right score limits. If you choose the third answer, it uses the more careful limits.",
  sexes: { woman: "A woman", man: "A man", other: "Another answer, or I'd rather not say" },
  stage2Heading: "A few more questions",
  stage2Intro: "Your score so far is at the point where the check asks 7 more questions. Your first answers stay as they are.",
  submit: "See my result",
  clear: "Clear answers",
  cleared: "Your answers have been cleared.",
  errorHeading: "Some questions still need an answer",
  errorSummary: "Choose an answer for each of these:",
  errorField: "Choose an answer.",
  source: "The questions are the USAUDIT, by Thomas Babor, John Higgins-Biddle and Katherine Robaina, made with funding from SAMHSA. Source:",
  result: {
    heading: "Your result",
    /** {score} and {max} are numbers. */
    score: (score: string, max: string) => `Your score: ${score} out of ${max}.`,
    cNegative: ["That is below the score where the check asks more questions.", "It points to lower-risk drinking, or none. Lower risk is not no risk."],
    zones: {
      1: ["That is zone I, the lowest of the check's 4 zones.", "It points to lower-risk drinking, or none. Lower risk is not no risk."],
      2: [
        "That is zone II of the check's 4 zones.",
        "Zone II means your drinking may be above lower-risk limits. Over time, that can raise your risk of health and other problems.",
        "Cutting down now can lower that risk.",
      ],
      3: [
        "That is zone III of the check's 4 zones.",
        "Zone III means your drinking may already be harming you.",
        "The guide behind this check suggests a talk with a health professional, and a few counseling sessions if you can get them.",
      ],
      4: [
        "That is zone IV, the highest of the check's 4 zones.",
        "The guide behind this check suggests a full check-up with a specialist. Your body may have come to depend on alcohol.",
      ],
    },
    withdrawalHeading: "Before you cut down or stop",
    withdrawal: [
      "Some of your answers can be signs that your body depends on alcohol.",
      "If it does, stopping all at once can be dangerous. Talk with a doctor first. A doctor can help you stop safely.",
    ],
    withdrawalLink: "Read about withdrawal and detox",
    lowerRiskHeading: "Keeping your risk low",
    lowerRisk: [
      "If you drink, US guidance is 2 drinks or less in a day for men and 1 or less for women, on any day, not as an average.",
      "Some people should not drink at all. This includes people who are pregnant or trying to be, people who take medicines that mix badly with alcohol, and anyone under 21.",
    ],
    lowerRiskSource: "Source: NIAAA",
    tipsLink: "Tips and tools from NIAAA's Rethinking Drinking",
  },
  minorHeading: "This check is for adults",
  minor:
    "The questions and scores here were made for adults, so we do not show a score. A doctor, a school counselor or another adult you trust can help you look at your drinking.",
} as const;

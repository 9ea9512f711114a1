/**
 * The self-check page's words (English): everything around the published questions, which are data in
 * lib/self-check/instruments. {placeholders} are filled with links by the page; numbers come from lib/site/crisis.ts
 * and the config, never from here. Result texts are used by the prerendered page (for the browser module to show)
 * and by the no-JavaScript route alike.
 */
export const selfCheckText = {
  title: "A private check on your drinking",
  description: "A few questions to help you look at your drinking, scored on your own device. For adults. Not a diagnosis.",
  intro: "Not sure if your drinking is a problem? A few questions can help you look at it calmly.",
  adultsOnly: "This check is for adults, age 18 and over.",
  privacy:
    "Your answers are never stored or logged: with JavaScript on they never leave your device, and without it they are used once to show your result, then dropped.",
  notDiagnosis: "This is a screening, not a diagnosis. Only a health professional can diagnose an alcohol use disorder.",
  unavailableHeading: "A scored check is not on this page yet",
  unavailable: "We are still confirming that we may publish the questions we plan to use here. Until then, the free checks below are a good place to start.",
  niaaaHeading: "Free checks from NIAAA",
  /** {link} is the link to NIAAA's Rethinking Drinking pages (niaaaLink). */
  niaaa:
    "NIAAA is the US government's institute for alcohol research. Its {link} site has its own free checks: one on how much you drink, and one on signs of alcohol use disorder.",
  niaaaLink: "Rethinking Drinking",
  formHeading: "Your answers",
  aboutYouLegend: "About you",
  ageLegend: "How old are you?",
  ages: { "under-18": "Under 18", "18-65": "18 to 65", "66-plus": "66 or older" },
  sexLegend: "Which describes you?",
  sexHint: "The check uses this to pick the right score limits. If you choose the third answer, it uses the more careful limits.",
  sexes: { woman: "A woman", man: "A man", other: "Another answer, or I'd rather not say" },
  questionsLegend: (n: number, total: number) => `Question ${n} of ${total}`,
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
    /** {source} links NIAAA's page. */
    lowerRisk: [
      "If you drink, US guidance is 2 drinks or less in a day for men and 1 or less for women, on any day, not as an average.",
      "Some people should not drink at all. This includes people who are pregnant or trying to be, people who take medicines that mix badly with alcohol, and anyone under 21.",
    ],
    lowerRiskSource: "Source: NIAAA",
    tipsLink: "Tips and tools from NIAAA's Rethinking Drinking",
  },
  nextHeading: "What you can do next",
  /** {samhsa} is the helpline's number (a link), {findTreatment} a link, {phone} the admissions number (a link). */
  next: {
    doctor: "Talk with your own doctor or a primary care clinic. You can tell them about this check.",
    samhsa: "Call the SAMHSA National Helpline at {samhsa}. It is free and open any hour. It can refer you to care near you.",
    findTreatment: "Look for treatment near you on {findTreatment}, a free federal site.",
    findTreatmentName: "FindTreatment.gov",
    us: "Call our admissions team at {phone}. We can talk through your options, here or somewhere else.",
    notUs: "This result does not mean you need our program. We are one option among many.",
  },
  alwaysHeading: "Good to know",
  pregnancy: "If you are pregnant or could be: there is no known safe amount of alcohol during pregnancy.",
  pregnancySource: "Source: CDC",
  /** {naloxone} and {overdose} are links. */
  opioids: "If you also use opioids, keep {naloxone} on hand and learn {overdose}.",
  naloxone: "naloxone",
  overdose: "how to prevent an overdose",
  otherDrugs:
    "This check is about alcohol only. If you are worried about other drugs, the same steps help: your doctor, the SAMHSA Helpline and FindTreatment.gov cover every substance.",
  minorHeading: "This check is for adults",
  minor:
    "The questions and scores here were made for adults, so we do not show a score. A doctor, a school counselor or another adult you trust can help you look at your drinking.",
  sourcesHeading: "Sources",
} as const;

/**
 * The self-check page's words (English): the page around the check, shown in every state, also when no scored check
 * is offered (its license not yet confirmed, or no publisher's version in the page's language). The form's and the
 * results' words belong to the instrument (lib/i18n/self-check-form.en.ts). {placeholders} are filled with links by
 * the page; numbers come from lib/site/crisis.ts and the config, never from here.
 */
export const selfCheckText = {
  /** The page's title and description: `withCheck` when the page offers a scored check, `withoutCheck` when not. */
  title: { withCheck: "A private check on your drinking", withoutCheck: "Wondering about your drinking?" },
  description: {
    withCheck: "A few questions to help you look at your drinking, scored on your own device. For adults. Not a diagnosis.",
    withoutCheck: "Not sure about your drinking? Free checks from NIAAA, and simple next steps you can take today. For adults.",
  },
  intro: "Not sure if your drinking is a problem? This page can help you look at it calmly and find a next step.",
  adultsOnly: "This check is for adults, age 18 and over.",
  privacy:
    "Your answers are never stored or logged: with JavaScript on they never leave your device, and without it they are used once to show your result, then dropped.",
  notDiagnosis: "This is a screening, not a diagnosis. Only a health professional can diagnose an alcohol use disorder.",
  /** Why no scored check is on the page, one block per reason (lib/self-check/instruments). */
  unavailable: {
    licensePending: {
      heading: "A scored check is not on this page yet",
      body: ["We are still confirming that we may publish the questions we plan to use here. Until then, the free checks below are a good place to start."],
    },
    noPublisherVersion: {
      heading: "There is no check in English yet",
      body: [
        "A scored check gives a fair result only with the exact questions its authors wrote and tested.",
        "We found no English version from its authors, and we do not translate it ourselves: our own translation could change what it measures.",
        "So this page has no check. Below are simple steps you can take today.",
      ],
    },
  },
  niaaaHeading: "Free help from NIAAA",
  /** {link} is the link to NIAAA's pages (niaaaLink). */
  niaaa:
    "NIAAA is the US government's institute for alcohol research. Its {link} site has its own free checks: one on how much you drink, and one on signs of alcohol use disorder.",
  niaaaLink: "Rethinking Drinking",
  nextHeading: "What you can do next",
  /**
   * {lifeline}, {lifelineSms} (links), {press} and {keyword} come from lib/site/crisis.ts; {samhsa} is the helpline's
   * number (a link), {findTreatment} a link, {phone} the admissions number (a link).
   */
  next: {
    talkNow: "To talk with someone now, call {lifeline} or text {lifelineSms}. It is free and open any hour.",
    doctor: "Talk with your own doctor or a primary care clinic. You can tell them about this check.",
    samhsa: "Call the SAMHSA National Helpline at {samhsa}. It is free and open any hour. It can refer you to care near you.",
    findTreatment: "Look for treatment near you on {findTreatment}, a free federal site.",
    findTreatmentName: "FindTreatment.gov",
    us: "Call our admissions team at {phone}. We can talk through your options, here or somewhere else.",
    notUs: "Nothing on this page means you need our program. We are one option among many.",
  },
  alwaysHeading: "Good to know",
  /** {link} links the withdrawal article (withdrawalLink). */
  withdrawal: "If your body may depend on alcohol, stopping all at once can be dangerous. Talk with a doctor first: a doctor can help you stop safely. {link}",
  withdrawalLink: "Read about withdrawal and detox.",
  pregnancy: "If you are pregnant or could be: there is no known safe amount of alcohol during pregnancy.",
  pregnancySource: "Source: CDC",
  /** {naloxone} and {overdose} are links. */
  opioids: "If you also use opioids, keep {naloxone} on hand and learn {overdose}.",
  naloxone: "naloxone",
  overdose: "how to prevent an overdose",
  otherDrugs:
    "This page is about alcohol. If you are worried about other drugs, the same steps help: your doctor, the SAMHSA Helpline and FindTreatment.gov cover every substance.",
} as const;

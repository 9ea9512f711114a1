import { route } from "@/lib/site/routes";

/** The home page's words (English). Kept beside the other interface strings so a translation touches one folder. */
export const home = {
  title: "Intensive outpatient treatment for alcohol and drug use",
  what: "An intensive outpatient program (IOP) is structured treatment, usually 9 or more hours a week, while you live at home and keep up with work, school or family.",
  who: "It can suit adults who need more support than a weekly counseling visit but do not need 24-hour care or medical help to stop drinking or using safely.",
  call: "Call admissions",
  message: "Send us a message",
  /** Who answers a call during admissions hours (config: admissionsAnsweredBy). After hours comes from afterHoursSentences. */
  callAnsweredBy: {
    "center-staff": "During admissions hours, our own admissions staff answers your call.",
    "answering-service": "During admissions hours, an answering service takes your call and passes your message to our admissions staff.",
  },
  /** The center's own promise about a call. */
  callPromise: "We will not pressure you, and we will tell you if another kind of care would fit you better.",
  pathsHeading: "Where would you like to start?",
  paths: [
    {
      href: route("/articles/what-is-iop"),
      label: "I'm looking for help for myself",
      blurb: "What IOP is, who it suits and what a week looks like.",
    },
    {
      href: route("/articles/helping-a-loved-one"),
      label: "I'm worried about someone I love",
      blurb: "How to talk about it, how to help, and how to look after yourself.",
    },
    {
      href: route("/articles/referring-to-iop"),
      label: "I'm a professional making a referral",
      blurb: "Who fits IOP, how to refer and how to share records safely.",
    },
  ],
  /** Under the three paths, for the reader who is not sure they need help (the self-check page). */
  selfCheck: { href: route("/self-check"), label: "Not sure about your drinking? Take a private look at it" },
  startHeading: "Start here",
  /** Articles, in this order; the About page's card follows them (its title and description are in trustPages). */
  startHere: ["what-is-iop", "typical-week-in-iop", "how-long-does-iop-last", "cost-and-insurance", "iop-faq"],
  allArticles: "See all articles",
  programHeading: "Our program",
  tracksHeading: "Program times",
  hoursHeading: "Admissions hours",
  /** The cost part under "Our program": its heading, then the coverage sentences from the config and this link. */
  costHeading: "Paying for care",
  costLink: "What it costs here, and how to check your coverage",
} as const;

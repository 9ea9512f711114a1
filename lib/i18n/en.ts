import { diagrams } from "./diagrams.en";
import { home } from "./home.en";
import { inquiryText } from "./inquiry.en";
import { selfCheckText } from "./self-check.en";

const hoursAWeek = (n: number) => `${n} hours a week`;
const l = inquiryText.labels;

/**
 * The English dictionary: every interface string the site shows, speaks or publishes (metadata, JSON-LD). A new
 * locale adds `<locale>.ts` with a value of type Dictionary (lib/i18n/dictionary.ts, derived from this one), so a
 * missing key is a type error. Sentences built from config values are functions, so each language orders its words.
 */
export const en = {
  site: {
    title: (centerName: string) => `${centerName}: intensive outpatient treatment for addiction`,
    titleTemplate: (centerName: string) => `%s | ${centerName}`,
    description: (centerName: string) =>
      `Plain-language information about intensive outpatient programs (IOP) for alcohol and drug use, and how to reach ${centerName}.`,
  },
  /** The language's own name, as the language switch on pages of other languages shows it. */
  languageName: "English",
  skipToContent: "Skip to main content",
  nav: {
    label: "Main",
    menu: "Menu",
    home: "Home",
    articles: "Learn about IOP",
    faq: "Common questions",
    forFamilies: "For families",
    forProfessionals: "For professionals",
    cost: "Cost and insurance",
    about: "About us",
    contact: "Contact us",
  },
  callUs: "Call",
  /** The header's call button when its row is narrow (small screen or large text); its name keeps callUs and the number. */
  callShort: "Call",
  /** The bar at the bottom of a phone screen on article pages (components/article/CallBar.tsx). */
  callBar: {
    label: "Call admissions",
    /** {hours} is the admissions hours in one short line, with the time zone (admissionsHoursLine). */
    hours: (hours: string) => `Open ${hours}`,
  },
  crisis: {
    /** The red strip atop every page. {lifeline} and {emergency} are the numbers (links), from lib/site/crisis.ts. */
    strip: "In crisis? Call or text {lifeline}. In an emergency, call {emergency}.",
    /** The same strip in two short lines, for large text on a phone (the header's compact layout). */
    stripShort: "Crisis: {lifeline}. Emergency: {emergency}.",
    heading: "Need help right now?",
    /** {emergency} is the emergency number and {naloxone} the word below, both links. */
    overdose: "If someone may be overdosing: call {emergency}, give {naloxone} if you have it.",
    naloxone: "naloxone",
    otherEmergency: "For any other emergency, call {emergency} too.",
    /** {lifeline} is 988's number, part of the line's name. */
    lifeline: "{lifeline} Suicide & Crisis Lifeline: free, any hour, for substance use crises too.",
    call: "Call {number}",
    text: "Text {number}",
    chat: "Chat online",
    samhsa: "SAMHSA National Helpline: free treatment referral and information, any hour, in English and Spanish.",
    samhsaTty: "TTY",
    /** The summary of the closed <details>, then what is inside it; {spanish} is moreSpanish, marked as Spanish. */
    more: "More ways to get help",
    moreHint: "{spanish}, for veterans, in ASL",
    moreSpanish: "En español",
    /** 988 in Spanish, written in Spanish whatever the page's language (the component marks it lang="es"). */
    spanish: "¿Habla español? Llame al {tel} y oprima el {press}, o envíe {keyword} en un mensaje de texto al {sms}. También puede {chat}.",
    spanishChat: "chatear en español",
    veterans: "Veterans, service members and their families: call {tel} and press {press}, or text {sms}.",
    deaf: "Deaf or hard of hearing and use ASL? Call {number} from a videophone to sign with a counselor. {more}",
    deafMore: "More ways in ASL",
    notForEmergencies: "Our contact form is not monitored around the clock and is not for emergencies.",
  },
  footer: {
    identity: "About this center",
    hours: "Hours",
    licenses: "Licenses",
    accreditation: "Accreditation",
    placeholder: "This site shows placeholder details for a fictional center. Names, numbers and licenses are examples only.",
    admissions: "Admissions",
    main: "Main line",
    fax: "Fax",
    nav: "Site",
  },
  article: {
    onThisPage: "On this page",
    minRead: (n: number) => `${n} min read`,
    updated: "Updated",
    lastReviewed: "Last checked against its sources",
    reviewedBy: (name: string, credentials: string) => `Clinical review by ${name}, ${credentials}.`,
    notClinicallyReviewed: "A named clinical reviewer has not yet reviewed this article.",
    references: "References",
    related: "Related articles",
    disclaimer: "This article is general information, not medical advice. Talk with a doctor or a treatment professional about your own situation.",
    ctaHeading: "Talk with our admissions team",
    ctaBody: "Questions about whether IOP is right for you or someone you love? Call us, or send a short message and we will call you back.",
    ctaForm: "Send a message",
    breadcrumbHome: "Home",
    breadcrumbArticles: "Articles",
    breadcrumbLabel: "Breadcrumb",
    aboutLabel: "About this article",
    referenceLabel: (n: number) => `Reference ${n}`,
    /** After a source written in another language than the page: its language's name in the page's words. */
    sourceLanguage: (language: string) => `(in ${language})`,
    tableRegion: "Table (scrolls sideways on small screens)",
    /** The links from a reference back to where the article cites it. */
    backToText: "Back to text",
    backToCitation: (n: number) => `Back to text, where reference ${n} is cited`,
    backToCitationOf: (n: number, k: number, of: number) => `Back to citation ${k} of ${of} of reference ${n}`,
  },
  articles: {
    title: "Learn about intensive outpatient treatment",
    intro: "Plain-language guides to what IOP is, how it works, what it costs and how to choose a program. Each one lists its sources.",
  },
  categories: {
    basics: { label: "IOP basics", blurb: "What intensive outpatient treatment is, how long it lasts and what a week looks like." },
    safety: { label: "Staying safe", blurb: "How to prevent an overdose, and how to get through withdrawal safely." },
    treatment: { label: "Treatment and therapies", blurb: "The therapies and steps that make up a program." },
    evidence: { label: "Research and outcomes", blurb: "What studies show, and how to read a program's claims." },
    planning: { label: "Planning and paying for care", blurb: "Levels of care, admissions, cost and choosing a program." },
    families: { label: "For families", blurb: "How to help someone you love, and yourself." },
    professionals: { label: "For professionals", blurb: "Referring a patient and sharing records safely." },
  },
  notFound: {
    title: "We couldn't find that page",
    body: "The link may be old or mistyped. These pages may help:",
  },
  /** The trust pages: prose in content/<locale>/pages/<slug>.mdx, titles and descriptions here. */
  trustPages: {
    about: {
      title: "About us and how we write",
      description: "Who runs this center, its licenses and accreditation, and how our articles are sourced, reviewed and corrected.",
    },
    privacy: {
      title: "Privacy notice",
      description: "What this website collects (no trackers, no cookies), what the contact form stores, who sees it and how long we keep it.",
    },
    nondiscrimination: {
      title: "Nondiscrimination and language assistance",
      description: "Free interpreters and help for people with disabilities, our nondiscrimination notice, and the accessibility of this site.",
    },
    updated: "Updated",
  },
  /** Sentences made from the center config (content/center.ts). */
  center: {
    am: "a.m.",
    pm: "p.m.",
    /** "Monday to Thursday: 8:00 a.m. to 6:00 p.m." */
    hours: (days: string, open: string, close: string) => `${days}: ${open} to ${close}`,
    /** "Monday to Thursday, 8 a.m. to 6 p.m.", for one short line. */
    hoursCompact: (days: string, open: string, close: string) => `${days}, ${open} to ${close}`,
    /** Hours and the center's time zone in words: "Monday to Friday: 8:00 a.m. to 5:00 p.m., Central Time". */
    inTimeZone: (hours: string, zone: string) => `${hours}, ${zone}`,
    /** Several hours in one short line, the zone once at its end: "…; Saturday, 9 a.m. to 1 p.m. (Central Time)". */
    inTimeZoneShort: (hours: string, zone: string) => `${hours} (${zone})`,
    /** Day names, in the config's own keys (schema.org dayOfWeek). */
    weekDays: { Monday: "Monday", Tuesday: "Tuesday", Wednesday: "Wednesday", Thursday: "Thursday", Friday: "Friday", Saturday: "Saturday", Sunday: "Sunday" },
    /** "Monday, Tuesday and Thursday, 6:00 p.m. to 9:00 p.m." */
    schedule: (days: string, start: string, end: string) => `${days}, ${start} to ${end}`,
    trackFormat: { "in-person": "in person", virtual: "online by video", hybrid: "in person or online by video" },
    /** A track's schedule, weekly hours and format, after its name. */
    track: (schedule: string, hoursPerWeek: number, format: string) => `${schedule} (${hoursAWeek(hoursPerWeek)}, ${format})`,
    /** What the center offers for opioid use disorder, from its medications config. */
    medicationsOnSite: (centerName: string, names: string) => `${centerName} prescribes ${names} here, alongside counseling.`,
    medicationsNoneOnSite: (centerName: string) => `${centerName} does not prescribe medications for substance use disorders on site.`,
    medicationPartner: (partner: string, names: string) => `For ${names}, we work with ${partner}, so you can start or continue it while in the program.`,
    medicationNames: {
      buprenorphine: "buprenorphine",
      methadone: "methadone",
      naltrexone: "naltrexone",
      acamprosate: "acamprosate",
      disulfiram: "disulfiram",
    },
    /** What happens when someone calls admissions outside its hours. */
    afterHours: {
      voicemail: (hours: number) => `Outside admissions hours, you can leave a voicemail. Admissions calls back within ${hours} business hours.`,
      "answering-service": (hours: number) =>
        `Outside admissions hours, an answering service takes your message. It cannot give medical advice. Admissions calls back within ${hours} business hours.`,
      "on-call-clinician": (hours: number) =>
        `Outside admissions hours, an on-call clinician answers. For anything else, admissions calls back within ${hours} business hours.`,
    },
    /** The same, in one short line (the phone call bar). */
    afterHoursShort: {
      voicemail: (hours: number) => `Other times: leave a voicemail; we call back within ${hours} business hours.`,
      "answering-service": (hours: number) => `Other times: an answering service takes a message; we call back within ${hours} business hours.`,
      "on-call-clinician": () => `Other times: an on-call clinician answers.`,
    },
    afterHoursHelpNow: (lifeline: string, emergency: string) =>
      `If you need help right now, call or text ${lifeline}, any time. In an emergency, call ${emergency}.`,
    virtualTracks: (tracks: string, regions: string) =>
      `Virtual sessions by secure video: ${tracks}. You need to be in ${regions} during each session, because clinicians may treat only where they are licensed.`,
    noVirtualTracks: (centerName: string) => `${centerName} runs its program in person only.`,
    drugTesting: {
      none: (centerName: string) => `${centerName} does not use drug tests as part of its program.`,
      tests: (centerName: string, samples: string, timing: string) => `${centerName} uses ${samples} tests, ${timing}.`,
      samples: { urine: "urine", "oral-fluid": "saliva (oral fluid)", breath: "breath" },
      timing: { scheduled: "on a set schedule", random: "on random days", "when-clinically-needed": "only when your care team has a clinical reason" },
      positiveKeepsCare:
        "A positive result is not a reason to leave the program here. Your team talks it over with you and may change your plan to give more support.",
      positiveMayEndCare: "Ask admissions what happens after a positive result, since it can affect your place in the program.",
    },
    /** When an inquiry is answered, from responseTimeBusinessHours and the admissions hours. */
    responseBy: { nextBusinessDay: "by the end of the next business day", withinBusinessDays: (n: number) => `within ${n} business days` },
    /**
     * Whether admissions can talk with a person in the page's language, from config (center.languages): `language` is
     * that language's name ("English"). One of the first three, then `otherLanguages` when interpreting is free.
     */
    languageHelp: {
      staffSpeak: (language: string) => `Our admissions staff speak ${language}.`,
      interpreter: (language: string) => `Our admissions staff do not speak ${language}: we talk with you through an interpreter, at no cost to you.`,
      noInterpreter: (language: string) => `Our admissions staff do not speak ${language}, and we cannot offer an interpreter right now.`,
      otherLanguages: "For other languages, we arrange an interpreter at no cost to you.",
      /** The about page: every language staff speak (`languages`, a list in words), then otherLanguages or this. */
      staffLanguages: (languages: string) => `Our staff speak ${languages}.`,
      noOtherLanguages: "We cannot offer an interpreter for other languages right now.",
    },
    /**
     * Ways to reach admissions without a voice call (config: accessibleContact), one sentence per channel; `none`
     * when the config has none. Relay: any US phone dials 711 to reach a relay service, which places the call.
     */
    accessibleContact: {
      relay: (phone: string) => `If you use relay, dial 711 and ask for admissions at ${phone}.`,
      tty: (number: string) => `If you use a TTY, call our TTY line at ${number}.`,
      text: (number: string) => `To reach admissions by text, send a text message to ${number}.`,
      none: (email: string) => `We do not have a TTY or text line yet. To reach admissions without a phone call, use our contact form or email ${email}.`,
    },
    /** Who the program serves (config: serves): the ages, then the groups it has tracks or trained staff for. */
    serves: {
      agesFrom: (min: number) => `We treat people ${min} and older.`,
      agesBetween: (min: number, max: number) => `We treat people ${min} to ${max} years old.`,
      populations: (groups: string) => `We have groups or trained staff for ${groups}.`,
    },
    /** A clinical leader as the about page lists them; or, while the config names none, that none is named yet. */
    leader: (name: string, credentials: string, role: string) => `${name}, ${credentials} (${role})`,
    leadershipNotNamed: "Not yet named",
    /** Between items of a list in one line (hours, licenses). */
    listSeparator: "; ",
    /** The schema.org ContactPoint type of the admissions line. */
    admissionsContactType: "admissions",
  },
  /**
   * The boxes of this center's answers at the top of the cost, referral and family articles, and the cost line of
   * the FAQ and home page (components/mdx/CostFacts.tsx, ReferralFacts.tsx, FamilyFacts.tsx). Facts come from the
   * config through lib/center/format.ts; crisis numbers from lib/site/crisis.ts.
   */
  answers: {
    cost: {
      heading: "What it costs here",
      privatePlans: "Private insurance",
      medicaid: "Medicaid",
      otherCoverage: "Medicare, TRICARE and VA",
      selfPay: "Paying yourself",
      checkCoverage: "Check your coverage",
      medicare: "Medicare",
      tricare: "TRICARE",
      vaCommunityCare: "VA community care",
      plansIn: (plans: string) => `We are in network with ${plans}.`,
      plansNone: "We are not in network with any private insurance plan. Ask admissions if your plan pays for care out of network.",
      weTake: (names: string) => `We take ${names}.`,
      weDoNotTake: (names: string) => `We do not take ${names}.`,
      takeNone: "We do not take insurance or public coverage right now.",
      /** The unit a self-pay price is for (config: payment.selfPay.per). */
      per: { week: "a week", program: "for the whole program", session: "a session" },
      selfPayPrice: (price: string, per: string) => `The self-pay price is ${price} ${per}.`,
      selfPayCovers: (covers: string) => `It covers: ${covers}.`,
      selfPayAsk: "Ask admissions for the current self-pay price.",
      slidingScale: "A sliding scale can lower the price if your income is low.",
      noSlidingScale: "We do not offer a sliding scale.",
      freeCheck: "Before your first visit, admissions checks your benefits for free.",
      noFreeCheck: "Before your first visit, call the member services number on your insurance card to check your benefits.",
      callAt: "Call admissions at",
      /** The contact form as the "check my coverage" path; `field` is the form's own label for the carrier field. */
      form: (field: string) => ({
        before: "Or use our",
        link: "contact form",
        after: `: write your insurance carrier's name under “${field}”, and we will get back to you.`,
      }),
      neverMemberId: "Give the company's name only. Never send a member ID, a group number or a photo of your card through the website.",
    },
    referrals: {
      heading: "Making a referral: how to reach us",
      line: "Referral line",
      fax: "Secure fax",
      hours: "Referral hours",
      assessment: "From referral to assessment",
      businessDays: (n: number) =>
        n === 0
          ? "Usually the same business day, once we have a complete referral."
          : `Usually ${n} business ${n === 1 ? "day" : "days"}, once we have a complete referral.`,
      whatToSend: "What to send",
      records: "How records travel safely",
    },
    families: {
      heading: "What we offer families",
      openToAll: "Open to you even if your loved one is not a patient here.",
      patientsOnly: "For families of people in our program.",
      none: "Ask admissions what support we offer families.",
      ask: "To join or to ask about it, call admissions at",
    },
    opioids: {
      /** The emergency number's call link inside the box's steps. */
      call: (number: string) => `Call ${number}`,
    },
  },
  /** The facts box and lists on the trust pages. */
  trustFacts: {
    name: "Name",
    address: "Address",
    admissionsPhone: "Admissions phone",
    email: "Email",
    hours: "Hours",
    serviceArea: "Service area",
    licenses: "Licenses",
    accreditation: "Accreditation",
    noneListed: "None listed",
    levelOfCare: "Level of care",
    levelOfCareValue: (tracks: string) => `Intensive outpatient (ASAM Level 2.1) for adults: ${tracks}`,
    levelOfCareTrack: (name: string, hoursPerWeek: number) => `${name}, ${hoursAWeek(hoursPerWeek)}`,
    serves: "Who we serve",
    clinicalLeadership: "Clinical leadership",
    languages: "Languages",
    accessibleContact: "Deaf or hard of hearing",
    /** What the contact form asks, in the form's own words. */
    inquiryFields: [
      `Who the inquiry is about (${Object.values(inquiryText.roles).join("; ")})`,
      l.name,
      `${l.phone} and/or ${l.email.toLowerCase()}`,
      `${l.contactMethod.replace("?", "")} and ${l.bestTime.toLowerCase()}`,
      "Whether we may leave a voicemail or send a text",
      l.language,
      `${l.insurance} (optional, the company's name only)`,
      `${l.organization} (for professionals making a referral)`,
      `A short message (optional; we ask you not to include medical details)`,
      "Your agreement that we may contact you",
    ],
    placeholder: "Placeholder: the center must supply this text",
    /** Who reviews the pages in a language (`language`, in words), from config: reviewers with that language. */
    editionReviewers: {
      some: (language: string, names: string) => `The ${language} pages are reviewed by ${names}.`,
      none: (language: string) => `No named reviewer who reads ${language} has reviewed the ${language} pages yet. When one has, we will say so here.`,
    },
  },
  home,
  inquiry: inquiryText,
  selfCheck: selfCheckText,
  /** The plain-text answers of POST /api/inquiries to a browser (lib/inquiries/handle.ts). */
  inquiryResponses: {
    forbidden: "This form can only be sent from our website.",
    unsupportedType: "Unsupported content type.",
    tooLarge: "That message is too long to send.",
    malformed: "The form could not be read. Please try again.",
  },
  diagrams,
} as const;

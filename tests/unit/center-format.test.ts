import { describe, expect, it } from "vitest";
import { center } from "@/content/center";
import type { Center } from "@/lib/center/schema";
import {
  accessibleContact,
  accessibleContactSentences,
  admissionsHours,
  admissionsHoursLine,
  asSentence,
  assessmentTimeSentence,
  clinicalLeadershipText,
  benefitsCheckSentence,
  costSummarySentences,
  languageOptionLabels,
  coverageAccepted,
  coverageSentence,
  paymentRows,
  referralHours,
  responseTimePhrase,
  selfPaySentences,
  servesSentences,
  staffLanguagesSentences,
} from "@/lib/center/format";
import { formatTimeZone, formatUsd } from "@/lib/i18n/format";

const withResponse = (hours: number, open = "08:00", close = "20:00"): Center => ({
  ...structuredClone(center),
  responseTimeBusinessHours: hours,
  hours: [{ days: { en: "Monday to Friday", es: "lunes a viernes" }, open, close, dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] }],
});

describe("responseTimePhrase", () => {
  it.each([
    [4, "by the end of the next business day"],
    [12, "by the end of the next business day"],
    [13, "within 2 business days"],
    [24, "within 2 business days"],
    [25, "within 3 business days"],
  ])("%i business hours on a 12-hour admissions day → %s", (hours, phrase) => {
    expect(responseTimePhrase(withResponse(hours), "en")).toBe(phrase);
  });

  it("counts days by the shortest weekday admissions is open, so it never promises sooner than the config", () => {
    const c = withResponse(24);
    c.hours = [
      { days: { en: "Monday to Thursday", es: "lunes a jueves" }, open: "08:00", close: "20:00", dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday"] },
      { days: { en: "Friday", es: "viernes" }, open: "09:00", close: "17:00", dayOfWeek: ["Friday"] },
      { days: { en: "Saturday", es: "sábado" }, open: "09:00", close: "11:00", dayOfWeek: ["Saturday"] },
    ];
    expect(responseTimePhrase(c, "en")).toBe("within 3 business days");
  });
});

type Payment = Center["payment"];
const withPayment = (change: Partial<Payment>): Center => {
  const c = structuredClone(center);
  c.payment = { ...c.payment, ...change };
  return c;
};
const basePayment: Payment = {
  plansAccepted: ["Alpha Health", "Beta Network"],
  medicaid: { accepted: true, programs: ["State Care"] },
  medicare: true,
  tricare: false,
  vaCommunityCare: false,
  selfPay: { priceUsd: null, per: "week", covers: { en: "Groups and individual sessions.", es: "Grupos y sesiones individuales." } },
  slidingScale: true,
  freeBenefitsCheck: true,
};

describe("what the center takes", () => {
  it("names private plans, Medicaid programs and the federal programs it takes, in that order", () => {
    const c = withPayment({ ...basePayment, tricare: true });
    expect(coverageAccepted(c, "en")).toEqual(["Alpha Health", "Beta Network", "State Care", "Medicare", "TRICARE"]);
    expect(coverageSentence(c, "en")).toBe("We take Alpha Health, Beta Network, State Care, Medicare, and TRICARE.");
  });

  it("leaves out Medicaid programs when Medicaid is not taken, and says so when nothing is", () => {
    const none = withPayment({ ...basePayment, plansAccepted: [], medicaid: { accepted: false, programs: [] }, medicare: false });
    expect(coverageAccepted(none, "en")).toEqual([]);
    expect(coverageSentence(none, "en")).toBe("We do not take insurance or public coverage right now.");
  });

  it("the box's rows: plans, Medicaid, federal programs taken and not taken, self-pay and the sliding scale", () => {
    const rows = paymentRows(withPayment(basePayment), "en");
    expect(rows.map((r) => r.label)).toEqual(["Private insurance", "Medicaid", "Medicare, TRICARE and VA", "Paying yourself"]);
    expect(rows[0].sentences).toEqual(["We are in network with Alpha Health and Beta Network."]);
    expect(rows[1].sentences).toEqual(["We take State Care."]);
    expect(rows[2].sentences).toEqual(["We take Medicare.", "We do not take TRICARE or VA community care."]);
    expect(rows[3].sentences).toEqual(["Ask admissions for the current self-pay price.", "A sliding scale can lower the price if your income is low."]);
  });

  it("says plainly when no private plan or Medicaid is taken, and when every federal program is", () => {
    const rows = paymentRows(
      withPayment({
        ...basePayment,
        plansAccepted: [],
        medicaid: { accepted: false, programs: [] },
        tricare: true,
        vaCommunityCare: true,
        slidingScale: false,
      }),
      "en",
    );
    expect(rows[0].sentences[0]).toMatch(/^We are not in network with any private insurance plan\./);
    expect(rows[1].sentences).toEqual(["We do not take Medicaid."]);
    expect(rows[2].sentences).toEqual(["We take Medicare, TRICARE, and VA community care."]);
    expect(rows[3].sentences).toContain("We do not offer a sliding scale.");
  });
});

describe("the self-pay price", () => {
  it("asks people to call while the center has set no price", () => {
    expect(selfPaySentences(withPayment(basePayment), "en")).toEqual(["Ask admissions for the current self-pay price."]);
  });

  it.each([
    ["week", 1250, "The self-pay price is $1,250 a week."],
    ["program", 4800, "The self-pay price is $4,800 for the whole program."],
    ["session", 95, "The self-pay price is $95 a session."],
  ] as const)("formats a price per %s with the locale's currency format", (per, priceUsd, sentence) => {
    const c = withPayment({ ...basePayment, selfPay: { ...basePayment.selfPay, priceUsd, per } });
    // The center's own full stop is not doubled.
    expect(selfPaySentences(c, "en")).toEqual([sentence, "It covers: Groups and individual sessions."]);
    expect(selfPaySentences(c, "en", { covers: false })).toEqual([sentence]);
  });

  it("the FAQ's summary: coverage, price, then the sliding scale and free check only when offered", () => {
    const c = withPayment({ ...basePayment, selfPay: { ...basePayment.selfPay, priceUsd: 300 } });
    expect(costSummarySentences(c, "en")).toEqual([
      "We take Alpha Health, Beta Network, State Care, and Medicare.",
      "The self-pay price is $300 a week.",
      "A sliding scale can lower the price if your income is low.",
      "Before your first visit, admissions checks your benefits for free.",
    ]);
    const plain = withPayment({ ...basePayment, slidingScale: false, freeBenefitsCheck: false });
    expect(costSummarySentences(plain, "en")).toEqual([
      "We take Alpha Health, Beta Network, State Care, and Medicare.",
      "Ask admissions for the current self-pay price.",
    ]);
    expect(benefitsCheckSentence(plain, "en")).toMatch(/member services number/);
  });
});

describe("referral facts", () => {
  it("gives referral hours with the center's time zone in words", () => {
    const c = structuredClone(center);
    c.referrals.hours = [
      {
        days: { en: "Monday to Friday", es: "lunes a viernes" },
        open: "08:00",
        close: "17:00",
        dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
      },
    ];
    c.timeZone = "America/Chicago";
    expect(referralHours(c, "en")).toEqual(["Monday to Friday: 8:00 a.m. to 5:00 p.m., Central Time"]);
    c.timeZone = "America/New_York";
    expect(referralHours(c, "en")[0]).toMatch(/, Eastern Time$/);
  });

  it.each([
    [0, "Usually the same business day, once we have a complete referral."],
    [1, "Usually 1 business day, once we have a complete referral."],
    [3, "Usually 3 business days, once we have a complete referral."],
  ])("%i business days to assessment", (n, sentence) => {
    const c = structuredClone(center);
    c.referrals.businessDaysToAssessment = n;
    expect(assessmentTimeSentence(c, "en")).toBe(sentence);
  });
});

describe("locale formats", () => {
  it("formats whole dollars and time zones for the locale", () => {
    expect(formatUsd(0, "en")).toBe("$0");
    expect(formatUsd(12500, "en")).toBe("$12,500");
    expect(formatTimeZone("America/Denver", "en")).toBe("Mountain Time");
    expect(formatTimeZone("America/Los_Angeles", "en")).toBe("Pacific Time");
  });
});

describe("asSentence", () => {
  it.each([
    ["Send records by secure fax", "Send records by secure fax."],
    ["Send records by secure fax.", "Send records by secure fax."],
    ["  Ask us?  ", "Ask us?"],
  ])("%j → %j", (text, sentence) => expect(asSentence(text)).toBe(sentence));
});

describe("ways to reach admissions without a voice call", () => {
  const TTY = { display: "(555) 010-0170", tel: "+15550100170" };
  const TEXT = { display: "(555) 010-0171", tel: "+15550100171" };
  const withContact = (accessibleContact: Center["accessibleContact"]): Center => ({ ...structuredClone(center), accessibleContact });
  const admissions = center.phones.admissions;

  it.each([
    [
      "none: the form and email",
      { relay: false },
      ["We do not have a TTY or text line yet. To reach admissions without a phone call, use our contact form or email " + center.email + "."],
      [
        "Todavía no tenemos una línea TTY ni de mensajes de texto. Para comunicarse con admisiones sin llamar, use nuestro formulario de contacto o escriba a " +
          center.email +
          ".",
      ],
    ],
    [
      "relay: 711, then the admissions number",
      { relay: true },
      [`If you use relay, dial 711 and ask for admissions at ${admissions.display}.`],
      [`Si usa un servicio de retransmisión (relay), marque 711 y pida que le comuniquen con admisiones al ${admissions.display}.`],
    ],
    [
      "a TTY number",
      { relay: false, tty: TTY },
      [`If you use a TTY, call our TTY line at ${TTY.display}.`],
      [`Si usa un TTY, llame a nuestra línea TTY al ${TTY.display}.`],
    ],
    [
      "a text line",
      { relay: false, text: TEXT },
      [`To reach admissions by text, send a text message to ${TEXT.display}.`],
      [`Para comunicarse con admisiones por texto, envíe un mensaje de texto al ${TEXT.display}.`],
    ],
    [
      "all three, in the order relay, TTY, text",
      { relay: true, tty: TTY, text: TEXT },
      [
        `If you use relay, dial 711 and ask for admissions at ${admissions.display}.`,
        `If you use a TTY, call our TTY line at ${TTY.display}.`,
        `To reach admissions by text, send a text message to ${TEXT.display}.`,
      ],
      null,
    ],
  ] as const)("%s", (_what, contact, english, spanish) => {
    const c = withContact(contact);
    expect(accessibleContactSentences(c, "en")).toEqual(english);
    if (spanish) expect(accessibleContactSentences(c, "es")).toEqual(spanish);
  });

  it("links each number or address it names: tel: for relay and TTY, sms: for the text line, mailto: with none", () => {
    expect(accessibleContact(withContact({ relay: true, tty: TTY, text: TEXT }), "en").map((s) => s.link)).toEqual([
      { display: admissions.display, href: `tel:${admissions.tel}` },
      { display: TTY.display, href: `tel:${TTY.tel}` },
      { display: TEXT.display, href: `sms:${TEXT.tel}` },
    ]);
    expect(accessibleContact(withContact({ relay: false }), "es")[0].link).toEqual({ display: center.email, href: `mailto:${center.email}` });
    // Each sentence holds the text its link shows, so a page can make that part tappable.
    for (const s of accessibleContact(withContact({ relay: true, tty: TTY, text: TEXT }), "es")) expect(s.text).toContain(s.link!.display);
  });
});

describe("admissions hours", () => {
  const c = structuredClone(center);
  c.hours = [
    {
      days: { en: "Monday to Friday", es: "lunes a viernes" },
      open: "08:00",
      close: "20:00",
      dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    },
    { days: { en: "Saturday", es: "sábado" }, open: "09:00", close: "13:00", dayOfWeek: ["Saturday"] },
  ];

  it("name the center's time zone on each line", () => {
    c.timeZone = "America/Chicago";
    expect(admissionsHours(c, "en")).toEqual(["Monday to Friday: 8:00 a.m. to 8:00 p.m., Central Time", "Saturday: 9:00 a.m. to 1:00 p.m., Central Time"]);
    expect(admissionsHours(c, "es")).toEqual([
      "lunes a viernes: de 8:00 a.\u00a0m. a 8:00 p.\u00a0m., hora central",
      "sábado: de 9:00 a.\u00a0m. a 1:00 p.\u00a0m., hora central",
    ]);
    c.timeZone = "America/Denver";
    expect(admissionsHours(c, "en")[1]).toMatch(/, Mountain Time$/);
  });

  it("in one short line for the call bar, the zone once at its end", () => {
    c.timeZone = "America/New_York";
    expect(admissionsHoursLine(c, "en")).toBe("Monday to Friday, 8 a.m. to 8 p.m.; Saturday, 9 a.m. to 1 p.m. (Eastern Time)");
    // The zone's Spanish name comes from the runtime's ICU data ("hora oriental" in Node 20).
    expect(admissionsHoursLine(c, "es")).toBe(
      `lunes a viernes, de 8 a.\u00a0m. a 8 p.\u00a0m.; sábado, de 9 a.\u00a0m. a 1 p.\u00a0m. (${formatTimeZone("America/New_York", "es")})`,
    );
  });
});

describe("who the program serves, its leaders and its languages", () => {
  it("says the ages, open-ended or bounded, then the groups only when the config names any", () => {
    const c = structuredClone(center);
    c.serves = { minAge: 18, maxAge: null, populations: [] };
    expect(servesSentences(c, "en")).toEqual(["We treat people 18 and older."]);
    expect(servesSentences(c, "es")).toEqual(["Atendemos a personas de 18 años o más."]);
    c.serves = {
      minAge: 16,
      maxAge: 25,
      populations: [
        { en: "young adults.", es: "adultos jóvenes." },
        { en: "veterans", es: "veteranos" },
      ],
    };
    expect(servesSentences(c, "en")).toEqual(["We treat people 16 to 25 years old.", "We have groups or trained staff for young adults and veterans."]);
    expect(servesSentences(c, "es")).toEqual([
      "Atendemos a personas de 16 a 25 años.",
      "Tenemos grupos o personal capacitado para adultos jóvenes y veteranos.",
    ]);
  });

  it("names clinical leaders from config, or says plainly that none is named yet", () => {
    const c = structuredClone(center);
    c.clinicalLeadership = [];
    expect(clinicalLeadershipText(c, "en")).toBe("Not yet named");
    expect(clinicalLeadershipText(c, "es")).toBe("Todavía no se ha nombrado a nadie");
    c.clinicalLeadership = [
      { name: "Ana Example", credentials: "MD", role: { en: "Medical director.", es: "Directora médica." } },
      { name: "Ben Sample", credentials: "LCSW", role: { en: "Clinical director", es: "Director clínico" } },
    ];
    expect(clinicalLeadershipText(c, "en")).toBe("Ana Example, MD (Medical director); Ben Sample, LCSW (Clinical director)");
  });

  it("lists every language staff speak, then whether interpreting in others is free", () => {
    const c = structuredClone(center);
    c.languages = { staffSpeak: ["en", "vi"], freeInterpreting: true };
    expect(staffLanguagesSentences(c, "en")).toEqual([
      "Our staff speak English and Vietnamese.",
      "For other languages, we arrange an interpreter at no cost to you.",
    ]);
    c.languages = { staffSpeak: ["en"], freeInterpreting: false };
    expect(staffLanguagesSentences(c, "es")).toEqual(["Nuestro personal habla inglés.", "Por ahora no podemos ofrecerle un intérprete para otros idiomas."]);
  });
});

describe("the form's language choices", () => {
  const interpreting = (freeInterpreting: boolean): Center => ({ ...structuredClone(center), languages: { ...center.languages, freeInterpreting } });
  it("promise an interpreter for another language only when the config says the center arranges one at no cost", () => {
    expect(languageOptionLabels(interpreting(true), "en").other).toBe("Another language (we'll arrange an interpreter)");
    expect(languageOptionLabels(interpreting(false), "en").other).toBe("Another language");
    expect(languageOptionLabels(interpreting(true), "es").other).toBe("Otro idioma (le conseguimos un intérprete)");
    expect(languageOptionLabels(interpreting(false), "es").other).toBe("Otro idioma");
    expect(languageOptionLabels(interpreting(false), "es").es).toBe("Español");
  });
});

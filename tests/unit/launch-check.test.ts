import { describe, expect, it } from "vitest";
import { center } from "@/content/center";
import type { Center } from "@/lib/center/schema";
import { articleFindings, configFindings, placeholderBoxFindings } from "@/lib/launch/placeholders";

/** The shipped config with every stand-in replaced by a plausible real value. */
function filledIn(): Center {
  const c = structuredClone(center);
  const phone = (line: string) => ({ display: `(217) 410-${line}`, tel: `+1217410${line}` });
  Object.assign(c, {
    isPlaceholder: false,
    legalName: "Prairie Recovery Services, LLC",
    siteUrl: "https://prairierecovery.org",
    email: "intake@prairierecovery.org",
    serviceArea: { en: "Sangamon County", es: "Condado de Sangamon" },
    licenses: [{ en: "Illinois DHS SUPR license No. 1234", es: "Licencia de Illinois DHS SUPR n.º 1234" }],
    accreditation: [{ en: "CARF, outpatient treatment", es: "CARF, tratamiento ambulatorio" }],
    clinicalLeadership: [{ name: "Dana Reyes", credentials: "MD", role: { en: "Medical director", es: "Directora médica" } }],
    reviewers: [{ id: "dana-reyes", name: "Dana Reyes", credentials: "MD", languages: ["en", "es"] }],
    families: [],
  });
  c.address = { ...c.address, region: "IL", postalCode: "62701" };
  c.phones = { admissions: phone("0100"), main: phone("0101") };
  c.payment = { ...c.payment, plansAccepted: ["Blue Cross Blue Shield of Illinois"], medicaid: { accepted: true, programs: ["HealthChoice Illinois"] } };
  c.payment.selfPay = { priceUsd: 900, per: "week", covers: { en: "All sessions that week", es: "Todas las sesiones de esa semana" } };
  c.selfCheck = { usauditLicenseConfirmed: true };
  c.referrals = {
    ...c.referrals,
    phone: phone("0103"),
    secureFax: phone("0102"),
    whatToSend: [{ en: "A signed consent", es: "Un consentimiento firmado" }],
    howRecordsTravel: { en: "By secure fax after consent", es: "Por fax seguro después del consentimiento" },
  };
  c.medications = { ...c.medications, partners: [{ name: "Springfield Opioid Treatment Program", offers: ["methadone"] }] };
  return c;
}

describe("configFindings", () => {
  it("finds nothing in a config whose every value is real", () => {
    expect(configFindings(filledIn())).toEqual([]);
  });

  it("names each stand-in of the shipped config by its path", () => {
    const where = configFindings(center).map((f) => f.where.replace("content/center.ts: ", ""));
    expect(where).toEqual(
      expect.arrayContaining([
        "isPlaceholder",
        "phones.admissions",
        "phones.main",
        "email",
        "siteUrl",
        "address.region",
        "address.postalCode",
        "legalName",
        "payment.plansAccepted.0",
        "referrals.secureFax",
        "medications.partners.0.name",
        "clinicalLeadership",
        "reviewers",
        "payment.selfPay.priceUsd",
        "selfCheck.usauditLicenseConfirmed",
      ]),
    );
  });

  it.each([
    ["a 555 area code", "+15550100100", true],
    ["a 555-01xx line", "+12175550142", true],
    ["a real-looking 555 exchange outside 01xx", "+12175551234", false],
    ["an ordinary number", "+12174100100", false],
  ])("treats %s as fictional: %s → %s", (_, tel, fictional) => {
    const c = filledIn();
    c.phones.admissions = { display: "(217) 410-0100", tel };
    expect(configFindings(c).some((f) => f.where.endsWith("phones.admissions"))).toBe(fictional);
  });

  it("flags a value marked (placeholder) wherever it sits, and reserved example domains", () => {
    const c = filledIn();
    c.families = [
      { name: { en: "Family night (placeholder)", es: "Noche familiar" }, description: { en: "Weekly", es: "Semanal" }, openToNonPatientFamilies: true },
    ];
    c.email = "intake@clinic.example";
    expect(configFindings(c).map((f) => f.where)).toEqual(["content/center.ts: email", "content/center.ts: families.0.name.en"]);
  });
});

describe("reviewers by language", () => {
  it("lists a Spanish reviewer while none is named, beside the missing clinical reviewer", () => {
    const findings = configFindings(center).filter((f) => f.where === "content/center.ts: reviewers");
    expect(findings.map((f) => f.what)).toEqual([
      "names no clinical reviewer for the articles",
      'names no English reviewer: the English pages need a named reviewer who reads English (a reviewer with "en" in languages)',
      'names no Spanish reviewer: the Spanish pages need a named reviewer who reads Spanish (a reviewer with "es" in languages)',
    ]);
  });

  it("lists only the Spanish reviewer when the one named reviewer reads English only", () => {
    const c = filledIn();
    c.reviewers = [{ id: "dana-reyes", name: "Dana Reyes", credentials: "MD", languages: ["en"] }];
    expect(configFindings(c).map((f) => f.what)).toEqual([
      'names no Spanish reviewer: the Spanish pages need a named reviewer who reads Spanish (a reviewer with "es" in languages)',
    ]);
  });

  it("is satisfied by two reviewers, one per language", () => {
    const c = filledIn();
    c.reviewers = [
      { id: "dana-reyes", name: "Dana Reyes", credentials: "MD", languages: ["en"] },
      { id: "luz-ortiz", name: "Luz Ortiz", credentials: "LCSW", languages: ["es"] },
    ];
    expect(configFindings(c)).toEqual([]);
  });
});

describe("articleFindings", () => {
  const today = new Date("2026-11-30T12:00:00Z");
  const reviewer = { name: "Dana Reyes", credentials: "MD" };

  it("lists an article without a named reviewer", () => {
    expect(articleFindings([{ file: "a.mdx", lastReviewed: "2026-11-01" }], today)).toEqual([{ where: "a.mdx", what: "has no named clinical reviewer" }]);
  });

  it("lists an article last checked more than 12 months ago, and not one checked exactly 12 months ago", () => {
    const found = articleFindings(
      [
        { file: "old.mdx", reviewer, lastReviewed: "2025-11-29" },
        { file: "edge.mdx", reviewer, lastReviewed: "2025-11-30" },
      ],
      today,
    );
    expect(found.map((f) => f.where)).toEqual(["old.mdx"]);
    expect(found[0].what).toMatch(/2025-11-29, more than 12 months ago/);
  });
});

describe("placeholderBoxFindings", () => {
  it("lists a page for each <Placeholder> box it still holds, and not one without any", () => {
    const pages = [
      {
        file: "content/en/pages/privacy.mdx",
        source: "## Notice\n\n<Placeholder>\n\nYour notice here.\n\n</Placeholder>\n\nText.\n\n<Placeholder>\n\nMore.\n\n</Placeholder>\n",
      },
      { file: "content/en/pages/about.mdx", source: "## About\n\nNo boxes, though the word Placeholder appears in `<Placeholder>` code.\n" },
    ];
    expect(placeholderBoxFindings(pages)).toEqual([
      { where: "content/en/pages/privacy.mdx", what: "has 2 placeholder boxes to replace with the center's own text" },
    ]);
  });
});

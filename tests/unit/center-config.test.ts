import { describe, expect, it } from "vitest";
import { center } from "@/content/center";
import { parseCenter, type Center } from "@/lib/center/schema";

/** The config as something a test may break, including by adding a key the schema does not know. */
type Editable = Center & Record<string, unknown>;

/** A deep copy of the real config with one change applied. */
function variant(change: (c: Editable) => void): unknown {
  const copy: Editable = structuredClone(center);
  change(copy);
  return copy;
}

/** The single message parseCenter throws (fails the test if it accepts the input). */
function errorFor(input: unknown): string {
  let thrown: unknown;
  try {
    parseCenter(input);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, "parseCenter should have thrown").toBeInstanceOf(Error);
  return (thrown as Error).message;
}

describe("the shipped center config (content/center.ts)", () => {
  it("is valid: parsing it again returns the same values", () => {
    expect(parseCenter(structuredClone(center))).toEqual(center);
  });

  it("is marked as a placeholder", () => {
    expect(center.isPlaceholder).toBe(true);
  });

  it("uses only fictional 555-01xx phone numbers, with display and tel dialling the same digits", () => {
    const phones = Object.values(center.phones).filter((p): p is Center["phones"]["main"] => p !== undefined);
    expect(phones.length).toBeGreaterThanOrEqual(2);
    for (const p of phones) {
      expect(p.tel).toMatch(/^\+155501\d{5}$/);
      expect(`+1${p.display.replace(/\D/g, "")}`).toBe(p.tel);
    }
  });

  it("accepts either kind of answerer during admissions hours", () => {
    const withService = parseCenter(variant((c) => (c.admissionsAnsweredBy = "answering-service")));
    expect(withService.admissionsAnsweredBy).toBe("answering-service");
  });

  it("uses example.org for the email address and the site", () => {
    expect(center.email).toMatch(/@example\.org$/);
    expect(new URL(center.siteUrl).hostname).toMatch(/(^|\.)example\.org$/);
  });
});

describe("parseCenter rejects each invalid field with one message naming content/center.ts and the field", () => {
  const cases: { what: string; change: (c: Editable) => void; line: RegExp }[] = [
    {
      what: "a display phone without 10 digits",
      change: (c) => (c.phones.admissions.display = "555-0100"),
      line: /^  - phones\.admissions\.display: must be a 10-digit North American phone number$/m,
    },
    {
      what: "a tel that is not E.164",
      change: (c) => (c.phones.main.tel = "555-010-0101"),
      line: /^  - phones\.main\.tel: must be E\.164 like \+15550100100$/m,
    },
    {
      what: "a ZIP code that is not 5 or 5+4 digits",
      change: (c) => (c.address.postalCode = "1234"),
      line: /^  - address\.postalCode: must be a US ZIP code$/m,
    },
    { what: "a three-letter state", change: (c) => (c.address.region = "ZZZ"), line: /^  - address\.region: must be a two-letter state code$/m },
    { what: 'an opening time of "25:00"', change: (c) => (c.hours[0].open = "25:00"), line: /^  - hours\.0\.open: must be HH:MM \(24-hour\)$/m },
    { what: "a closing time without a leading zero", change: (c) => (c.hours[1].close = "1:00"), line: /^  - hours\.1\.close: must be HH:MM \(24-hour\)$/m },
    { what: "an unknown key", change: (c) => (c.tagline = "Best rehab in town"), line: /^  - \(root\): .*"tagline"/m },
    { what: "an empty licenses list", change: (c) => (c.licenses = []), line: /^  - licenses: /m },
    {
      what: "track days out of week order",
      change: (c) => (c.tracks[0].days = ["Friday", "Monday", "Wednesday"]),
      line: /^  - tracks\.0\.days: must list each day once, Monday first$/m,
    },
    {
      what: "a track day listed twice",
      change: (c) => (c.tracks[0].days = ["Monday", "Monday", "Friday"]),
      line: /^  - tracks\.0\.days: must list each day once/m,
    },
    { what: "a track that ends before it starts", change: (c) => (c.tracks[1].end = "17:00"), line: /^  - tracks\.1\.end: must be after start$/m },
    {
      what: "more weekly hours than the track's days and times hold",
      change: (c) => (c.tracks[0].hoursPerWeek = 12),
      line: /^  - tracks\.0\.hoursPerWeek: is more than the track's days and times allow$/m,
    },
    {
      what: "methadone on site at a program that is not an opioid treatment program",
      change: (c) => (c.medications.onSite = [...c.medications.onSite, "methadone"]),
      line: /^  - medications\.onSite: methadone for opioid use disorder is given only by an opioid treatment program/m,
    },
    {
      what: "an opioid use disorder medication neither on site nor from a named partner",
      change: (c) => (c.medications.partners = []),
      line: /^  - medications\.partners: each medication for opioid use disorder .* must be offered on site or by a named partner$/m,
    },
    {
      what: "drug testing without a sample type",
      change: (c) => (c.drugTesting.samples = []),
      line: /^  - drugTesting\.samples: must name at least one sample when tests is true$/m,
    },
    {
      what: "an unknown answerer for admissions hours",
      change: (c) => Object.assign(c, { admissionsAnsweredBy: "robot" }),
      line: /^  - admissionsAnsweredBy: /m,
    },
    {
      what: "no answerer for admissions hours",
      change: (c) => Reflect.deleteProperty(c, "admissionsAnsweredBy"),
      line: /^  - admissionsAnsweredBy: /m,
    },
    { what: "an unknown after-hours handling", change: (c) => Object.assign(c.afterHours, { handling: "robot" }), line: /^  - afterHours\.handling: /m },
    {
      what: "a virtual track without a state where sessions may be joined",
      change: (c) => (c.telehealth.regions = []),
      line: /^  - telehealth\.regions: must name at least one state when a track is virtual or hybrid$/m,
    },
  ];

  for (const { what, change, line } of cases) {
    it(what, () => {
      const msg = errorFor(variant(change));
      expect(msg.startsWith("Invalid center configuration in content/center.ts:\n")).toBe(true);
      expect(msg).toMatch(line);
      // Exactly one wrong field, so exactly one line for it.
      expect(msg.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(1);
    });
  }

  it("lists every wrong field at once", () => {
    const msg = errorFor(
      variant((c) => {
        c.address.region = "ZZZ";
        c.licenses = [];
      }),
    );
    expect(msg).toMatch(/address\.region/);
    expect(msg).toMatch(/licenses/);
  });

  it("names another source file when given one", () => {
    expect(() =>
      parseCenter(
        variant((c) => (c.email = "not-an-email")),
        "content/other.ts",
      ),
    ).toThrow(/^Invalid center configuration in content\/other\.ts:\n  - email: /);
  });
});

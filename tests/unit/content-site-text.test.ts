import { describe, expect, it } from "vitest";
import { center } from "@/content/center";
import { parseCenter } from "@/lib/center/schema";
import { siteProblems } from "@/lib/content/check";
import { siteTextProblems } from "@/lib/content/gates";
import { centerTexts, dictionaryTexts } from "@/lib/content/site-text";

describe("the claims gate reads the center config and the sentences built from it", () => {
  const withConfig = (change: (c: typeof center) => unknown) => centerTexts(parseCenter(change(structuredClone(center))), "en");

  it("reads every string value, named by its key path", () => {
    const texts = centerTexts(center, "en");
    expect(texts).toContainEqual({ file: "content/center.ts", where: "medications.partners.0.name", text: center.medications.partners[0].name });
    expect(texts).toContainEqual({ file: "content/center.ts", where: "address.street", text: center.address.street });
  });

  it("fails a banned claim in a config value, naming content/center.ts and the key", () => {
    const texts = withConfig((c) => ({
      ...c,
      medications: { ...c.medications, partners: [{ name: "The best treatment center in town", offers: ["methadone"] }] },
    }));
    const problems = siteTextProblems(texts);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: "content/center.ts", gate: "claims" });
    expect(problems[0].message).toMatch(/^medications\.partners\.0\.name: superlative: /);
  });

  it("fails a claim that appears only once the config is built into a sentence", () => {
    // A partner named "cure" is fine as a value ("Cure" could be a name), but the built sentence reads as a promise.
    const texts = withConfig((c) => ({ ...c, name: "Guaranteed Recovery" }));
    const built = siteTextProblems(texts).filter((p) => p.message.includes("built by lib/center/format.ts"));
    expect(built.map((p) => p.message.slice(0, p.message.indexOf(":")))).toContain("medicationSentences[0], built by lib/center/format.ts");
  });

  it("reads each sentence builder of lib/center/format.ts", () => {
    const builders = new Set(centerTexts(center, "en").map((t) => /^(\w+)/.exec(t.where)?.[1]));
    for (const f of [
      "formatHours",
      "trackSchedule",
      "trackSummary",
      "medicationSentences",
      "afterHoursSentences",
      "virtualSentence",
      "drugTestingSentences",
      "coverageSentence",
      "selfPaySentences",
      "slidingScaleSentence",
      "benefitsCheckSentence",
      "paymentRows",
      "costSummarySentences",
      "referralHours",
      "assessmentTimeSentence",
    ]) {
      expect(builders).toContain(f);
    }
  });
});

describe("the claims gate reads a dictionary", () => {
  const FILE = "lib/i18n/xx.ts";

  it("flattens nested strings and lists, calls functions with sample arguments, and names each by its path", () => {
    const texts = dictionaryTexts({ a: { b: "One" }, list: ["Two", { c: "Three" }], f: (n: number) => (n === 1 ? "one item" : `${n} items`) }, FILE);
    const where = texts.map((t) => t.where);
    expect(where).toEqual(expect.arrayContaining(["a.b", "list.0", "list.1.c", "f(1)", "f(2)"]));
    expect(texts.find((t) => t.where === "f(1)")?.text).toBe("one item");
  });

  it("calls a function that needs a list with a list", () => {
    const texts = dictionaryTexts({ join: (items: readonly string[]) => items.join(" and ") }, FILE);
    expect(texts.map((t) => t.text)).toContain("Example and Other");
  });

  it("fails a banned claim in a string or a function's result, naming the file and the key", () => {
    const problems = siteTextProblems(dictionaryTexts({ hero: { title: "We cure addiction" }, badge: (name: string) => `${name}: 100% confidential` }, FILE));
    expect(problems.map((p) => [p.file, p.message.slice(0, p.message.indexOf(": "))])).toEqual([
      [FILE, "hero.title"],
      [FILE, 'badge("Example")'],
      [FILE, 'badge(["Example","Other"])'],
      [FILE, "badge(1)"],
      [FILE, "badge(2)"],
      [FILE, "badge(null)"],
    ]);
  });

  it("reports a function no sample arguments can call, instead of skipping its words", () => {
    const problems = siteTextProblems(
      dictionaryTexts(
        {
          odd: () => {
            throw new Error("needs a real value");
          },
        },
        FILE,
      ),
    );
    expect(problems).toEqual([
      { file: FILE, gate: "claims", message: "odd(…): no sample arguments could call this function, so the claims gate cannot read its words" },
    ]);
  });
});

describe("the real center config and English dictionary", () => {
  it("pass the claims gate", () => {
    expect(siteProblems("en")).toEqual([]);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { center } from "@/content/center";
import * as format from "@/lib/center/format";
import { parseCenter } from "@/lib/center/schema";
import { siteProblems, trustPageProblems } from "@/lib/content/check";
import { siteTextProblems } from "@/lib/content/gates";
import { centerTexts, dictionaryTexts, notSentenceBuilders } from "@/lib/content/site-text";

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

  it("reads every sentence builder lib/center/format.ts exports, the list taken from the module itself", () => {
    const read = new Set(centerTexts(center, "en").map((t) => /^(\w+)/.exec(t.where)?.[1]));
    const exported = Object.entries(format)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name);
    const skipped = new Set<string>(notSentenceBuilders);
    expect(exported.length).toBeGreaterThan(15);
    expect(exported.filter((name) => !skipped.has(name) && !read.has(name))).toEqual([]);
    // The exceptions are real exports, so a rename cannot leave a stale name excusing nothing.
    for (const name of skipped) expect(exported).toContain(name);
  });

  it("reads the call bar's after-hours line and the thank-you page's response time", () => {
    const texts = centerTexts(center, "en");
    expect(texts).toContainEqual(
      expect.objectContaining({ where: "afterHoursLine, built by lib/center/format.ts", text: format.afterHoursLine(center, "en") }),
    );
    expect(texts).toContainEqual(
      expect.objectContaining({ where: "responseTimePhrase, built by lib/center/format.ts", text: format.responseTimePhrase(center, "en") }),
    );
  });
});

describe("the claims gate reads the trust pages", () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  /** A content root holding only these trust pages. */
  const rootWith = (pages: Record<string, string>) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "trust-pages-"));
    roots.push(root);
    for (const [file, source] of Object.entries(pages)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), source);
    }
    return root;
  };

  it("fails a banned claim in any page of content/<locale>/pages, naming the file", () => {
    const root = rootWith({
      "content/en/pages/about.mdx": "## Who we are\n\nWe listen first.\n",
      "content/en/pages/new-page.mdx": "## Our promise\n\nWe guarantee your recovery.\n",
      "content/es/pages/about.mdx": "## Quiénes somos\n\nLe garantizamos la recuperación.\n",
    });
    expect(trustPageProblems("en", root)).toEqual([expect.objectContaining({ file: "content/en/pages/new-page.mdx", gate: "claims" })]);
    expect(trustPageProblems("en", root)[0].message).toContain("We guarantee your recovery.");
    expect(trustPageProblems("es", root)).toEqual([expect.objectContaining({ file: "content/es/pages/about.mdx", gate: "claims" })]);
  });

  it("allows a negated claim and reads no component or link as prose", () => {
    const root = rootWith({
      "content/en/pages/about.mdx": "No program can guarantee recovery. <CenterAfterHours /> See [our articles](/articles/cure-guaranteed-100-percent).\n",
    });
    expect(trustPageProblems("en", root)).toEqual([]);
  });

  it("is part of the site's problems, which the build's content step fails on", () => {
    const root = rootWith({ "content/en/pages/privacy.mdx": "Your data is 100% confidential here.\n" });
    expect(siteProblems("en", root).map((p) => p.file)).toContain("content/en/pages/privacy.mdx");
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

describe("the real center config, dictionaries and trust pages", () => {
  it("pass the claims gate", () => {
    expect(siteProblems("en")).toEqual([]);
    expect(siteProblems("es")).toEqual([]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { center } from "@/content/center";
import type { Center } from "@/lib/center/schema";
import { loadArticles, type Article } from "@/lib/content/load";
import { articleParity, centerParity, configComponents, figuresOf, trustPageParity } from "@/lib/content/parity";
import { centerTexts } from "@/lib/content/site-text";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { locales, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { declaredExceptions, selfCheckParity, type DeclaredException } from "@/lib/self-check/exceptions";
import { instrumentVersions } from "@/lib/self-check/instruments";
import type { InstrumentText, ScoredCheck } from "@/lib/self-check/instruments/types";
import { SelfCheckPage } from "@/components/pages/SelfCheckPage";
import { tags } from "../helpers/html";

/**
 * The same site in every language: a page that exists in one language and not the other, an article whose
 * reference ids differ, or a fact rendered from config that differs, fails here.
 */
const root = path.resolve(__dirname, "..", "..");
const en = loadArticles("en");
const es = loadArticles("es");

/** Every page route under a route group, as the URL path it answers (app/(en)/contact/page.tsx → /contact). */
function routesOf(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return routesOf(path.join(dir, e.name), `${prefix}/${e.name}`);
    return e.name === "page.tsx" ? [prefix || "/"] : [];
  });
}

describe("every page exists in every language", () => {
  it("each English route has a Spanish route under /es, and each Spanish route an English one", () => {
    const english = routesOf(path.join(root, "app", "(en)")).sort();
    const spanish = routesOf(path.join(root, "app", "(es)", "es")).sort();
    expect(english.length).toBeGreaterThan(5);
    expect(spanish).toEqual(english);
  });

  it("each article exists in both languages, alike in sources, place, config facts and citations", () => {
    expect(es.length).toBe(en.length);
    expect(articleParity({ en, es })).toEqual([]);
  });

  it("each trust page has its prose in both languages", () => {
    expect(trustPageParity(root)).toEqual([]);
  });

  it("the figures in every sentence built from the center config are the same in both languages", () => {
    expect(centerTexts(center, "es").filter((t) => t.where.includes("built by")).length).toBeGreaterThan(10);
    expect(centerParity(center)).toEqual([]);
  });
});

describe("the parity checks fail when the languages drift apart", () => {
  const pick = (list: Article[], slug: string) => list.find((a) => a.slug === slug)!;
  const without = (list: Article[], slug: string) => list.filter((a) => a.slug !== slug);

  it("names an article missing in either language", () => {
    expect(articleParity({ en, es: without(es, "what-is-iop") }).map((p) => p.message)).toEqual([
      "exists in en (content/en/articles/what-is-iop.mdx) but not in es (content/es/articles/what-is-iop.mdx)",
    ]);
    expect(articleParity({ en: without(en, "iop-faq"), es }).map((p) => p.message)).toEqual([
      "exists in es (content/es/articles/iop-faq.mdx) but not in en (content/en/articles/iop-faq.mdx)",
    ]);
  });

  it("names an article whose reference ids differ, or differ in order", () => {
    const a = pick(es, "what-is-iop");
    const swapped = { ...a, references: [a.references[1], a.references[0], ...a.references.slice(2)] };
    const renamed = { ...a, references: [{ ...a.references[0], id: "another-source" }, ...a.references.slice(1)] };
    for (const changed of [swapped, renamed]) {
      const problems = articleParity({ en, es: [...without(es, "what-is-iop"), changed] });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ what: "article what-is-iop" });
      expect(problems[0].message).toMatch(/^reference ids differ: /);
    }
  });

  it("names an article that shows a fact from config in one language and writes it out (or drops it) in the other", () => {
    const a = pick(es, "typical-week-in-iop");
    expect(configComponents(a.body)).toContain("CenterTracks");
    const written = { ...a, body: a.body.replace("<CenterTracks />", "Turno de la mañana: lunes, miércoles y viernes.") };
    const [problem] = articleParity({ en, es: [...without(es, a.slug), written] });
    expect(problem.message).toMatch(/^the center's facts differ: en shows \[.*CenterTracks.*\], es \[/);
  });

  it("counts the config components an article renders, not those it shows as code", () => {
    const body = [
      "<CenterTracks />",
      "",
      "Write `<CenterHours />` on a line of its own.",
      "",
      "```mdx",
      "<CenterPhone />",
      "```",
      "",
      "A <Note>note with <CostHere /> inside</Note> and <CenterTracks />.",
    ].join("\n");
    expect(configComponents(body)).toEqual(["CenterTracks", "CostHere", "CenterTracks"]);
  });

  it("names an article that cites different references, or has other sections, or another place on the site", () => {
    const a = pick(es, "what-is-iop");
    const changed = { ...a, category: "planning" as const, body: `${a.body.replace(/<Cite n=\{1\} \/>/g, "")}\n\n## Una sección de más\n\nTexto.\n` };
    const messages = articleParity({ en, es: [...without(es, a.slug), changed] }).map((p) => p.message);
    expect(messages.some((m) => m.startsWith("category differs"))).toBe(true);
    expect(messages.some((m) => m.startsWith("cites different references"))).toBe(true);
    expect(messages.some((m) => /sections \(##\)/.test(m))).toBe(true);
  });

  it("names a trust page whose prose is missing in a language", () => {
    const tmp = fs.mkdtempSync(path.join(root, "node_modules", ".parity-"));
    try {
      for (const l of ["en", "es"]) fs.mkdirSync(path.join(tmp, "content", l, "pages"), { recursive: true });
      for (const p of ["about", "privacy", "nondiscrimination"]) fs.writeFileSync(path.join(tmp, "content", "en", "pages", `${p}.mdx`), "x");
      fs.writeFileSync(path.join(tmp, "content", "es", "pages", "about.mdx"), "x");
      expect(trustPageParity(tmp).map((p) => p.message)).toEqual([
        "content/es/pages/privacy.mdx is missing",
        "content/es/pages/nondiscrimination.mdx is missing",
      ]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("reads the figures of a sentence whatever the words around them", () => {
    expect(figuresOf("Monday to Friday: 8:00 a.m. to 8:00 p.m.")).toEqual(figuresOf("lunes a viernes: de 8:00 a.\u00a0m. a 8:00 p.\u00a0m."));
    expect(figuresOf("within 2 business days")).not.toEqual(figuresOf("en un plazo de 3 días hábiles"));
  });

  it("names a sentence built from config whose figures differ between the languages", async () => {
    // A dictionary that wrote a number of its own instead of the config's: simulated by a config the sentences read
    // differently, e.g. a Spanish hours line that drops the closing time.
    const strings = await import("@/lib/i18n/strings");
    const es = strings.strings("es");
    const original = es.center.hours;
    (es.center as { hours: (d: string, o: string, c: string) => string }).hours = (days, open) => `${days}: desde las ${open}`;
    try {
      const problems = centerParity(structuredClone(center) as Center);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0].what).toMatch(/^center sentence formatHours\(hours\.0\)/);
      expect(problems[0].message).toMatch(/^figures differ: /);
    } finally {
      (es.center as { hours: typeof original }).hours = original;
    }
  });
});

/**
 * The self-check: a page shows a scored instrument only in a language its publisher printed it in,
 * never our translation. Where a language has none, lib/self-check/exceptions.ts declares it with a reason; the page
 * then says so and offers plain next steps. The pages are rendered as if every license were confirmed (`preview`).
 */
describe("the self-check in every language: the publisher's own version, or a declared exception", () => {
  /** The instruments a page's HTML shows: its forms marked with an instrument, and any radio button outside one. */
  function instrumentsIn(html: string): { id: string; language: string }[] {
    const marked = tags(html, "form").flatMap(({ attrs }) =>
      attrs["data-instrument"] ? [{ id: attrs["data-instrument"], language: attrs["data-instrument-lang"] ?? "" }] : [],
    );
    // Questions without the marker would escape this check: answer buttons in an unmarked page are an unlisted instrument.
    if (marked.length === 0 && tags(html, "input").some((i) => i.attrs.type === "radio")) return [{ id: "unmarked", language: "" }];
    return marked;
  }
  const render = (locale: Locale) => renderToStaticMarkup(createElement(SelfCheckPage, { locale, preview: true, enhance: false }));
  /** Problems with what a page shows: an instrument without its publisher's version in the page's language. */
  const unlisted = (locale: Locale, html: string) =>
    instrumentsIn(html).filter((shown) => shown.language !== locale || !instrumentVersions[shown.id as keyof typeof instrumentVersions]?.[locale]);

  it("every version is the publisher's in its language, and every gap is declared with a reason", () => {
    expect(selfCheckParity(instrumentVersions)).toEqual([]);
  });

  it("each page renders only instruments that have their publisher's version in the page's language", () => {
    for (const locale of locales) expect(unlisted(locale, render(locale)), `${locale} page`).toEqual([]);
    // Today: the English page shows the USAUDIT (once licensed); the Spanish page shows none, as declared.
    expect(instrumentsIn(render("en"))).toEqual([{ id: "usaudit", language: "en" }]);
    expect(instrumentsIn(render("es"))).toEqual([]);
    expect(declaredExceptions.map((e) => `${e.instrument}/${e.locale}`)).toEqual(["usaudit/es"]);
  });

  it("the Spanish page says in Spanish why it has no check, and gives the next steps", () => {
    const html = renderToStaticMarkup(createElement(SelfCheckPage, { locale: "es", preview: true, enhance: false }));
    const es = strings("es").selfCheck;
    expect(html).toContain(es.unavailable.noPublisherVersion.heading);
    for (const href of [
      "tel:988",
      "sms:988",
      "tel:+18006624357",
      "https://findtreatment.gov/",
      "/es/articles/withdrawal-and-detox",
      "/es/articles/preventing-overdose",
    ])
      expect(html, href).toContain(`href="${href}`);
  });

  describe("fails when a language drifts", () => {
    const en = instrumentVersions.usaudit.en!;
    const ourTranslation: ScoredCheck = { ...en, instrument: { ...en.instrument, language: "en" } as InstrumentText };
    const withReason = (reason: string): DeclaredException[] => [{ ...declaredExceptions[0], reason }];

    it("a Spanish version that is not the publisher's Spanish wording (our translation of the English)", () => {
      const problems = selfCheckParity({ usaudit: { en, es: ourTranslation } }, []);
      expect(problems.map((p) => p.message)).toEqual(["is not the publisher's es version (its wording was printed in en)"]);
    });

    it("a language without a version and without a declared exception, or with one that gives no reason", () => {
      expect(selfCheckParity({ usaudit: { en } }, []).map((p) => p.message)).toEqual(["exists in en but not in es, and no exception is declared"]);
      expect(selfCheckParity({ usaudit: { en } }, withReason(" ")).map((p) => p.message)).toEqual(["its declared exception gives no reason or no date"]);
    });

    it("an exception made stale by a publisher's version", () => {
      const spanish: ScoredCheck = { ...en, instrument: { ...en.instrument, language: "es" } };
      expect(selfCheckParity({ usaudit: { en, es: spanish } }).map((p) => p.message)).toEqual(["has a version, so its declared exception is stale"]);
    });

    it("a Spanish page that renders the English questions, or questions without naming their instrument", () => {
      const english = render("en");
      expect(unlisted("es", english)).toEqual([{ id: "usaudit", language: "en" }]);
      const unmarked = english.replace(/ data-instrument(-lang)?="[^"]*"/g, "");
      expect(unlisted("es", unmarked)).toEqual([{ id: "unmarked", language: "" }]);
      expect(unlisted("en", unmarked)).toEqual([{ id: "unmarked", language: "" }]);
    });
  });
});

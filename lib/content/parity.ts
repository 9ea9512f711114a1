// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Center } from "@/lib/center/schema";
import { defaultLocale, locales, type Locale } from "@/lib/i18n/locales";
import { trustPages, type TrustPageKey } from "@/lib/site/routes";
import type { Article } from "./load";
import { citedNumbers, readMdx } from "./markdown";
import { centerTexts } from "./site-text";

/**
 * Same facts, same sources, in every language: each problem says which page or fact differs between the
 * default locale and another one. Words differ by design; what must not differ is which pages exist, which sources an
 * article cites (by id, in order), its place on the site, which of the center's facts it shows (the components that
 * render them from content/center.ts), and the figures inside every sentence built from the config.
 */
export interface ParityProblem {
  /** What is compared: "article what-is-iop", "trust page about", "center sentence formatHours(hours.0)". */
  what: string;
  message: string;
}

/** MDX components that render the center's facts from config (mdx-components.tsx): an article shows the same ones. */
const CONFIG_COMPONENTS =
  /^(Center[A-Z]\w*|Cost(Here|Summary)|ReferralBox|FamilyOffer|EmergencyCall|InquiryFieldList|RetentionDays|ResponseTime|WeekDiagram|LevelsLadder|TaperDiagram|ProcessDiagram)$/;

/** The config components an MDX body renders, in order of appearance (from its syntax tree: code shows no component). */
export function configComponents(body: string): string[] {
  return readMdx(body).components.filter((name) => CONFIG_COMPONENTS.test(name));
}

/** The figures in a sentence, as digit strings in order: "8:00 a.m." and "8:00 a. m." both give ["8", "00"]. */
export const figuresOf = (text: string): string[] => text.match(/\d+/g) ?? [];

const list = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "none");

/** Articles: each slug in every locale, and each pair alike in sources, place, config facts and what they cite. */
export function articleParity(byLocale: Readonly<Record<Locale, readonly Article[]>>): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const base = byLocale[defaultLocale];
  for (const locale of locales.filter((l) => l !== defaultLocale)) {
    const other = byLocale[locale];
    const missingHere = base.filter((a) => !other.some((o) => o.slug === a.slug));
    const missingThere = other.filter((o) => !base.some((a) => a.slug === o.slug));
    for (const a of missingHere)
      problems.push({
        what: `article ${a.slug}`,
        message: `exists in ${defaultLocale} (${a.file}) but not in ${locale} (content/${locale}/articles/${a.slug}.mdx)`,
      });
    for (const o of missingThere)
      problems.push({
        what: `article ${o.slug}`,
        message: `exists in ${locale} (${o.file}) but not in ${defaultLocale} (content/${defaultLocale}/articles/${o.slug}.mdx)`,
      });
    for (const a of base) {
      const o = other.find((x) => x.slug === a.slug);
      if (!o) continue;
      const what = `article ${a.slug}`;
      const ids = (x: Article) => x.references.map((r) => r.id);
      if (ids(a).join(" ") !== ids(o).join(" "))
        problems.push({ what, message: `reference ids differ: ${defaultLocale} [${list(ids(a))}], ${locale} [${list(ids(o))}] (same sources, same order)` });
      for (const key of ["category", "kind", "order"] as const)
        if (a[key] !== o[key]) problems.push({ what, message: `${key} differs: ${defaultLocale} ${a[key]}, ${locale} ${o[key]}` });
      if (a.related.join(" ") !== o.related.join(" "))
        problems.push({ what, message: `related differs: ${defaultLocale} [${list(a.related)}], ${locale} [${list(o.related)}]` });
      const components = [configComponents(a.body), configComponents(o.body)];
      if (components[0].join(" ") !== components[1].join(" "))
        problems.push({
          what,
          message: `the center's facts differ: ${defaultLocale} shows [${list(components[0])}], ${locale} [${list(components[1])}] (write them with the same components)`,
        });
      const cited = [a, o].map((x) => [...new Set(citedNumbers(x.body))].sort((p, q) => p - q).join(" "));
      if (cited[0] !== cited[1]) problems.push({ what, message: `cites different references: ${defaultLocale} [${cited[0]}], ${locale} [${cited[1]}]` });
      const h2 = [a, o].map((x) => readMdx(x.body).headings.filter((h) => h.depth === 2).length);
      if (h2[0] !== h2[1]) problems.push({ what, message: `has ${h2[0]} sections (##) in ${defaultLocale} and ${h2[1]} in ${locale}` });
    }
  }
  return problems;
}

/** Trust pages: content/<locale>/pages/<page>.mdx for every page and locale. */
export function trustPageParity(root: string): ParityProblem[] {
  return (Object.keys(trustPages) as TrustPageKey[]).flatMap((page) =>
    locales
      .filter((l) => !fs.existsSync(path.join(root, "content", l, "pages", `${page}.mdx`)))
      .map((l) => ({ what: `trust page ${page}`, message: `content/${l}/pages/${page}.mdx is missing` })),
  );
}

/**
 * Facts rendered from config: every sentence the site builds from content/center.ts, in every locale, carries the same
 * figures (hours, days, prices, phone digits, counts) as in the default locale.
 */
export function centerParity(center: Center): ParityProblem[] {
  const built = (locale: Locale) => new Map(centerTexts(center, locale).map((t) => [t.where, t.text]));
  const base = built(defaultLocale);
  const problems: ParityProblem[] = [];
  for (const locale of locales.filter((l) => l !== defaultLocale)) {
    const other = built(locale);
    for (const [where, text] of base) {
      // Config values in other locales' keys ("serviceArea.es") are each language's own words; the built sentences are compared.
      if (!where.includes("built by")) continue;
      const theirs = other.get(where);
      if (theirs === undefined) {
        problems.push({ what: `center sentence ${where}`, message: `built in ${defaultLocale} but not in ${locale}` });
        continue;
      }
      const [a, b] = [figuresOf(text), figuresOf(theirs)];
      if (a.join(" ") !== b.join(" "))
        problems.push({
          what: `center sentence ${where}`,
          message: `figures differ: ${defaultLocale} "${text}" [${list(a)}], ${locale} "${theirs}" [${list(b)}]`,
        });
    }
  }
  return problems;
}

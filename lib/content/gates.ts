import type { Article } from "./load";
import type { Reference } from "./schema";
import { headingIds, linkTargets, readMdx } from "./markdown";
import { brokenClaimRules } from "./claims";
import { readability, sentences } from "./readability";
import { MIN_INFLESZ, MIN_MEDIAN_INFLESZ, median, spanishReadability } from "./inflesz";
import type { Locale } from "@/lib/i18n/locales";
import { isBareHomePage, retiredDomainOf, supersededEntryOf } from "./superseded";
import type { SourcedText } from "./site-text";

/** The highest Flesch-Kincaid grade an article may have. */
export const MAX_GRADE = 8;

export interface GateProblem {
  file: string;
  gate: "references" | "claims" | "citations" | "links" | "readability";
  message: string;
}

const PERCENT = /\b\d{1,3}(\.\d+)?\s?(%|percent|por\s?ciento)/i;
/** A fragment as the id it names ("caf%C3%A9" → "café"); a malformed escape is kept as written. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
const quote = (s: string) => `"${s.length > 120 ? `${s.slice(0, 120)}…` : s}"`;

/** The banned-claim problems in one text in its language, each message starting with where the text came from. */
function claimsIn(file: string, where: string, text: string, locale: Locale = "en"): GateProblem[] {
  return sentences(text).flatMap((s) =>
    brokenClaimRules(s, locale).map((rule) => ({
      file,
      gate: "claims" as const,
      message: `${where ? `${where}: ` : ""}${rule.id}: ${rule.why} In: ${quote(s)}`,
    })),
  );
}

/**
 * Banned claims and uncited percentages, judged sentence by sentence in everything a reader sees of the body (prose,
 * headings, table cells), and banned claims in each reference title.
 */
export function claimProblems(article: Pick<Article, "file" | "body"> & { references?: readonly Reference[]; locale?: Locale }): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const block of readMdx(article.body).claimBlocks) {
    problems.push(...claimsIn(article.file, "", block, article.locale));
    // A block with no words (a table cell that reads "38%") is judged whole.
    const units = sentences(block);
    for (const s of units.length ? units : [block]) {
      if (PERCENT.test(s) && !/<Cite\s/.test(s)) {
        problems.push({ file: article.file, gate: "citations", message: `a percentage needs a <Cite n={…} /> in the same sentence: ${quote(s)}` });
      }
    }
  }
  // A reference title is judged in its own language (a Spanish article's English-only sources by the English rules).
  (article.references ?? []).forEach((r, i) => problems.push(...claimsIn(article.file, `reference ${i + 1} title`, r.title, r.language)));
  return problems;
}

/** Banned claims in text the site renders outside articles (center config, sentences built from it, dictionary). */
export function siteTextProblems(texts: readonly SourcedText[], locale: Locale = "en"): GateProblem[] {
  return texts.flatMap((t) =>
    t.unreadable
      ? [
          {
            file: t.file,
            gate: "claims" as const,
            message: `${t.where}: no sample arguments could call this function, so the claims gate cannot read its words`,
          },
        ]
      : claimsIn(t.file, t.where, t.text, locale),
  );
}

/** Every <Cite /> has a whole number `n` that points at an existing reference. */
export function citationProblems(article: Pick<Article, "file" | "body" | "references">): GateProblem[] {
  const count = article.references.length;
  return readMdx(article.body).citations.flatMap(({ n, source }) =>
    n === null
      ? [{ file: article.file, gate: "citations" as const, message: `${source}: n must be a reference number, written n={k}` }]
      : n < 1 || n > count
        ? [{ file: article.file, gate: "citations" as const, message: `<Cite n={${n}} /> but there are ${count} references` }]
        : [],
  );
}

/**
 * The routes a link may point at, and the fragments each article page has: the id of every heading (as
 * rehype-slug gives them) and of each entry in its reference list (`ref-1`…).
 */
export interface LinkTargets {
  routes: ReadonlySet<string>;
  /** Article path ("/articles/what-is-iop") → the ids a `#fragment` may name on that page. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The fragments a link may name on an article page. */
function pageAnchors(article: Pick<Article, "body" | "references">): Set<string> {
  return new Set([...headingIds(article.body), ...article.references.map((_, i) => `ref-${i + 1}`)]);
}

/** Link targets for a set of articles: the routes, and each article's anchors under its path. */
export function linkTargetsOf(routes: ReadonlySet<string>, articles: readonly (Pick<Article, "body" | "references"> & { path: string })[]): LinkTargets {
  return { routes, anchors: new Map(articles.map((a) => [a.path, pageAnchors(a)])) };
}

/**
 * Internal links resolve to a real route, and a `#fragment` to a heading: on this page for `#…`, on the target
 * article for `/articles/<slug>#…` (other pages' fragments are not checked).
 */
export function linkProblems(article: Pick<Article, "file" | "body" | "references">, targets: LinkTargets): GateProblem[] {
  const problems: GateProblem[] = [];
  const here = pageAnchors(article);
  const problem = (message: string) => problems.push({ file: article.file, gate: "links", message });
  for (const href of linkTargets(article.body)) {
    if (href.startsWith("#")) {
      const fragment = decodeFragment(href.slice(1));
      if (!here.has(fragment)) problem(`link ${href} names no heading on this page`);
      continue;
    }
    if (!href.startsWith("/")) continue;
    const [beforeHash, fragment] = href.split("#", 2);
    const path = beforeHash.split("?")[0].replace(/(.)\/$/, "$1");
    if (!targets.routes.has(path)) {
      problem(`internal link to ${path} has no page`);
      continue;
    }
    const anchors = targets.anchors.get(path);
    if (fragment !== undefined && anchors && !anchors.has(decodeFragment(fragment))) problem(`link ${href} names no heading of ${path}`);
  }
  return problems;
}

/**
 * Each language's own scale: Flesch-Kincaid for English (grade MAX_GRADE or below), INFLESZ for Spanish ("normal" or
 * easier, MIN_INFLESZ or more; lib/content/inflesz.ts).
 */
export function readabilityProblems(article: Pick<Article, "file" | "body"> & { locale?: Locale }): GateProblem[] {
  if (article.locale === "es") {
    const { inflesz, band } = spanishReadability(article.body);
    return inflesz < MIN_INFLESZ
      ? [{ file: article.file, gate: "readability", message: `INFLESZ ${inflesz} ("${band}") is below ${MIN_INFLESZ} ("normal")` }]
      : [];
  }
  const { grade } = readability(article.body);
  return grade > MAX_GRADE ? [{ file: article.file, gate: "readability", message: `Flesch-Kincaid grade ${grade} is above ${MAX_GRADE}` }] : [];
}

/** Across a locale's articles: the Spanish median must read "bastante fácil" (MIN_MEDIAN_INFLESZ or more). */
export function readabilityMedianProblems(locale: Locale, articles: readonly Pick<Article, "body">[]): GateProblem[] {
  if (locale !== "es" || articles.length === 0) return [];
  const m = median(articles.map((a) => spanishReadability(a.body).inflesz));
  return m < MIN_MEDIAN_INFLESZ
    ? [
        {
          file: `content/${locale}/articles`,
          gate: "readability",
          message: `the median article's INFLESZ is ${m}, below ${MIN_MEDIAN_INFLESZ} ("bastante fácil")`,
        },
      ]
    : [];
}

const describe = (r: Reference, i: number) => `reference ${i + 1} ("${r.title}")`;

/**
 * Enough references, each the exact page of a current publication: not a bare home page, not on a retired domain,
 * not a source listed as superseded (lib/content/superseded.ts).
 */
export function referenceProblems(article: Pick<Article, "file" | "references">): GateProblem[] {
  const problems: GateProblem[] = [];
  const problem = (message: string) => problems.push({ file: article.file, gate: "references", message });
  if (article.references.length < 2) problem(`has ${article.references.length} references; at least 2 are needed`);
  article.references.forEach((r, i) => {
    const retired = retiredDomainOf(r.url);
    if (retired) problem(`${describe(r, i)}: ${r.url} is on a retired domain (${retired.domain}): ${retired.why}`);
    if (isBareHomePage(r.url)) problem(`${describe(r, i)}: ${r.url} is a site's home page; link the exact page of the publication`);
    const old = supersededEntryOf(r.url);
    if (old) problem(`${describe(r, i)}: ${r.url} is superseded: ${old.why} Cite ${old.replacedBy} instead.`);
    if (article.references.findIndex((x) => x.id === r.id) !== i) problem(`${describe(r, i)}: id "${r.id}" is already used by another reference`);
  });
  return problems;
}

/** Every gate for one article. */
export function articleProblems(article: Article, targets: LinkTargets): GateProblem[] {
  return [
    ...referenceProblems(article),
    ...claimProblems(article),
    ...citationProblems(article),
    ...linkProblems(article, targets),
    ...readabilityProblems(article),
  ];
}

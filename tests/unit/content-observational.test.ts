import { describe, expect, it } from "vitest";
import { loadArticles, type Article } from "@/lib/content/load";
import { locales, type Locale } from "@/lib/i18n/locales";

/**
 * The insurance-claims study of opioid treatment pathways (Wakeman et al., JAMA Network Open 2020) is observational:
 * it shows links, not proof, and reports hazard ratios, a lower risk, not fewer overdoses. Its findings and limits are
 * set out once, in the research article's section; every other article that cites it says in the same paragraph that
 * it was observational and links that section.
 */
const STUDY = /jamanetwork\.com\/journals\/jamanetworkopen\/(?:article-abstract|fullarticle)\/2760032\b/;
const CANONICAL = "iop-research-and-outcomes";
const section: Record<Locale, string> = {
  en: "/articles/iop-research-and-outcomes#opioid-treatment-and-overdose-risk",
  es: "/es/articles/iop-research-and-outcomes#tratamiento-para-opioides-y-riesgo-de-sobredosis",
};
const hedge: Record<Locale, RegExp> = {
  en: /\bobservational\b|\blinks?, not proof\b/i,
  es: /\bobservación\b|\brelaci(?:ón|ones), no (?:una )?(?:pruebas?|causas)\b/i,
};
const fewerOverdoses: Record<Locale, RegExp> = { en: /\bfewer overdoses\b/i, es: /\bmenos sobredosis\b/i };

/** Each paragraph of an article that cites the study, with what it lacks. */
function problems(locale: Locale, article: Pick<Article, "slug" | "body" | "references">): string[] {
  const numbers = article.references.flatMap((r, i) => (STUDY.test(r.url) ? [i + 1] : []));
  if (numbers.length === 0) return [];
  const out: string[] = [];
  const cites = new RegExp(`<Cite n=\\{(?:${numbers.join("|")})\\} />`);
  const paragraphs = article.body.split(/\n\s*\n/).filter((p) => cites.test(p));
  if (article.slug !== CANONICAL) {
    for (const p of paragraphs) if (!hedge[locale].test(p)) out.push(`${article.slug}: does not say the study was observational: ${p.slice(0, 120)}…`);
    if (!article.body.includes(`](${section[locale]})`)) out.push(`${article.slug}: does not link ${section[locale]}`);
  }
  for (const p of paragraphs) if (fewerOverdoses[locale].test(p)) out.push(`${article.slug}: says "fewer overdoses" where the study reports a lower risk`);
  return out;
}

const reference = {
  title: "Comparative Effectiveness of Different Treatment Pathways",
  url: "https://jamanetwork.com/journals/jamanetworkopen/article-abstract/2760032",
};

describe("the observational overdose-risk study is hedged wherever it is cited", () => {
  it("flags a citing paragraph with no hedge, a missing link and 'fewer overdoses'", () => {
    const body = "In a study of claims, naltrexone was not linked to fewer overdoses <Cite n={1} />.";
    expect(problems("en", { slug: "x", body, references: [reference] } as Article)).toHaveLength(3);
    const es = `La naltrexona no se asoció con menos sobredosis <Cite n={1} />. Fue un estudio de observación. Vea [la sección](${section.es}).`;
    expect(problems("es", { slug: "x", body: es, references: [reference] } as Article)).toEqual([
      'x: says "fewer overdoses" where the study reports a lower risk',
    ]);
  });

  it("accepts a paragraph that hedges and an article that links the section", () => {
    const body = `Naltrexone was not linked to a lower risk of overdose <Cite n={1} />. It was an observational study, so it shows links, not proof.\n\nRead [more](${section.en}).`;
    expect(problems("en", { slug: "x", body, references: [reference] } as Article)).toEqual([]);
  });

  for (const locale of locales) {
    it(`${locale}: every article that cites it`, { timeout: 30_000 }, () => {
      const articles = loadArticles(locale);
      expect(articles.filter((a) => a.references.some((r) => STUDY.test(r.url))).length).toBeGreaterThan(5);
      expect(articles.flatMap((a) => problems(locale, a))).toEqual([]);
    });
  }
});

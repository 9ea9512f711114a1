import { describe, expect, it } from "vitest";
import { REVIEW_MAX_AGE_MONTHS, reviewDue, reviewStatus, reviewTopics } from "@/lib/content/freshness";
import { checkContent, staleWarning } from "@/lib/content/check";
import { readerText } from "@/lib/content/markdown";

const article = (lastReviewed: string, locale: "en" | "es" = "en") => ({ file: `content/${locale}/articles/test.mdx`, slug: "test", lastReviewed, locale });
const topicsOf = (text: string, meds: string[] = []) => reviewTopics(text, "en", meds).map((t) => `${t.kind}:${t.text}`);
const spanishTopicsOf = (text: string) => reviewTopics(text, "es").map((t) => `${t.kind}:${t.text}`);

describe("review freshness: what makes an article date", () => {
  it("finds medications, including the config's own list, whatever their case", () => {
    expect(topicsOf("Buprenorphine and methadone help. So can naloxone.")).toEqual(["medication:buprenorphine", "medication:methadone", "medication:naloxone"]);
    expect(topicsOf("Lofexidine can ease withdrawal.", ["lofexidine"])).toEqual(["medication:lofexidine"]);
  });

  it("finds laws and regulations, by name or citation", () => {
    expect(topicsOf("A rule called 42 CFR Part 2 protects records.")).toEqual(["law:42 CFR", "law:Part 2"]);
    expect(topicsOf("The FMLA and the ADA may apply, and HIPAA too.")).toEqual(["law:FMLA", "law:ADA", "law:HIPAA"]);
    expect(topicsOf("The Americans with Disabilities Act protects people in recovery.")).toEqual(["law:Americans with Disabilities Act"]);
    expect(topicsOf("Under the Affordable Care Act, plans cover it.")).toEqual(["law:Affordable Care Act"]);
    expect(topicsOf("See 42 U.S.C. 12114 and Good Samaritan laws.")).toEqual(["law:U.S.C.", "law:Good Samaritan"]);
    expect(topicsOf("Insurers must follow parity rules.")).toEqual(["law:parity"]);
  });

  it("names a law once when a short name sits inside its full name", () => {
    expect(topicsOf("The Mental Health Parity and Addiction Equity Act requires parity.")).toEqual(["law:Mental Health Parity and Addiction Equity Act"]);
  });

  it("finds ASAM editions", () => {
    expect(topicsOf("The ASAM Criteria, 4th edition, regroup the areas.")).toEqual(["edition:ASAM Criteria", "edition:4th edition"]);
    expect(topicsOf("In the third edition the areas were six.")).toEqual(["edition:third edition"]);
  });

  it("does not date an article for everyday words", () => {
    expect(topicsOf("Act now and ask about a program. Ada is a name. Take part 2 of the test. We add a dose of kindness.")).toEqual([]);
  });

  it("reads the prose a reader sees, not the file: no frontmatter, link URLs or component names", () => {
    const body = [
      "[our privacy page](/privacy-part-2-cfr)",
      "",
      "<CenterMedications />",
      "",
      "## Costs",
      "",
      "| Law | What |",
      "|---|---|",
      "| FMLA | Leave |",
    ].join("\n");
    expect(topicsOf(readerText(body))).toEqual(["law:FMLA"]);
  });
});

describe("review freshness: what makes a Spanish article date", () => {
  it("finds medications as Spanish articles write them", () => {
    expect(spanishTopicsOf("La buprenorfina y la metadona ayudan. También la naltrexona y la Naloxona.")).toEqual([
      "medication:buprenorfina",
      "medication:metadona",
      "medication:naltrexona",
      "medication:naloxona",
    ]);
  });

  it("finds laws by their Spanish names", () => {
    expect(spanishTopicsOf("La Ley de Licencia Familiar y Médica (FMLA) puede aplicarse.")).toEqual(["law:FMLA", "law:Ley de Licencia Familiar y Médica"]);
    expect(spanishTopicsOf("La Ley Sin Sorpresas le da derechos.")).toEqual(["law:Ley Sin Sorpresas"]);
    expect(spanishTopicsOf("Ya lo prohibía la Ley de la FTC. En 2018 hubo otra.")).toEqual(["law:Ley de la FTC"]);
    expect(spanishTopicsOf("La Ley de Asignaciones Consolidadas de 2023 quitó el permiso X.")).toEqual(["law:Ley de Asignaciones Consolidadas de 2023"]);
    expect(spanishTopicsOf("Una regla llamada 42 CFR Parte 2 protege los registros.")).toEqual(["law:42 CFR", "law:Parte 2"]);
    expect(spanishTopicsOf("Muchos estados tienen leyes del buen samaritano.")).toEqual(["law:buen samaritano"]);
    expect(spanishTopicsOf("La Ley de Paridad de Salud Mental y Equidad para la Adicción exige paridad.")).toEqual([
      "law:Ley de Paridad de Salud Mental y Equidad para la Adicción",
    ]);
  });

  it("finds ASAM editions in Spanish", () => {
    expect(spanishTopicsOf("Según la 3.ª edición de los Criterios de la ASAM, son seis.")).toEqual(["edition:Criterios de la ASAM", "edition:3.ª edición"]);
    expect(spanishTopicsOf("En la cuarta edición cambiaron.")).toEqual(["edition:cuarta edición"]);
  });

  it("does not date a Spanish article for everyday words", () => {
    expect(spanishTopicsOf("La ley de su estado puede ayudar. Vea la parte 2 de la guía. Es un buen día.")).toEqual([]);
  });

  it("makes a Spanish article stale that names only Spanish words, and only in Spanish", () => {
    const text = "La buprenorfina es una opción.";
    expect(reviewStatus(article("2025-01-15", "es"), text, "2099-01-01").stale).toBe(true);
    expect(reviewStatus(article("2025-01-15", "es"), text, "2025-06-01").stale).toBe(false);
  });
});

describe("review freshness: when an article is stale", () => {
  const text = "Buprenorphine is one option.";

  it(`is due ${REVIEW_MAX_AGE_MONTHS} months after lastReviewed`, () => {
    expect(REVIEW_MAX_AGE_MONTHS).toBe(12);
    expect(reviewDue("2025-11-30")).toBe("2026-11-30");
    expect(reviewDue("2024-02-29")).toBe("2025-03-01");
  });

  it("is fresh on its due date and stale the day after, judged on the injected today", () => {
    expect(reviewStatus(article("2025-11-30"), text, "2026-11-30").stale).toBe(false);
    expect(reviewStatus(article("2025-11-30"), text, "2026-12-01")).toMatchObject({ stale: true, due: "2026-11-30", lastReviewed: "2025-11-30" });
  });

  it("never makes an article with no dated topic stale", () => {
    expect(reviewStatus(article("2001-01-01"), "Plain words about a week in the program.", "2099-01-01").stale).toBe(false);
  });

  it("words the warning with the file, the dates and what the article names", () => {
    const status = reviewStatus(article("2025-01-15"), "Methadone and 42 CFR Part 2.", "2026-11-30");
    expect(staleWarning(status, "2026-11-30")).toBe(
      "content/en/articles/test.mdx [review] lastReviewed 2025-01-15 is more than 12 months before 2026-11-30 (due 2026-01-15), and the article names methadone (medication), 42 CFR (law), Part 2 (law): check it against its sources and set lastReviewed.",
    );
  });
});

describe("review freshness over the real articles", () => {
  it("changes warnings only, never problems, whatever today is", { timeout: 30_000 }, () => {
    const now = checkContent("en", "2026-11-30");
    const later = checkContent("en", "2099-01-01");
    expect(later.problems).toEqual(now.problems);
    expect(later.warnings.length).toBe(later.reviews.filter((r) => r.topics.length > 0).length);
    expect(later.warnings.length).toBeGreaterThan(0);
  });

  it("warns for stale Spanish articles too, including those that name their topics only in Spanish, and never fails", { timeout: 30_000 }, () => {
    const now = checkContent("es", "2026-11-30");
    const later = checkContent("es", "2099-01-01");
    expect(later.problems).toEqual(now.problems);
    expect(later.warnings.length).toBe(later.reviews.filter((r) => r.topics.length > 0).length);
    // These two name buprenorfina, metadona, naloxona and the Criterios de la ASAM in Spanish, with no English title to match.
    for (const slug of ["benefits-of-iop", "withdrawal-and-detox"]) {
      const review = later.reviews.find((r) => r.slug === slug);
      expect(review?.stale, slug).toBe(true);
      expect(
        later.warnings.some((w) => w.startsWith(`content/es/articles/${slug}.mdx [review]`)),
        slug,
      ).toBe(true);
    }
  });

  it("lists articles by lastReviewed, oldest first", { timeout: 30_000 }, () => {
    const { reviews } = checkContent("en", "2026-11-30");
    const dates = reviews.map((r) => r.lastReviewed);
    expect(dates).toEqual([...dates].sort());
  });
});

import { describe, expect, it } from "vitest";
import { MAX_GRADE, citationProblems, claimProblems, linkProblems, linkTargetsOf, readabilityProblems } from "@/lib/content/gates";
import { checkContent, formatProblem } from "@/lib/content/check";
import { claimRules } from "@/lib/content/claims";
import { readability, sentences } from "@/lib/content/readability";
import { headings, proseBlocks } from "@/lib/content/markdown";

const FILE = "content/en/articles/test.mdx";

/** The ids of the banned-claim rules that fire on a body. */
const firedRules = (body: string) =>
  claimProblems({ file: FILE, body })
    .filter((p) => p.gate === "claims")
    .map((p) => p.message.slice(0, p.message.indexOf(":")));

/** Uncited-percentage problems for a body. */
const uncited = (body: string) => claimProblems({ file: FILE, body }).filter((p) => p.gate === "citations");

describe("banned claims: each rule fires on the claim and not on its reasoned exception", () => {
  const cases: { rule: string; claim: string; fine?: string }[] = [
    { rule: "cure", claim: "IOP cures addiction.", fine: "There is no cure for addiction, but it can be treated." },
    { rule: "guarantee", claim: "We guarantee recovery.", fine: "No program can guarantee recovery." },
    { rule: "hundred-percent", claim: "Our program has 100% success. <Cite n={1} />", fine: 'Be wary of "100% success" claims.' },
    { rule: "hundred-percent", claim: "Care here is 100 percent confidential.", fine: 'A site that says "100 percent safe" is a red flag.' },
    { rule: "hipaa-compliant", claim: "Our form is HIPAA compliant.", fine: 'Ignore ads that say a website is "HIPAA-compliant".' },
    { rule: "total-confidentiality", claim: "Your visit is completely confidential.", fine: 'Watch out for promises like "totally private" care.' },
    { rule: "success-rate", claim: "Our success rate is 9 in 10 people." },
    { rule: "superlative", claim: "We are the best rehab in the state.", fine: 'Some ads call themselves the "best rehab" in town.' },
    { rule: "miracle", claim: "This is a breakthrough approach.", fine: 'Skip any program sold as a "miracle" fix.' },
    {
      rule: "most-effective",
      claim: "CBT is the most effective treatment.",
      fine: "Medication is the most effective treatment for opioid use disorder <Cite n={1} />.",
    },
    { rule: "clinically-proven", claim: "Group therapy is clinically proven.", fine: "Group therapy is clinically proven to help many people <Cite n={1} />." },
  ];

  it("covers every rule in claims.ts", () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(claimRules.map((r) => r.id)));
  });

  for (const { rule, claim, fine } of cases) {
    it(`${rule}: flags "${claim}"`, () => {
      expect(firedRules(claim)).toContain(rule);
    });
    if (fine) {
      it(`${rule}: allows "${fine}"`, () => {
        expect(firedRules(fine)).not.toContain(rule);
      });
    }
  }

  it("names the file and quotes the offending sentence", () => {
    const [p] = claimProblems({ file: FILE, body: "Some words here. We guarantee recovery." });
    expect(p).toMatchObject({ file: FILE, gate: "claims" });
    expect(p.message).toContain('In: "We guarantee recovery."');
  });

  it("judges each sentence on its own: a negation in another sentence does not excuse a claim", () => {
    expect(firedRules("Nothing is simple. IOP cures addiction.")).toEqual(["cure"]);
  });
});

describe("banned claims in reference titles", () => {
  let serial = 0;
  const ref = (title: string) => ({ title, publisher: "Pub", year: 2020, url: "https://example.org/page", id: `ref-${serial++}`, language: "en" as const });

  it("reads every reference title and names the reference by its number", () => {
    const problems = claimProblems({
      file: FILE,
      body: "Plain words.",
      references: [ref("Treatment Improvement Protocol 47"), ref("Contingency Management: The Most Effective Treatment You Never Tried")],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, gate: "claims" });
    expect(problems[0].message).toMatch(/^reference 2 title: most-effective: /);
    expect(problems[0].message).toContain("Contingency Management: The Most Effective Treatment You Never Tried");
  });

  it("applies each rule's exception to a title as to a sentence", () => {
    expect(
      claimProblems({ file: FILE, body: "Plain words.", references: [ref("There is no cure, but addiction is treatable"), ref("Relapse and recovery")] }),
    ).toEqual([]);
  });

  it("does not ask a reference title for a citation of its own", () => {
    expect(claimProblems({ file: FILE, body: "Plain words.", references: [ref("40% of people finish treatment"), ref("Another source")] })).toEqual([]);
  });
});

describe("percentages need a citation in the same sentence", () => {
  it("flags an uncited percentage", () => {
    const problems = uncited("About 40% of people finish the program.");
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain("About 40% of people finish the program.");
  });

  it("flags a percentage written as a word", () => {
    expect(uncited("About 40 percent of people finish the program.")).toHaveLength(1);
  });

  it("accepts a percentage with a <Cite /> in the sentence", () => {
    expect(uncited("About 40% of people finish the program <Cite n={1} />.")).toEqual([]);
  });

  it("accepts a <Cite /> placed after the sentence's full stop, as the articles write it", () => {
    expect(uncited("About 40% of people finish the program. <Cite n={1} />")).toEqual([]);
    expect(uncited("About 40% of people finish the program.<Cite n={1} /> Most say it helped.")).toEqual([]);
  });

  it("does not let the previous sentence's <Cite /> excuse an uncited percentage", () => {
    expect(uncited("Staff are trained. <Cite n={1} /> About 40% of people finish the program.")).toHaveLength(1);
  });

  it("splits the previous sentence's <Cite /> off with that sentence", () => {
    expect(sentences("Staff are trained. <Cite n={1} /> Most people finish.")).toEqual(["Staff are trained. <Cite n={1} />", "Most people finish."]);
  });
});

describe("citation numbers", () => {
  const refs = [
    { title: "First reference", publisher: "Pub", year: 2020, url: "https://example.org/1", id: "first", language: "en" as const },
    { title: "Second reference", publisher: "Pub", year: 2021, url: "https://example.org/2", id: "second", language: "en" as const },
  ];

  it("flags a <Cite /> beyond the number of references, and n={0}", () => {
    const problems = citationProblems({
      file: FILE,
      references: refs,
      body: "One <Cite n={1} />. Two <Cite n={2} />. Three <Cite n={3} />. Zero <Cite n={0} />.",
    });
    expect(problems.map((p) => p.message)).toEqual(["<Cite n={3} /> but there are 2 references", "<Cite n={0} /> but there are 2 references"]);
    expect(problems.every((p) => p.gate === "citations" && p.file === FILE)).toBe(true);
  });

  it("accepts citations within the reference list", () => {
    expect(citationProblems({ file: FILE, references: refs, body: "One <Cite n={1} />. Two <Cite n={2} />." })).toEqual([]);
  });
});

describe("internal links", () => {
  const routes = new Set(["/", "/articles", "/contact", "/articles/what-is-iop"]);
  const targets = linkTargetsOf(routes, [
    {
      path: "/articles/what-is-iop",
      body: "## How many hours?\n\ntext\n\n#### Costs\n",
      references: [{ title: "Only reference", publisher: "P", year: 2020, url: "https://example.org/1", id: "only", language: "en" }],
    },
  ]);
  const links = (body: string, references: { title: string; publisher: string; year: number; url: string; id: string; language: "en" | "es" }[] = []) =>
    linkProblems({ file: FILE, body, references }, targets);

  it("flags a link to a route that has no page", () => {
    expect(links("See [this](/articles/no-such-article).")).toEqual([
      { file: FILE, gate: "links", message: "internal link to /articles/no-such-article has no page" },
    ]);
  });

  it("flags an href in JSX too", () => {
    expect(links('<a href="/nowhere">x</a>')).toHaveLength(1);
  });

  it("accepts known routes, with a trailing slash, a query or an anchor, and same-page anchors and external links", () => {
    const body = [
      "## How many hours",
      "[a](/articles/what-is-iop)",
      "[b](/articles/what-is-iop/)",
      "[c](/contact#form)",
      "[d](/articles?category=basics)",
      "[e](#how-many-hours)",
      "[f](https://www.samhsa.gov/)",
      "[g](/)",
    ].join("\n\n");
    expect(links(body)).toEqual([]);
  });

  it("accepts a link to a heading of another article, at any level, and to its reference list", () => {
    expect(links("[a](/articles/what-is-iop#how-many-hours) [b](/articles/what-is-iop#costs) [c](/articles/what-is-iop#ref-1)")).toEqual([]);
  });

  it("flags a link to a heading another article does not have, naming the file and the link", () => {
    expect(links("[a](/articles/what-is-iop#how-much-does-it-cost)")).toEqual([
      { file: FILE, gate: "links", message: "link /articles/what-is-iop#how-much-does-it-cost names no heading of /articles/what-is-iop" },
    ]);
    expect(links("[a](/articles/what-is-iop#ref-2)")).toHaveLength(1);
  });

  it("flags a same-page anchor with no heading here, and accepts this page's headings and references", () => {
    expect(
      links("## Paying for care\n\n[a](#paying-for-care) [b](#ref-1)", [
        { title: "Only reference", publisher: "P", year: 2020, url: "https://example.org/1", id: "only", language: "en" },
      ]),
    ).toEqual([]);
    expect(links("## Paying for care\n\n[a](#paying)")).toEqual([{ file: FILE, gate: "links", message: "link #paying names no heading on this page" }]);
  });

  it("matches a percent-encoded fragment to the heading id it names", () => {
    expect(links("## Café hours\n\n[a](#caf%C3%A9-hours)")).toEqual([]);
  });
});

describe("readability", () => {
  it("allows grade 8 at most, for every article", () => {
    expect(MAX_GRADE).toBe(8);
  });

  const simple = "We meet a few times a week. You go home at night. You can bring a friend. We talk and we learn.";
  const dense = Array(6)
    .fill(
      "Comprehensive multidisciplinary interventions necessitate individualized pharmacological considerations alongside evidence-based psychotherapeutic modalities, particularly regarding comorbid psychiatric presentations and socioeconomic determinants.",
    )
    .join(" ");

  it("gives short plain sentences a low grade", () => {
    const r = readability(simple);
    expect(r.sentences).toBe(4);
    expect(r.grade).toBeLessThan(3);
    expect(readabilityProblems({ file: FILE, body: simple })).toEqual([]);
  });

  it("gives long polysyllabic sentences a grade above the limit, and the gate fails it", () => {
    const r = readability(dense);
    expect(r.grade).toBeGreaterThan(MAX_GRADE);
    const problems = readabilityProblems({ file: FILE, body: dense });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, gate: "readability" });
    expect(problems[0].message).toContain(`is above ${MAX_GRADE}`);
  });

  it("does not count headings or tables as sentences", () => {
    const withExtras = `## A heading with Extraordinarily Complicated Terminology\n\n| Column | Incomprehensibility |\n|---|---|\n| a | b |\n\n${simple}`;
    expect(readability(withExtras)).toEqual(readability(simple));
  });
});

describe("headings()", () => {
  it("gives duplicate headings the ids github-slugger (and so rehype-slug) gives them", () => {
    const body = "## Costs\n\ntext\n\n## Costs\n\n### What's *covered*?\n\n## Costs ##\n";
    expect(headings(body)).toEqual([
      { depth: 2, text: "Costs", id: "costs" },
      { depth: 2, text: "Costs", id: "costs-1" },
      { depth: 3, text: "What's covered?", id: "whats-covered" },
      { depth: 2, text: "Costs", id: "costs-2" },
    ]);
  });

  it("counts h1 and h4 headings towards duplicates without listing them, and ignores code fences", () => {
    const body = "# Costs\n\n```md\n## Costs\n```\n\n#### Costs\n\n## Costs\n";
    expect(headings(body)).toEqual([{ depth: 2, text: "Costs", id: "costs-2" }]);
  });

  it("uses the link text of a linked heading", () => {
    expect(headings("## See [levels of care](/articles/levels-of-care)\n")).toEqual([{ depth: 2, text: "See levels of care", id: "see-levels-of-care" }]);
  });
});

describe("proseBlocks()", () => {
  it("keeps paragraphs and list items, and drops headings, tables, imports, code and component tags", () => {
    const body = [
      'import { X } from "y";',
      "",
      "## Heading words",
      "",
      "First paragraph line one",
      "continues here with a [link](/contact) and **bold**.",
      "",
      "| Level | Hours |",
      "|---|---|",
      "| IOP | 9 |",
      "",
      "- First item",
      "- Second item",
      "",
      "```",
      "code words",
      "```",
      "",
      "<CenterTracks />",
      "",
      "<Note>",
      "",
      "A note inside.",
      "",
      "</Note>",
      "",
      "> A quoted line.",
    ].join("\n");
    expect(proseBlocks(body)).toEqual([
      "First paragraph line one continues here with a link and bold.",
      "First item",
      "Second item",
      "A note inside.",
      "A quoted line.",
    ]);
  });
});

describe("every real article passes every gate", () => {
  // The same call as the build step (scripts/build/check-content.ts); the date only affects warnings, never problems.
  it("has zero problems", { timeout: 30_000 }, () => {
    const { articles, problems } = checkContent("en", "2026-11-30");
    expect(articles.length).toBeGreaterThan(0);
    expect(problems, problems.map(formatProblem).join("\n")).toEqual([]);
  });
});

describe("banned claims in Spanish: each rule fires on the claim and not on its reasoned exception", () => {
  const ES_FILE = "content/es/articles/test.mdx";
  const firedEs = (body: string) =>
    claimProblems({ file: ES_FILE, body, locale: "es" })
      .filter((p) => p.gate === "claims")
      .map((p) => p.message.slice(0, p.message.indexOf(":")));
  const cases: { rule: string; claim: string; fine?: string }[] = [
    { rule: "cure", claim: "El IOP cura la adicción.", fine: "La adicción no tiene cura, pero se puede tratar." },
    { rule: "cure", claim: "Aquí se curan las adicciones.", fine: "Desconfíe de un programa que promete una “cura”." },
    { rule: "guarantee", claim: "Le garantizamos la recuperación.", fine: "Ningún programa puede garantizar la recuperación." },
    { rule: "guarantee", claim: "Su recuperación está garantizada.", fine: "Nadie puede garantizar un resultado." },
    { rule: "hundred-percent", claim: "Su consulta es 100% confidencial.", fine: "Desconfíe de las promesas de éxito «100% seguro»." },
    { rule: "hundred-percent", claim: "El programa funciona al 100 por ciento.", fine: "Un sitio que dice “100 por ciento privado” es una señal de alerta." },
    { rule: "hipaa-compliant", claim: "Nuestro formulario cumple con HIPAA.", fine: "Ignore los anuncios que dicen que un sitio “cumple con HIPAA”." },
    { rule: "total-confidentiality", claim: "Su visita es totalmente confidencial.", fine: "Cuidado con las promesas de atención “completamente privada”." },
    { rule: "success-rate", claim: "Nuestra tasa de éxito es 9 de cada 10 personas." },
    { rule: "superlative", claim: "Somos el mejor programa del estado.", fine: "Algunos anuncios dicen ser “el mejor centro” de la ciudad." },
    { rule: "superlative", claim: "Somos un centro líder en tratamiento.", fine: "Hay anuncios de un “centro líder” en todas partes." },
    { rule: "miracle", claim: "Es un método revolucionario.", fine: "Evite cualquier programa que se venda como un “milagro”." },
    {
      rule: "most-effective",
      claim: "La TCC es la terapia más eficaz.",
      fine: "Los medicamentos son el tratamiento más eficaz para el trastorno por consumo de opioides <Cite n={1} />.",
    },
    {
      rule: "clinically-proven",
      claim: "La terapia de grupo está clínicamente probada.",
      fine: "La terapia de grupo está clínicamente probada <Cite n={1} />.",
    },
  ];

  it("covers every English rule with its Spanish counterpart", () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(claimRules.map((r) => r.id)));
  });

  for (const { rule, claim, fine } of cases) {
    it(`${rule}: flags "${claim}"`, () => {
      expect(firedEs(claim)).toContain(rule);
    });
    if (fine) {
      it(`${rule}: allows "${fine}"`, () => {
        expect(firedEs(fine)).not.toContain(rule);
      });
    }
  }

  it("does not read ordinary Spanish words as claims (curso, procurar, seguro, curiosidad)", () => {
    expect(firedEs("Procure hacer un curso. Su seguro puede pagar. Tenga curiosidad.")).toEqual([]);
  });

  it("asks for a citation beside a Spanish percentage", () => {
    const problems = claimProblems({ file: ES_FILE, body: "Cerca del 40 por ciento termina el programa.", locale: "es" });
    expect(problems.map((p) => p.gate)).toEqual(["citations"]);
  });

  it("judges an English-only reference title by the English rules, on a Spanish page", () => {
    const ref = (title: string, language: "en" | "es") => ({
      title,
      publisher: "Pub",
      year: 2020,
      url: "https://example.org/x",
      id: title.length.toString(),
      language,
    });
    const problems = claimProblems({
      file: ES_FILE,
      body: "Texto.",
      locale: "es",
      references: [ref("The Most Effective Treatment", "en"), ref("La mejor clínica", "es")],
    });
    expect(problems.map((p) => p.message.replace(/:.*$/, ""))).toEqual(["reference 1 title", "reference 2 title"]);
  });
});

describe("readability in each language", () => {
  it("holds Spanish articles to INFLESZ, not to Flesch-Kincaid", () => {
    const easy = "Usted vive en su casa. Va a sus sesiones. Su familia le ayuda.";
    expect(readabilityProblems({ file: "content/es/articles/x.mdx", body: easy, locale: "es" })).toEqual([]);
    const hard =
      "La implementación interdisciplinaria de intervenciones psicoterapéuticas individualizadas, complementadas con farmacoterapia especializada, constituye la característica fundamental de la organización contemporánea de los programas terapéuticos.";
    const [p] = readabilityProblems({ file: "content/es/articles/x.mdx", body: hard, locale: "es" });
    expect(p.message).toMatch(/^INFLESZ .* is below 55 \("normal"\)$/);
  });
});

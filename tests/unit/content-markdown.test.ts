import { describe, expect, it } from "vitest";
import { evaluate } from "@mdx-js/mdx";
import { createElement, type ComponentType, type ReactNode } from "react";
import * as runtime from "react/jsx-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import rehypeSlug from "rehype-slug";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { citationProblems, claimProblems, linkProblems, linkTargetsOf } from "@/lib/content/gates";
import { ContentError, getArticle, parseArticle } from "@/lib/content/load";
import { center } from "@/content/center";
import { drugTestingSentences, virtualSentence } from "@/lib/center/format";
import { citedNumbers, faqEntries, headingIds, headings, linkTargets, proseBlocks, readMdx } from "@/lib/content/markdown";
import { faqPage } from "@/lib/seo/structured-data";
import { tags } from "../helpers/html";

const FILE = "content/en/articles/test.mdx";
const refs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    title: `Reference ${i + 1}`,
    publisher: "Publisher",
    year: 2024,
    url: `https://example.org/${i + 1}`,
    id: `reference-${i + 1}`,
    language: "en" as const,
  }));

/**
 * The heading ids of the page @next/mdx renders from a source: the same MDX compiler and plugins as next.config.ts
 * (remark-frontmatter, remark-gfm, rehype-slug), rendered with stand-ins for the site's components.
 */
async function renderedIds(source: string): Promise<string[]> {
  const { default: Body } = await evaluate(source, { ...runtime, remarkPlugins: [remarkFrontmatter, remarkGfm], rehypePlugins: [rehypeSlug] });
  const Cite = () => createElement("sup", null, "[1]");
  const CenterName = () => createElement("span", null, "Example Center");
  const Note = ({ children }: { children?: ReactNode }) => createElement("aside", null, children);
  const html = renderToStaticMarkup(createElement(Body as ComponentType<{ components: object }>, { components: { Cite, CenterName, Note } }));
  // Read with the HTML parser: ids come back with their entities decoded, as the browser sees them.
  return tags(html)
    .filter((t) => /^h[1-6]$/.test(t.name) && t.attrs.id !== undefined)
    .map((t) => t.attrs.id);
}

describe("heading ids are the ones the rendered page has", () => {
  const source = [
    "# Costs",
    "## Using `naltrexone` with *care*",
    "## A heading that cites <Cite n={2} />",
    "## <CenterName /> hours",
    "## Snake_case and a `*` star",
    "## Café & “quotes” — and (brackets)",
    "## Line<br/>break",
    "## Costs",
    "### What's **covered**?",
    "#### Costs",
    "```md\n## Costs in a code block\n```",
    "~~~\n## Costs in a tilde fence\n~~~",
    "<Note>\n\n## Costs inside a note\n\n</Note>",
    "## See [levels of care](/articles/levels-of-care)",
  ].join("\n\n");

  it("gives every heading, at every level, the id rehype-slug gives it through @next/mdx's compiler", async () => {
    expect(headingIds(source)).toEqual(await renderedIds(source));
  });

  it("lists h2 and h3 in the table of contents, with their plain text", () => {
    expect(headings(source).map((h) => [h.depth, h.text])).toEqual([
      [2, "Using naltrexone with care"],
      [2, "A heading that cites"],
      [2, "hours"],
      [2, "Snake_case and a * star"],
      [2, "Café & “quotes” — and (brackets)"],
      [2, "Linebreak"],
      [2, "Costs"],
      [3, "What's covered?"],
      [2, "Costs inside a note"],
      [2, "See levels of care"],
    ]);
  });

  it("keeps inline code and emphasis words in a heading, where a regex stripped * and _ inside them", () => {
    expect(headings("## The `*` and `_` signs in *italic_words*\n")).toEqual([
      { depth: 2, text: "The * and _ signs in italic_words", id: "the--and-_-signs-in-italic_words" },
    ]);
  });

  it("finds no heading in a code block, whichever fence it uses", () => {
    expect(headings("```\n## One\n```\n\n~~~md\n## Two\n~~~\n\n````\n```\n## Three\n```\n````\n")).toEqual([]);
  });
});

describe("links come from the tree", () => {
  it("reads a URL with parentheses whole", () => {
    expect(linkTargets("See [the page](https://en.wikipedia.org/wiki/Naltrexone_(medication)) and [this](/articles/what-is-iop#a_(b)).")).toEqual([
      "https://en.wikipedia.org/wiki/Naltrexone_(medication)",
      "/articles/what-is-iop#a_(b)",
    ]);
  });

  it("reads titled links, reference definitions, bare URLs and JSX hrefs, and no image or code", () => {
    const body = [
      '[a](/contact "Contact us")',
      "[b][def]",
      "[def]: /privacy",
      "A bare URL, https://www.samhsa.gov/find-help, is a link too (GFM).",
      '<a href="/about">About</a>',
      "![A chart](/images/chart.png)",
      "`[c](/in-code)`",
      '```\n[d](/in-fence) <a href="/in-fence-too">x</a>\n```',
    ].join("\n\n");
    expect(linkTargets(body)).toEqual(["/contact", "/privacy", "https://www.samhsa.gov/find-help", "/about"]);
  });

  it("checks the whole URL, so a broken link with parentheses is caught", () => {
    const targets = linkTargetsOf(new Set(["/articles/what-is-iop"]), []);
    expect(linkProblems({ file: FILE, body: "[x](/articles/what_(is)-iop)", references: [] }, targets)).toEqual([
      { file: FILE, gate: "links", message: "internal link to /articles/what_(is)-iop has no page" },
    ]);
  });
});

describe("prose comes from the tree", () => {
  it("gives each item of a nested list its own block, and keeps an item's continuation line with it", () => {
    const body = [
      "- Parent item",
      "  that goes on",
      "  - Child *one*",
      "  - Child two",
      "    1. Grandchild",
      "- Second parent",
      "",
      "  Its second paragraph.",
    ].join("\n");
    expect(proseBlocks(body)).toEqual(["Parent item that goes on", "Child one", "Child two", "Grandchild", "Second parent", "Its second paragraph."]);
  });

  it("reads paragraphs inside components and blockquotes, and drops imports, expressions, code and tables", () => {
    const body = [
      'import { X } from "y";',
      "<Note>\n\nIn a *note*.\n\n</Note>",
      "> Quoted.",
      "{/* a comment */}",
      "```\nno\n```",
      "| A | B |\n|---|---|\n| c | d |",
    ].join("\n\n");
    expect(proseBlocks(body)).toEqual(["In a note.", "Quoted."]);
  });
});

describe("citations come from the tree", () => {
  const table = "| Level | Hours |\n|---|---|\n| IOP | 9 or more <Cite n={4} /> |\n";

  it("counts a <Cite /> in a table cell, inline or on its own line, and none in code", () => {
    expect(citedNumbers(`${table}\nText <Cite n={1} />.\n\n<Cite n={2} />\n\n\`<Cite n={8} />\`\n\n\`\`\`\n<Cite n={9} />\n\`\`\`\n`)).toEqual([4, 1, 2]);
  });

  it("fails a <Cite /> in a table cell beyond the reference list", () => {
    expect(citationProblems({ file: FILE, body: table, references: refs(3) })).toEqual([
      { file: FILE, gate: "citations", message: "<Cite n={4} /> but there are 3 references" },
    ]);
  });

  it("fails a <Cite /> whose n is not a plain number, which a regex skipped", () => {
    expect(citationProblems({ file: FILE, body: 'One <Cite n="1" />. Two <Cite n={one} />.', references: refs(3) }).map((p) => p.message)).toEqual([
      '<Cite n="1" />: n must be a reference number, written n={k}',
      "<Cite n={one} />: n must be a reference number, written n={k}",
    ]);
  });

  it("asks for a citation for a percentage in a table cell, and accepts one cited there", () => {
    const uncited = claimProblems({ file: FILE, body: "| Finished | Share |\n|---|---|\n| IOP | 38% |\n" }).filter((p) => p.gate === "citations");
    expect(uncited).toHaveLength(1);
    expect(claimProblems({ file: FILE, body: "| Finished | Share |\n|---|---|\n| IOP | 38% <Cite n={1} /> |\n" })).toEqual([]);
  });

  it("reads banned claims in headings and table cells too", () => {
    const fired = claimProblems({ file: FILE, body: "## We cure addiction\n\n| Program | Claim |\n|---|---|\n| Ours | Guaranteed results |\n" });
    expect(fired.map((p) => p.message.slice(0, p.message.indexOf(":")))).toEqual(["cure", "guarantee"]);
  });
});

describe("FAQ questions come from the tree", () => {
  const body = [
    "Intro text.",
    "## Questions",
    "### Can I use `naltrexone` while in *IOP*?",
    "Yes, often <Cite n={1} />. Ask [your team](/contact).",
    "- It blocks opioids.\n- You must be off opioids first.",
    "| Table | Skipped |\n|---|---|\n| a | b |",
    "### Not a question",
    "Text that answers nothing.",
    "### Will my employer know?",
    "Usually not.",
    "## Next steps",
    "Call us.",
  ].join("\n\n");

  it("pairs each h3 question with the plain text of the paragraphs and list items under it, up to the next h2 or h3", () => {
    expect(faqEntries(body)).toEqual([
      { question: "Can I use naltrexone while in IOP?", answer: "Yes, often. Ask your team. It blocks opioids. You must be off opioids first." },
      { question: "Will my employer know?", answer: "Usually not." },
    ]);
  });

  it("adds the words a config component shows in an answer, and nothing for a component it does not know", () => {
    const withComponents = "### Can I join by video?\n\nSome programs do.\n\n<CenterVirtual />\n\n<Unknown />\n\n### Next?\n\nYes.";
    expect(faqEntries(withComponents, (name) => (name === "CenterVirtual" ? "Our evening track meets by video." : undefined))).toEqual([
      { question: "Can I join by video?", answer: "Some programs do. Our evening track meets by video." },
      { question: "Next?", answer: "Yes." },
    ]);
    expect(faqEntries(withComponents)[0].answer).toBe("Some programs do.");
  });

  it("publishes the center's own answers in FAQPage structured data, as the page shows them", () => {
    const faq = faqPage(getArticle("en", "iop-faq")!);
    const online = faq.mainEntity.find((q) => q.name === "Can I do IOP online?");
    expect(online?.acceptedAnswer.text).toContain(virtualSentence(center, "en"));
    const tested = faq.mainEntity.find((q) => q.name === "Will I be drug tested?");
    expect(tested?.acceptedAnswer.text).toContain(drugTestingSentences(center, "en").join(" "));
  });

  it("publishes them as FAQPage structured data with no markup", () => {
    const source = `---\ntitle: "Questions people ask about IOP"\ndescription: "${"Plain answers to common questions about intensive outpatient treatment. ".repeat(1)}"\nsummary: "Short, plain answers to the questions people ask most before starting."\ncategory: planning\nkind: faq\npublished: "2026-11-27"\nupdated: "2026-11-27"\nlastReviewed: "2026-11-27"\nreferences:\n  - { title: "First source", publisher: "Pub", year: 2024, url: "https://example.org/1", id: first, language: en }\n  - { title: "Second source", publisher: "Pub", year: 2024, url: "https://example.org/2", id: second, language: en }\n---\n\n${body}\n`;
    const faq = faqPage(parseArticle(source, "content/en/articles/iop-faq.mdx", "en"));
    expect(faq.mainEntity.map((q) => q.name)).toEqual(["Can I use naltrexone while in IOP?", "Will my employer know?"]);
    for (const q of faq.mainEntity) expect(q.acceptedAnswer.text).not.toMatch(/<[A-Za-z]|\]\(|\*\*|`/);
  });
});

describe("the file is parsed once, frontmatter included", () => {
  const source = '---\ntitle: "x"\n---\n\n## First\n\nText.\n\n---\n\nAfter a rule.\n';

  it("splits the frontmatter (and its line break) from the body at the frontmatter node, not at a later ---", () => {
    const doc = readMdx(source);
    expect(doc.frontmatter).toBe('title: "x"');
    expect(doc.body).toBe("\n## First\n\nText.\n\n---\n\nAfter a rule.\n");
    expect(readMdx(doc.body).headings).toEqual(doc.headings);
  });

  it("names the file, line and column of MDX that cannot compile", () => {
    const src = '---\ntitle: "x"\n---\n\n## First\n\n<Note>\n\nNever closed.\n';
    expect(() => parseArticle(src, FILE, "en")).toThrow(ContentError);
    expect(() => parseArticle(src, FILE, "en")).toThrow(/^content\/en\/articles\/test\.mdx: not valid MDX: Expected a closing tag for `<Note>` \(7:1-7:7\)$/);
  });
});

import GithubSlugger from "github-slugger";

/**
 * Small, dependency-free readers of an MDX body. They see the same text that @next/mdx renders, so the table of
 * contents, reading time, readability and link checks all agree with the page.
 */

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** Removes fenced code, JSX/HTML tags, imports and exports, keeping the prose. */
function withoutCode(body: string): string {
  return body.replace(/```[\s\S]*?```/g, "");
}

/** Plain text of markdown inline syntax: links keep their words, emphasis and code marks go. */
function inlineText(md: string): string {
  return md
    .replace(/<Cite[^>]*\/>/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/[*_`~]/g, "")
    .trim();
}

/** Every heading, h1 to h6, with the id rehype-slug gives it (it uses the same slugger, counting all levels). */
function allHeadings(body: string): { depth: number; text: string; id: string }[] {
  const slugger = new GithubSlugger();
  const out: { depth: number; text: string; id: string }[] = [];
  for (const line of withoutCode(body).split("\n")) {
    const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = inlineText(m[2]);
    out.push({ depth: m[1].length, text, id: slugger.slug(text) });
  }
  return out;
}

/** The h2 and h3 headings, with the ids rehype-slug gives them (it uses the same slugger). */
export function headings(body: string): Heading[] {
  return allHeadings(body).filter((h): h is Heading => h.depth === 2 || h.depth === 3);
}

/** The id of every heading on the rendered page, any level: what a `#fragment` link to the article can target. */
export function headingIds(body: string): string[] {
  return allHeadings(body).map((h) => h.id);
}

/**
 * Prose as a reader meets it, one block per paragraph or list item. Headings, tables, code, JSX blocks and
 * blockquote markers are dropped: they are not sentences and would skew a readability score.
 */
export function proseBlocks(body: string, opts: { raw?: boolean } = {}): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(opts.raw ? current.join(" ").trim() : inlineText(current.join(" ")));
    current = [];
  };
  let inJsxBlock = 0;
  for (const raw of withoutCode(body).split("\n")) {
    const line = raw.trim();
    if (/^<([A-Z][A-Za-z]*)\b[^>]*[^/]>$/.test(line)) {
      flush();
      inJsxBlock++;
      continue;
    }
    if (/^<\/[A-Z][A-Za-z]*>$/.test(line)) {
      flush();
      inJsxBlock = Math.max(0, inJsxBlock - 1);
      continue;
    }
    if (line === "" || /^#{1,6}\s/.test(line) || line.startsWith("|") || /^(import|export)\s/.test(line) || /^<[A-Z].*\/>$/.test(line)) {
      flush();
      continue;
    }
    if (/^([-*+]|\d+\.)\s+/.test(line)) {
      flush();
      current.push(line.replace(/^([-*+]|\d+\.)\s+/, ""));
      continue;
    }
    current.push(line.replace(/^>\s?/, ""));
  }
  flush();
  return blocks.filter((b) => b.length > 0);
}

/** Every markdown link target in the body (internal and external). */
export function linkTargets(body: string): string[] {
  const out: string[] = [];
  for (const m of withoutCode(body).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push(m[1]);
  for (const m of body.matchAll(/href="([^"]+)"/g)) out.push(m[1]);
  return out;
}

/** The reference numbers cited in the body with <Cite n={…} />. */
export function citedNumbers(body: string): number[] {
  return [...body.matchAll(/<Cite\s+n=\{(\d+)\}\s*\/>/g)].map((m) => Number(m[1]));
}

/** Every word a reader sees in the body: prose blocks, headings and table cells (for review-freshness detection). */
export function readerText(body: string): string {
  const cells = withoutCode(body)
    .split("\n")
    .filter((l) => l.trim().startsWith("|") && !/^\s*\|[\s|:-]*$/.test(l))
    .flatMap((l) => l.split("|").map(inlineText));
  return [...proseBlocks(body), ...allHeadings(body).map((h) => h.text), ...cells].filter(Boolean).join("\n");
}

export function wordCount(body: string): number {
  return proseBlocks(body).join(" ").split(/\s+/).filter(Boolean).length;
}

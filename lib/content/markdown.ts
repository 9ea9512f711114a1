import GithubSlugger from "github-slugger";
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * An MDX file read once, as the syntax tree @next/mdx renders from (remark-parse with the same syntax plugins,
 * in the same order: MDX, then frontmatter and GFM as next.config.ts lists them). The table of contents, the prose
 * the gates read, link targets, citation numbers and FAQ questions all come from that one tree, so they agree with
 * the page: a `##` in a code block is no heading, a URL with parentheses is one link, a <Cite /> in a table cell
 * counts.
 */

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** A <Cite /> as written: `n` is its number, or null when `n={…}` is not a plain whole number. */
interface Citation {
  n: number | null;
  /** How the element was written, for messages: `<Cite n={3} />`. */
  source: string;
}

export interface FaqEntry {
  question: string;
  answer: string;
}

/** An answer as read from the tree: prose, and the components (e.g. `<CenterVirtual />`) that render config text. */
interface FaqSource {
  question: string;
  parts: ({ text: string } | { component: string })[];
}

/** Everything the site reads out of one MDX source. */
export interface MdxDocument {
  /** The YAML frontmatter's source text, or null when the file has none. */
  frontmatter: string | null;
  /** The source without its frontmatter (and the line break after it): what the page renders. */
  body: string;
  /** Every heading, h1 to h6, in order, with the id rehype-slug gives it on the page. */
  headings: { depth: number; text: string; id: string }[];
  /** Paragraphs and list items as plain text (what readability scores). */
  prose: string[];
  /** What the claims gate reads: prose, headings and table cells, each <Cite /> kept as `<Cite n={k} />`. */
  claimBlocks: string[];
  /** Every link target: markdown links, definitions, and `href` of JSX elements (images are not links). */
  links: string[];
  citations: Citation[];
  /** The name of every JSX element in the body, once each per use (e.g. "Note", "Placeholder"). */
  components: string[];
  /** "### Question?" sections and the prose that answers each, up to the next h2 or h3. */
  faq: FaqSource[];
  /** Every word a reader sees in the body (prose, headings, table cells), one block a line. */
  text: string;
}

export class MdxSyntaxError extends Error {}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm);

type JsxElement = Extract<RootContent, { type: "mdxJsxFlowElement" | "mdxJsxTextElement" }>;
const isJsx = (node: Nodes): node is JsxElement => node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";

/** A JSX attribute's literal string value (`href="/x"`), or the source of its expression (`n={3}` → "3"). */
function attribute(node: JsxElement, name: string): { literal?: string; expression?: string } | undefined {
  for (const a of node.attributes) {
    if (a.type !== "mdxJsxAttribute" || a.name !== name) continue;
    if (typeof a.value === "string") return { literal: a.value };
    if (a.value && typeof a.value === "object") return { expression: a.value.value };
    return {};
  }
  return undefined;
}

function citation(node: JsxElement): Citation {
  const n = attribute(node, "n");
  const source = n?.expression !== undefined ? `<Cite n={${n.expression}} />` : n?.literal !== undefined ? `<Cite n="${n.literal}" />` : "<Cite />";
  const value = n?.expression?.trim();
  return { n: value !== undefined && /^\d+$/.test(value) ? Number(value) : null, source };
}

/**
 * A heading's text exactly as rehype-slug reads it on the page: hast-util-to-string over the element remark-rehype
 * makes of it, i.e. text and inline code values, a line break as "\n", the children of links, emphasis and JSX
 * elements; nothing from images, expressions or self-closing components.
 */
function slugText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "image":
    case "imageReference":
    case "footnoteReference":
    case "html":
    case "mdxTextExpression":
      return "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(slugText).join("") : "";
  }
}

/** Plain text of inline content, for prose: each <Cite /> dropped, or kept as `<Cite n={k} />` when `marked`. */
function inlineText(nodes: readonly PhrasingContent[] | readonly Nodes[], marked: boolean): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text" || node.type === "inlineCode") out += node.value;
    else if (node.type === "break") out += " ";
    else if (node.type === "image") out += node.alt ?? "";
    else if (isJsx(node) && node.name === "Cite") out += marked ? ` ${citation(node).source} ` : "";
    else if ("children" in node) out += inlineText(node.children as Nodes[], marked);
  }
  return out;
}

// A citation removed before its sentence's full stop leaves "word ." : the space goes with it.
const squash = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/ ([.,;:!?])/g, "$1")
    .trim();

/** Reads the tree once, collecting every part of the document in order. */
function collect(tree: Root, source: string): MdxDocument {
  const doc: MdxDocument = {
    frontmatter: null,
    body: source,
    headings: [],
    prose: [],
    claimBlocks: [],
    links: [],
    citations: [],
    components: [],
    faq: [],
    text: "",
  };
  const slugger = new GithubSlugger();
  const seen: string[] = [];
  let question: FaqSource | null = null;
  const endQuestion = () => {
    if (question) doc.faq.push(question);
    question = null;
  };

  const visit = (node: Nodes) => {
    if (node.type === "yaml") {
      doc.frontmatter ??= node.value;
      return;
    }
    if (node.type === "code" || node.type === "mdxjsEsm" || node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") return;
    if (node.type === "link" || node.type === "definition") doc.links.push(node.url);
    if (isJsx(node)) {
      if (node.name) doc.components.push(node.name);
      if (node.name === "Cite") doc.citations.push(citation(node));
      // A component on a line of its own inside an answer: its words come from config, resolved by the caller.
      else if (node.type === "mdxJsxFlowElement" && node.name && node.children.length === 0) question?.parts.push({ component: node.name });
      const href = attribute(node, "href")?.literal;
      if (href !== undefined) doc.links.push(href);
    }
    if (node.type === "heading") {
      const raw = slugText(node);
      const text = squash(raw);
      doc.headings.push({ depth: node.depth, text, id: slugger.slug(raw) });
      seen.push(text);
      doc.claimBlocks.push(squash(inlineText(node.children, true)));
      if (node.depth <= 3) endQuestion();
      if (node.depth === 3 && text.endsWith("?")) question = { question: text, parts: [] };
    } else if (node.type === "paragraph") {
      const plain = squash(inlineText(node.children, false));
      if (plain) {
        doc.prose.push(plain);
        seen.push(plain);
        question?.parts.push({ text: plain });
      }
      const marked = squash(inlineText(node.children, true));
      if (marked) doc.claimBlocks.push(marked);
    } else if (node.type === "tableCell") {
      const plain = squash(inlineText(node.children, false));
      if (plain) seen.push(plain);
      const marked = squash(inlineText(node.children, true));
      if (marked) doc.claimBlocks.push(marked);
    }
    if ("children" in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(tree);
  endQuestion();
  doc.text = seen.join("\n");
  return doc;
}

const cache = new Map<string, MdxDocument>();
const CACHE_LIMIT = 500;

/**
 * Parses an MDX source (a whole file with frontmatter, or a body) and reads everything from its tree. Memoized
 * by source, so the loader, the gates and structured data share one parse. Throws MdxSyntaxError, naming the line
 * and column, for MDX that @next/mdx could not compile either (an unclosed tag, a stray `{` or `<`).
 */
export function readMdx(source: string): MdxDocument {
  const hit = cache.get(source);
  if (hit) return hit;
  let tree: Root;
  try {
    tree = processor.parse(source);
  } catch (e) {
    // micromark's message ends with the place, e.g. "Expected a closing tag for `<Note>` (7:1-7:7)".
    throw new MdxSyntaxError((e as Error).message);
  }
  const doc = collect(tree, source);
  remember(source, doc);
  const yaml = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
  if (yaml?.position?.end.offset !== undefined) {
    // The body parses to the same tree minus the frontmatter: remember it too, so reading it costs no second parse.
    doc.body = source.slice(yaml.position.end.offset).replace(/^\r?\n/, "");
    remember(doc.body, { ...doc, frontmatter: null });
  }
  return doc;
}

function remember(source: string, doc: MdxDocument) {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, doc);
}

/** The h2 and h3 headings, with the ids rehype-slug gives them on the page. */
export function headings(source: string): Heading[] {
  return readMdx(source).headings.filter((h): h is Heading => h.depth === 2 || h.depth === 3);
}

/** The id of every heading on the rendered page, any level: what a `#fragment` link to the article can target. */
export function headingIds(source: string): string[] {
  return readMdx(source).headings.map((h) => h.id);
}

/**
 * Prose as a reader meets it, one block per paragraph (a list item's, a blockquote's or a <Note>'s too), as plain
 * text. Headings, tables, code, imports and component tags are not prose: they would skew a readability score.
 */
export function proseBlocks(source: string): string[] {
  return readMdx(source).prose;
}

/** How many times the body uses a component, e.g. the <Placeholder> boxes a center must fill before launch. */
export function componentCount(source: string, name: string): number {
  return readMdx(source).components.filter((c) => c === name).length;
}

/** Every link target in the body (internal and external). */
export function linkTargets(source: string): string[] {
  return readMdx(source).links;
}

/** The reference numbers cited with <Cite n={…} /> (flow or inline, in any block); unreadable ones are left out. */
export function citedNumbers(source: string): number[] {
  return readMdx(source)
    .citations.map((c) => c.n)
    .filter((n): n is number => n !== null);
}

/**
 * An faq article's questions ("### Question?" headings) and the plain text that answers each. A component standing
 * in an answer adds the words `componentText` gives for its name (none when it gives undefined).
 */
export function faqEntries(source: string, componentText: (name: string) => string | undefined = () => undefined): FaqEntry[] {
  return readMdx(source).faq.map((f) => ({
    question: f.question,
    answer: squash(f.parts.map((p) => ("text" in p ? p.text : (componentText(p.component) ?? ""))).join(" ")),
  }));
}

/** Every word a reader sees in the body: prose, headings and table cells (for review-freshness detection). */
export function readerText(source: string): string {
  return readMdx(source).text;
}

export function wordCount(source: string): number {
  return proseBlocks(source).join(" ").split(/\s+/).filter(Boolean).length;
}

// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { articleFrontmatterSchema, type ArticleFrontmatter, type Category } from "./schema";
import { MdxSyntaxError, headings, readMdx, wordCount, type Heading } from "./markdown";
import type { Locale } from "@/lib/i18n/locales";
import { center } from "@/content/center";

/** A clinician as the center's config names them. */
export interface Reviewer {
  name: string;
  credentials: string;
}

export interface Article extends Omit<ArticleFrontmatter, "reviewer"> {
  /** The reviewer named by id in the frontmatter, looked up in the center's list. */
  reviewer?: Reviewer;
  slug: string;
  locale: Locale;
  /** Path of the source file relative to the project, for error messages. */
  file: string;
  body: string;
  toc: Heading[];
  readingMinutes: number;
}

export class ContentError extends Error {}

const WORDS_PER_MINUTE = 200;

/** Splits a file into its YAML frontmatter and MDX body, from the file's syntax tree (the frontmatter node). */
function splitFrontmatter(source: string, file: string): { data: unknown; body: string } {
  let doc;
  try {
    doc = readMdx(source);
  } catch (e) {
    if (e instanceof MdxSyntaxError) throw new ContentError(`${file}: not valid MDX: ${e.message}`);
    throw e;
  }
  if (doc.frontmatter === null) throw new ContentError(`${file}: missing YAML frontmatter (the file must start with a --- block)`);
  let data: unknown;
  try {
    data = parseYaml(doc.frontmatter);
  } catch (e) {
    throw new ContentError(`${file}: frontmatter is not valid YAML: ${(e as Error).message}`);
  }
  return { data, body: doc.body };
}

/**
 * Validates one article's source text; throws a ContentError naming the file and each wrong field, or a reviewer
 * id that is not among `reviewers` (the center's list, by default).
 */
export function parseArticle(
  source: string,
  file: string,
  locale: Locale,
  reviewers: readonly (Reviewer & { id: string; languages?: readonly Locale[] })[] = center.reviewers,
): Article {
  const { data, body } = splitFrontmatter(source, file);
  const result = articleFrontmatterSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(frontmatter)"}: ${i.message}`);
    throw new ContentError(`${file}: invalid frontmatter\n${lines.join("\n")}`);
  }
  const slug = path.basename(file, ".mdx");
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new ContentError(`${file}: file name must be a lowercase slug`);
  const { reviewer: reviewerId, ...frontmatter } = result.data;
  const reviewer = reviewerId === undefined ? undefined : reviewers.find((r) => r.id === reviewerId);
  if (reviewerId !== undefined && !reviewer) throw new ContentError(`${file}: reviewer: no clinician with id "${reviewerId}" in reviewers (content/center.ts)`);
  // A reviewer vouches for the words a reader sees: only in a language they review in.
  if (reviewer && !(reviewer.languages ?? ["en"]).includes(locale))
    throw new ContentError(`${file}: reviewer: "${reviewerId}" does not review ${locale} pages (languages in reviewers, content/center.ts)`);
  return {
    ...frontmatter,
    ...(reviewer ? { reviewer: { name: reviewer.name, credentials: reviewer.credentials } } : {}),
    slug,
    locale,
    file,
    body,
    toc: headings(body),
    readingMinutes: Math.max(1, Math.round(wordCount(body) / WORDS_PER_MINUTE)),
  };
}

/** Where a locale's articles live. Statically scoped to content/ so the build traces only that folder. */
function contentDir(locale: Locale): string {
  return path.join(process.cwd(), "content", locale, "articles");
}

const cache = new Map<Locale, Article[]>();

/** All articles of a locale, validated, with cross-article checks (related slugs must exist). */
export function loadArticles(locale: Locale): Article[] {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = contentDir(locale);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".mdx"))
        .sort()
    : [];
  const articles = files.map((f) => parseArticle(fs.readFileSync(path.join(dir, f), "utf8"), path.relative(process.cwd(), path.join(dir, f)), locale));
  const slugs = new Set(articles.map((a) => a.slug));
  for (const a of articles) {
    for (const r of a.related) {
      if (!slugs.has(r)) throw new ContentError(`${a.file}: related: no article with slug "${r}"`);
      if (r === a.slug) throw new ContentError(`${a.file}: related: an article cannot relate to itself`);
    }
  }
  articles.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  cache.set(locale, articles);
  return articles;
}

export function getArticle(locale: Locale, slug: string): Article | undefined {
  return loadArticles(locale).find((a) => a.slug === slug);
}

export function articlesByCategory(locale: Locale): Map<Category, Article[]> {
  const map = new Map<Category, Article[]>();
  for (const a of loadArticles(locale)) map.set(a.category, [...(map.get(a.category) ?? []), a]);
  return map;
}

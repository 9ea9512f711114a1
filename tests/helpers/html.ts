/**
 * Just enough HTML reading for tests of server-rendered pages: opening tags with their attributes, found by id
 * or name. Not a parser; good for markup React renders (double-quoted attributes, escaped values).
 */
export interface Tag {
  name: string;
  attrs: Record<string, string>;
  raw: string;
  index: number;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

export function tags(html: string, name?: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(TAG)) {
    if (name && m[1].toLowerCase() !== name.toLowerCase()) continue;
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(ATTR)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
    out.push({ name: m[1].toLowerCase(), attrs, raw: m[0], index: m.index });
  }
  return out;
}

export const tagById = (html: string, id: string): Tag | undefined => tags(html).find((t) => t.attrs.id === id);

/** The text inside an element found by its id (e.g. a textarea's content), entities decoded. */
export function innerTextById(html: string, tagName: string, id: string): string | undefined {
  const t = tags(html, tagName).find((x) => x.attrs.id === id);
  if (!t) return undefined;
  const start = t.index + t.raw.length;
  const end = html.indexOf(`</${tagName}>`, start);
  return end === -1 ? undefined : decodeEntities(html.slice(start, end));
}

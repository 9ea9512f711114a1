import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";

/**
 * HTML reading for tests of server-rendered pages, with the same parser the build uses (parse5, the WHATWG algorithm
 * browsers apply): elements with their attributes (entities decoded), found by name or id.
 */
type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** The start tag as written in the source. */
  raw: string;
  /** Where the element starts in the source. */
  index: number;
  element: Element;
}

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if ("tagName" in n) out.push(n);
    if ("childNodes" in n) for (const c of n.childNodes) visit(c);
    if ("tagName" in n && n.tagName === "template") visit((n as DefaultTreeAdapterMap["template"]).content);
  };
  visit(node);
  return out;
}

function toTag(html: string, el: Element): Tag {
  const loc = el.sourceCodeLocation;
  return {
    name: el.tagName,
    attrs: Object.fromEntries(el.attrs.map((a) => [a.name, a.value])),
    raw: loc?.startTag ? html.slice(loc.startTag.startOffset, loc.startTag.endOffset) : "",
    index: loc?.startOffset ?? -1,
    element: el,
  };
}

/** Every element written in the source (those the parser implies, such as a missing <head>, are left out). */
export function tags(html: string, name?: string): Tag[] {
  return elements(parse(html, { sourceCodeLocationInfo: true }))
    .filter((el) => el.sourceCodeLocation && (!name || el.tagName === name.toLowerCase()))
    .map((el) => toTag(html, el));
}

export const tagById = (html: string, id: string): Tag | undefined => tags(html).find((t) => t.attrs.id === id);

/** The elements inside `tag` (e.g. a <select>'s options), optionally only those named `name`. */
export function within(html: string, tag: Tag, name?: string): Tag[] {
  return elements(tag.element)
    .filter((el) => el !== tag.element && (!name || el.tagName === name.toLowerCase()))
    .map((el) => toTag(html, el));
}

/** The text inside an element (e.g. a textarea's content), entities decoded. */
export function textOf(tag: Tag): string {
  const text = (n: Node): string => ("value" in n && n.nodeName === "#text" ? n.value : "childNodes" in n ? n.childNodes.map(text).join("") : "");
  return text(tag.element);
}

/** The text of the first element named `tagName` (e.g. the <title>), entities decoded; undefined when there is none. */
export function firstText(html: string, tagName: string): string | undefined {
  const t = tags(html, tagName)[0];
  return t && textOf(t);
}

/** The text inside the element named `tagName` with this id, entities decoded. */
export function innerTextById(html: string, tagName: string, id: string): string | undefined {
  const t = tags(html, tagName).find((x) => x.attrs.id === id);
  return t && textOf(t);
}

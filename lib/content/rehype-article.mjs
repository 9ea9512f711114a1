// @ts-check
/**
 * A rehype plugin for the site's MDX (articles and trust pages), run by @next/mdx: next.config.ts names it by its path,
 * because Turbopack takes plugins by name or path, not as functions. Plain JavaScript, so Node loads it as it is.
 *
 * 1. Table captions. GitHub tables have no caption syntax, so an author writes `<TableCaption>…</TableCaption>` on the
 *    line before the table; it becomes the table's own <caption> (the first child of <table>, as HTML wants), with an
 *    id the table's wrapper is labelled by (mdx-components.tsx). A TableCaption anywhere else is left in place, and its
 *    component stops the build with a message saying where it belongs.
 * 2. Citation back links. Each <Cite n={k} /> gets `occurrence`: how many times reference k has been cited so far,
 *    this one included. The citation's link then has the id `cite-k-occurrence`, and the reference list links back to
 *    each one (components/article/ReferenceList.tsx counts them with readMdx, in the same document order).
 */

/** @typedef {{ type: string, tagName?: string, name?: string, value?: string, properties?: Record<string, unknown>, attributes?: any[], children?: Node[] }} Node */

/** @param {Node} node */
const isBlank = (node) => node.type === "text" && !(node.value ?? "").trim();

/** @param {Node} node */
const isTableCaption = (node) => node.type === "mdxJsxFlowElement" && node.name === "TableCaption";

/** A caption's content: its text, without the paragraph MDX wraps a one-line element's text in. @param {Node} caption */
function captionContent(caption) {
  const kids = (caption.children ?? []).filter((c) => !isBlank(c));
  return kids.length === 1 && kids[0].type === "element" && kids[0].tagName === "p" ? (kids[0].children ?? []) : kids;
}

/** A <Cite /> attribute's number when `n={3}` or `n="3"`, else null. @param {Node} node */
function citeNumber(node) {
  const attr = (node.attributes ?? []).find((a) => a.type === "mdxJsxAttribute" && a.name === "n");
  const raw = typeof attr?.value === "string" ? attr.value : attr?.value?.value;
  return typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : null;
}

export default function rehypeArticle() {
  /** @param {Node} tree */
  return (tree) => {
    let tables = 0;
    /** @type {Map<number, number>} */
    const cited = new Map();
    /** @param {Node} node */
    const visit = (node) => {
      if (node.type === "mdxJsxTextElement" && node.name === "Cite") {
        const n = citeNumber(node);
        if (n !== null) {
          const k = (cited.get(n) ?? 0) + 1;
          cited.set(n, k);
          node.attributes = [...(node.attributes ?? []), { type: "mdxJsxAttribute", name: "occurrence", value: String(k) }];
        }
      }
      const children = node.children;
      if (!children) return;
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (child.type === "element" && child.tagName === "table") {
          let j = i - 1;
          while (j >= 0 && isBlank(children[j])) j--;
          if (j >= 0 && isTableCaption(children[j])) {
            const caption = children[j];
            tables++;
            child.children = [
              { type: "element", tagName: "caption", properties: { id: `table-caption-${tables}` }, children: captionContent(caption) },
              ...(child.children ?? []),
            ];
            children.splice(j, i - j);
            i = j;
          }
        }
        visit(children[i]);
      }
    };
    visit(tree);
  };
}

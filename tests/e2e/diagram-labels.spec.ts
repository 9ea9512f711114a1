import { expect, test } from "@playwright/test";
import { isArticlePath, sitemapPaths, VIEWPORTS } from "./helpers";

/**
 * Diagram labels fit their shapes in every language. Spanish labels run about a fifth longer than English ones, and
 * the diagrams place text by an estimate of its width (components/diagrams/svg.tsx): this measures what the browser
 * really drew, with the fonts it really has, in the layout each width shows.
 *
 * For each <text> in a shown diagram, its shape is the smallest rect, circle or ellipse of the same SVG that holds the
 * text's centre; the text's box must lie inside that shape's box. A text over no shape (a heading, an axis label)
 * must lie inside the SVG's view box, so nothing is cut off at an edge.
 */

interface Overflow {
  text: string;
  shape: string;
  by: number;
}

/** Runs in the page: every label that spills out of its shape or out of the drawing, by how many user units. */
function measureLabels(): Overflow[] {
  const slack = 0.5;
  const out: Overflow[] = [];
  for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>(".diagram svg"))) {
    if (svg.getClientRects().length === 0) continue; // the other width's layout, display:none
    const vb = svg.viewBox.baseVal;
    const shapes = Array.from(svg.querySelectorAll<SVGGraphicsElement>("rect, circle, ellipse")).map((el) => ({
      el,
      box: el.getBBox(),
    }));
    for (const text of Array.from(svg.querySelectorAll<SVGTextElement>("text"))) {
      // A rotated label's own box is in its rotated frame; compare it in the SVG's frame instead.
      const m = text.getCTM();
      const svgM = svg.getCTM();
      let b = text.getBBox();
      if (m && svgM) {
        const rel = svgM.inverse().multiply(m);
        const pts = [
          new DOMPoint(b.x, b.y),
          new DOMPoint(b.x + b.width, b.y),
          new DOMPoint(b.x, b.y + b.height),
          new DOMPoint(b.x + b.width, b.y + b.height),
        ].map((p) => p.matrixTransform(rel));
        const xs = pts.map((p) => p.x);
        const ys = pts.map((p) => p.y);
        b = new DOMRect(Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
      }
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      const holders = shapes
        .filter(({ box }) => cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height)
        .sort((p, q) => p.box.width * p.box.height - q.box.width * q.box.height);
      const holder = holders[0];
      const frame = holder ? holder.box : new DOMRect(vb.x, vb.y, vb.width, vb.height);
      const by = Math.max(frame.x - b.x, frame.y - b.y, b.x + b.width - (frame.x + frame.width), b.y + b.height - (frame.y + frame.height));
      if (by > slack) out.push({ text: text.textContent ?? "", shape: holder ? holder.el.tagName : "view box", by: Math.round(by * 10) / 10 });
    }
  }
  return out;
}

for (const vp of VIEWPORTS) {
  test(`diagram labels fit their shapes, English and Spanish, at ${vp.width} px`, async ({ page, request }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: vp.width, height: vp.height });
    const articles = (await sitemapPaths(request)).filter(isArticlePath);
    let diagrams = 0;
    const locales = new Set<string>();
    for (const path of articles) {
      await page.goto(path);
      const shown = await page.locator(".diagram svg").evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
      if (shown === 0) continue;
      diagrams += shown;
      locales.add(path.startsWith("/es/") ? "es" : "en");
      expect.soft(await page.evaluate(measureLabels), `${path} at ${vp.width} px: labels outside their shapes`).toEqual([]);
    }
    // The check above passes trivially if no diagram is found: make sure it ran on both editions.
    expect(diagrams, "diagrams measured").toBeGreaterThanOrEqual(10);
    expect([...locales].sort()).toEqual(["en", "es"]);
  });
}

import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";

/**
 * A numbered citation that links to the article's reference list. `occurrence` (added at build time by
 * lib/content/rehype-article.mjs: the how-manyth citation of reference n this is) gives the link the id the
 * reference's back link returns to. Its tap area is at least 24 by 24 CSS px (app/globals.css, "Citations").
 */
export function Cite({ n, occurrence, locale }: { n: number; occurrence?: string; locale: Locale }) {
  return (
    <sup className="cite">
      <a
        href={`#ref-${n}`}
        id={occurrence ? citeId(n, Number(occurrence)) : undefined}
        className="cite-link link no-underline"
        aria-label={strings(locale).article.referenceLabel(n)}
      >
        [{n}]
      </a>
    </sup>
  );
}

/** The id of the k-th citation of reference n, which the reference list links back to. */
export const citeId = (n: number, k: number) => `cite-${n}-${k}`;

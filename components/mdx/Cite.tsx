import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";

/** A numbered citation that links to the article's reference list. */
export function Cite({ n, locale }: { n: number; locale: Locale }) {
  return (
    <sup className="cite">
      <a href={`#ref-${n}`} className="link no-underline" aria-label={strings(locale).article.referenceLabel(n)}>
        [{n}]
      </a>
    </sup>
  );
}

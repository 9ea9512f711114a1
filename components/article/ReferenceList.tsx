import type { Reference } from "@/lib/content/schema";
import { formatLanguage } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { citeId } from "@/components/mdx/Cite";

/**
 * The article's references. The one a citation link leads to is highlighted (:target, app/globals.css "Citations"),
 * and each reference links back to every place the article cites it (`citedTimes[i]`: how often reference i + 1 is
 * cited, in the order the page shows them), so a reader returns to where they were reading. A source in another
 * language than the page keeps its own publisher and title, marked with its language (`lang` around both, `hreflang` on
 * the link), and says so in the page's words: "(en inglés)" after an English-only source on a Spanish page.
 */
export function ReferenceList({ references, citedTimes, locale }: { references: Reference[]; citedTimes: number[]; locale: Locale }) {
  const t = strings(locale).article;
  return (
    <section aria-labelledby="references-heading" className="references mt-10">
      <h2 id="references-heading" className="text-xl font-bold">
        {t.references}
      </h2>
      <ol className="mt-3 list-decimal space-y-2 pl-6 text-sm">
        {references.map((r, i) => {
          const n = i + 1;
          const times = citedTimes[i] ?? 0;
          const foreign = r.language !== locale;
          return (
            <li key={r.id} id={`ref-${n}`} className="reference">
              {/* A source in another language keeps its publisher's and its title's own words, marked as that language. */}
              <span lang={foreign ? r.language : undefined}>
                {r.publisher} ({r.year}).{" "}
                <a href={r.url} className="link" rel="noopener noreferrer" hrefLang={r.language}>
                  {r.title}
                </a>
              </span>
              {foreign ? <span className="reference-language"> {t.sourceLanguage(formatLanguage(r.language, locale))}</span> : null}
              {times === 1 ? (
                <span className="ref-backlinks no-print">
                  <a href={`#${citeId(n, 1)}`} className="ref-back link" aria-label={t.backToCitation(n)}>
                    {t.backToText}
                  </a>
                </span>
              ) : times > 1 ? (
                <span className="ref-backlinks no-print">
                  {t.backToText}:{" "}
                  {Array.from({ length: times }, (_, k) => (
                    <a key={k} href={`#${citeId(n, k + 1)}`} className="ref-back link" aria-label={t.backToCitationOf(n, k + 1, times)}>
                      {k + 1}
                    </a>
                  ))}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import type { Reference } from "@/lib/content/schema";
import { formatLanguage } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";

/**
 * The article's sources, numbered as its <Cite /> links. A source in another language than the page keeps its own
 * title, marked with its language (`lang` on the title, `hreflang` on the link), and says so in the page's words:
 * "(en inglés)" after an English-only source on a Spanish page.
 */
export function ReferenceList({ references, heading, locale }: { references: Reference[]; heading: string; locale: Locale }) {
  const t = strings(locale).article;
  return (
    <section aria-labelledby="references-heading" className="references mt-10">
      <h2 id="references-heading" className="text-xl font-bold">
        {heading}
      </h2>
      <ol className="mt-3 list-decimal space-y-2 pl-6 text-sm">
        {references.map((r, i) => {
          const foreign = r.language !== locale;
          return (
            <li key={r.id} id={`ref-${i + 1}`} className="scroll-mt-4">
              {r.publisher} ({r.year}).{" "}
              <a href={r.url} className="link" rel="noopener noreferrer" hrefLang={r.language} lang={foreign ? r.language : undefined}>
                {r.title}
              </a>
              {foreign ? <span className="reference-language"> {t.sourceLanguage(formatLanguage(r.language, locale))}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

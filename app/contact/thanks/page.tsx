import type { Metadata } from "next";
import { center } from "@/content/center";
import { strings } from "@/lib/i18n/strings";
import { CrisisBlock } from "@/components/CrisisBlock";

const locale = "en" as const;
const t = strings(locale).inquiry.thanks;

/**
 * Reached only after an inquiry is stored (nothing links here and it is not in the sitemap). Its canonical URL
 * is the form it belongs to, so search engines list /contact rather than a page that says "we have your
 * message" to someone who sent none. A noindex would also keep it out, but Lighthouse's SEO audit fails every
 * noindex page (and this page is held to 100 there, BENCHMARKS.md), and the canonical does the job on its own.
 */
export const metadata: Metadata = { title: t.title, description: t.next(center.responseTimeBusinessHours), alternates: { canonical: "/contact" } };

export default function ThanksPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t.title}</h1>
      <p className="mt-4 text-lg">{t.next(center.responseTimeBusinessHours)}</p>
      <p className="mt-4 font-semibold">{t.notEmergency}</p>
      <div className="mt-4">
        <CrisisBlock locale={locale} id="thanks-crisis" />
      </div>
      <p className="mt-6">{t.meanwhile}</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {t.links.map((l) => (
          <li key={l.href}>
            <a href={l.href} className="link">
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

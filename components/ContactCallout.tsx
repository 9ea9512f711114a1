import { center } from "@/content/center";
import { strings } from "@/lib/i18n/strings";
import type { Locale } from "@/lib/i18n/locales";
import { PhoneLink } from "@/components/PhoneLink";
import { localeRoute, route } from "@/lib/site/routes";

/** The call to action at the end of articles: call, or send a message. */
export function ContactCallout({ locale }: { locale: Locale }) {
  const t = strings(locale).article;
  const phone = center.phones.admissions;
  return (
    <section aria-labelledby="cta-heading" className="no-print mt-10 rounded-lg bg-brand-50 p-6 dark:bg-slate-900">
      <h2 id="cta-heading" className="text-xl font-bold">
        {t.ctaHeading}
      </h2>
      <p className="mt-2">{t.ctaBody}</p>
      <p className="mt-4 flex flex-wrap gap-3">
        <PhoneLink tel={phone.tel} display={phone.display} className="btn-primary">
          {strings(locale).callUs} {phone.display}
        </PhoneLink>
        <a href={localeRoute(locale, route("/contact"))} className="btn-secondary">
          {t.ctaForm}
        </a>
      </p>
    </section>
  );
}

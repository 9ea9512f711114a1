import { center } from "@/content/center";
import { strings } from "@/lib/i18n/strings";
import type { Locale } from "@/lib/i18n/locales";
import { mainNav } from "@/lib/site/navigation";
import { trustPages, type TrustPageKey, localeRoute, route } from "@/lib/site/routes";
import { CrisisBlock } from "@/components/CrisisBlock";
import { PhoneLink } from "@/components/PhoneLink";
import { admissionsHours } from "@/lib/center/format";

/** Footer: the crisis block and the center's identity, on every page. */
export function SiteFooter({ locale }: { locale: Locale }) {
  const t = strings(locale);
  const { address, phones } = center;
  // The main navigation, then the trust pages it does not already list.
  const nav = mainNav(locale);
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/40">
      <div className="mx-auto grid max-w-5xl gap-8 px-4 py-10 md:grid-cols-2">
        <CrisisBlock locale={locale} id="footer-crisis" />
        <section aria-labelledby="footer-identity" className="space-y-3 text-sm">
          <h2 id="footer-identity" className="text-base font-bold">
            {center.legalName}
          </h2>
          <address className="not-italic">
            {address.street}
            <br />
            {address.city}, {address.region} {address.postalCode}
          </address>
          <p>
            {t.footer.admissions}: <PhoneLink tel={phones.admissions.tel} display={phones.admissions.display} />
            <br />
            {t.footer.main}: <PhoneLink tel={phones.main.tel} display={phones.main.display} />
            {phones.fax ? (
              <>
                <br />
                {t.footer.fax}: {phones.fax.display}
              </>
            ) : null}
          </p>
          <div>
            <h3 className="font-semibold">{t.footer.hours}</h3>
            <ul>
              {admissionsHours(center, locale).map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold">{t.footer.licenses}</h3>
            <ul>
              {center.licenses.map((l) => (
                <li key={l.en}>{l[locale]}</li>
              ))}
            </ul>
          </div>
          {center.accreditation.length > 0 ? (
            <div>
              <h3 className="font-semibold">{t.footer.accreditation}</h3>
              <ul>
                {center.accreditation.map((a) => (
                  <li key={a.en}>{a[locale]}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {center.isPlaceholder ? <p className="rounded border border-amber-700 p-2 dark:border-amber-300">{t.footer.placeholder}</p> : null}
        </section>
        <nav aria-label={t.footer.nav} className="no-print md:col-span-2">
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <li>
              <a href={localeRoute(locale, route("/"))} className="link">
                {t.nav.home}
              </a>
            </li>
            {nav.map((i) => (
              <li key={i.href}>
                <a href={i.href} className="link">
                  {i.label}
                </a>
              </li>
            ))}
            {(Object.keys(trustPages) as TrustPageKey[])
              .map((k) => ({ k, href: localeRoute(locale, trustPages[k].path) }))
              .filter(({ href }) => !nav.some((i) => i.href === href))
              .map(({ k, href }) => (
                <li key={href}>
                  <a href={href} className="link">
                    {t.trustPages[k].title}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}

import { center } from "@/content/center";
import { strings } from "@/lib/i18n/strings";
import type { Locale } from "@/lib/i18n/locales";
import { mainNav } from "@/lib/site/navigation";
import { PhoneLink } from "@/components/PhoneLink";
import { CrisisSentence } from "@/components/CrisisBlock";
import { localeRoute, route } from "@/lib/site/routes";
import { LanguageSwitch } from "./LanguageSwitch";

/** Site header. The phone menu is a <details> disclosure: no script, and each link loads a page that starts with it closed. */
export function SiteHeader({ locale, path }: { locale: Locale; path: string | null }) {
  const t = strings(locale);
  const items = mainNav(locale);
  const phone = center.phones.admissions;
  return (
    <header role="banner" className="border-b border-slate-200 dark:border-slate-800">
      <p className="crisis-strip no-print bg-red-800 px-4 py-1.5 text-center text-sm font-semibold text-white dark:bg-red-900">
        <CrisisSentence locale={locale} linkClassName="underline underline-offset-2" />
      </p>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a href={localeRoute(locale, route("/"))} className="text-lg font-bold text-brand-800 no-underline dark:text-brand-300">
          {center.name}
        </a>
        <div className="flex items-center gap-3">
          <LanguageSwitch
            locale={locale}
            path={path}
            className="no-print inline-flex min-h-11 items-center rounded px-2 font-semibold text-brand-800 underline underline-offset-2 hover:bg-slate-100 dark:text-brand-300 dark:hover:bg-slate-900"
          />
          <PhoneLink tel={phone.tel} display={phone.display} className="no-print btn-primary text-sm sm:text-base">
            <span>
              {t.callUs} <span className="whitespace-nowrap">{phone.display}</span>
            </span>
          </PhoneLink>
        </div>
        <nav aria-label={t.nav.label} className="w-full md:w-auto">
          <details id="site-menu" className="group md:hidden">
            <summary className="btn-secondary w-full cursor-pointer list-none">
              {t.nav.menu}
              <span aria-hidden="true" className="group-open:rotate-180">
                ▾
              </span>
            </summary>
            <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {items.map((i) => (
                <li key={i.href}>
                  <a
                    href={i.href}
                    className="block min-h-11 px-4 py-3 font-medium text-slate-900 no-underline hover:bg-slate-50 dark:text-slate-100 dark:hover:bg-slate-900"
                  >
                    {i.label}
                  </a>
                </li>
              ))}
            </ul>
          </details>
          <ul className="hidden md:flex md:flex-wrap md:gap-1">
            {items.map((i) => (
              <li key={i.href}>
                <a
                  href={i.href}
                  className="block rounded px-3 py-2 font-medium text-slate-800 no-underline hover:bg-slate-100 hover:underline dark:text-slate-200 dark:hover:bg-slate-900"
                >
                  {i.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

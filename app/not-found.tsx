import type { Metadata } from "next";
import { strings } from "@/lib/i18n/strings";
import { CrisisSentence } from "@/components/CrisisBlock";
import { route } from "@/lib/site/routes";

const t = strings("en");

export const metadata: Metadata = { title: t.notFound.title, description: t.notFound.body, robots: { index: false } };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">{t.notFound.title}</h1>
      <p className="mt-3 text-lg">{t.notFound.body}</p>
      <ul className="mt-4 list-disc space-y-2 pl-6">
        <li>
          <a href={route("/")} className="link">
            {t.nav.home}
          </a>
        </li>
        <li>
          <a href={route("/articles")} className="link">
            {t.nav.articles}
          </a>
        </li>
        <li>
          <a href={route("/contact")} className="link">
            {t.nav.contact}
          </a>
        </li>
      </ul>
      <p className="mt-6">
        <CrisisSentence locale="en" linkClassName="font-semibold link" />
      </p>
    </div>
  );
}

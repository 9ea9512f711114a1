import type { Metadata } from "next";
import { strings } from "@/lib/i18n/strings";
import { SelfCheckPage } from "@/components/pages/SelfCheckPage";
import { offeredUsaudit } from "@/lib/self-check/instruments";

const locale = "en" as const;
const t = strings(locale).selfCheck;

export const metadata: Metadata = { title: t.title, description: t.description, alternates: { canonical: "/self-check" } };

export default function Page() {
  return <SelfCheckPage locale={locale} instrument={offeredUsaudit(locale)} />;
}

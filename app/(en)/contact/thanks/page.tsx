import { ThanksPage, thanksMetadata } from "@/components/pages/ThanksPage";

export const metadata = thanksMetadata("en");

export default function Page() {
  return <ThanksPage locale="en" />;
}

import { ThanksPage, thanksMetadata } from "@/components/pages/ThanksPage";

export const metadata = thanksMetadata("es");

export default function Page() {
  return <ThanksPage locale="es" />;
}

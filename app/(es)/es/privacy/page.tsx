import { TrustPage, trustPageMetadata } from "@/components/TrustPage";

export const metadata = trustPageMetadata("privacy", "es");

export default function Page() {
  return <TrustPage page="privacy" locale="es" />;
}

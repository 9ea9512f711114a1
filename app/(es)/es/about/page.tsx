import { TrustPage, trustPageMetadata } from "@/components/TrustPage";

export const metadata = trustPageMetadata("about", "es");

export default function Page() {
  return <TrustPage page="about" locale="es" />;
}

import { TrustPage, trustPageMetadata } from "@/components/TrustPage";

export const metadata = trustPageMetadata("nondiscrimination", "es");

export default function Page() {
  return <TrustPage page="nondiscrimination" locale="es" />;
}

import { TrustPage, trustPageMetadata } from "@/components/TrustPage";

export const metadata = trustPageMetadata("about", "en");

export default function Page() {
  return <TrustPage page="about" locale="en" />;
}

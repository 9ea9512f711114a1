import { SelfCheckPage, selfCheckMetadata } from "@/components/pages/SelfCheckPage";

export const metadata = selfCheckMetadata("es");

export default function Page() {
  return <SelfCheckPage locale="es" />;
}

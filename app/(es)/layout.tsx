import type { ReactNode } from "react";
import { RootLayout, rootMetadata, rootViewport } from "@/components/layout/RootLayout";

/** The root layout of every page in this locale (docs/decisions/0003-locales.md): <html lang="es">. */
export const metadata = rootMetadata("es");
export const viewport = rootViewport;

export default function Layout({ children }: { children: ReactNode }) {
  return <RootLayout locale="es">{children}</RootLayout>;
}

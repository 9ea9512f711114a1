import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import createMDX from "@next/mdx";
import { apiCsp, baseSecurityHeaders, pageCsp } from "./lib/security/headers";

// Turbopack takes MDX plugins by package name or path only (functions cannot cross into its worker); the site's own
// plugin (table captions, citation back links) is named by its absolute path.
const withMDX = createMDX({
  options: {
    remarkPlugins: ["remark-frontmatter", "remark-gfm"],
    rehypePlugins: ["rehype-slug", path.join(process.cwd(), "lib", "content", "rehype-article.mjs")],
  },
});

const nextConfig = (phase: string): NextConfig => ({
  poweredByHeader: false,
  // Literal routes are type-checked against the app's pages (lib/site/routes.ts; plain <a href>, no next/link).
  typedRoutes: true,
  // The build type-checks the site only; `npm run typecheck` covers tests and scripts too.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  pageExtensions: ["ts", "tsx"],
  // One root layout per locale (route groups app/(en), app/(es)) leaves no layout for a root not-found page: unknown
  // URLs get app/global-not-found.tsx, a whole document (docs/decisions/0003-locales.md).
  experimental: { globalNotFound: true },
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [
      { source: "/:path*", headers: [...baseSecurityHeaders, { key: "Content-Security-Policy", value: pageCsp(phase === PHASE_DEVELOPMENT_SERVER) }] },
      // A later rule's value wins for the same header.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiCsp }] },
      // Built modules are requested with ?v=<content hash>, so a changed file always has a new URL.
      { source: "/assets/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
});

const config = (phase: string) => withMDX(nextConfig(phase));
export default config;

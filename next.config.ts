import type { NextConfig } from "next";
import createMDX from "@next/mdx";
import { baseSecurityHeaders } from "./lib/security/headers";

// Turbopack takes MDX plugins by package name only (functions cannot cross into its worker).
const withMDX = createMDX({
  options: {
    remarkPlugins: ["remark-frontmatter", "remark-gfm"],
    rehypePlugins: ["rehype-slug"],
  },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The build type-checks the site only; `npm run typecheck` covers tests and scripts too.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  pageExtensions: ["ts", "tsx"],
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [{ source: "/:path*", headers: baseSecurityHeaders }];
  },
};

export default withMDX(nextConfig);

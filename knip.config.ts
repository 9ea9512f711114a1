import type { KnipConfig } from "knip";

/**
 * `npm run deadcode`: files, exports and dependencies nothing uses, starting from the entry points below.
 * knip's plugins add the rest (listing them here too only earns "redundant entry" hints):
 * - Next.js: the app/ route files (page, layout, not-found, sitemap, robots), mdx-components.tsx,
 *   next.config.ts (pageExtensions ts, tsx);
 * - Vitest and Playwright: vitest.config.ts, playwright.config.ts and the test files they include;
 * - ESLint, Tailwind: their config files and the plugins they name.
 */
const config: KnipConfig = {
  entry: [
    // Articles: read from disk by lib/content/load.ts and imported by a template path in components/pages/ArticlePage.tsx.
    "content/**/*.mdx",
    // The site's rehype plugin, which next.config.ts names by its path for @next/mdx.
    "lib/content/rehype-article.mjs",
    // The browser modules' entries (the form's per locale), bundled by esbuild (scripts/build/client-entries.mjs).
    "components/inquiry/inquiry-form.{en,es}.ts",
    "components/self-check/enhance-self-check.ts",
    // Scripts run by npm scripts, the README or CI; bench/sink-process.ts is forked by bench/inquiries.ts.
    "scripts/*.{mjs,ts}",
    "scripts/{build,operations}/*.{mjs,ts}",
    "scripts/bench/{build-scale,chaos,inquiries,lighthouse,locked-store,sink-process}.ts",
    "scripts/bench/*.mjs",
    // The server entry and the standalone delivery worker, bundled by esbuild in scripts/build/build-server.mjs.
    "server/main.ts",
    "server/worker.ts",
    "tests/**/*.{test,spec}.{ts,tsx}",
    // Run as a child process by the migration race test.
    "tests/helpers/migrate-child.ts",
    // The stylesheet's source, compiled by scripts/build/build-client.mjs (Tailwind and its typography plugin load from it).
    "app/globals.css",
  ],
  project: ["**/*.{ts,tsx,mjs,mdx,css}"],
  // scripts/bench/observatory.mjs imports the scanner inside a child process's `node -e` code, where knip cannot see it;
  // vnu-jar is a Java archive that tests/e2e/html-validity.spec.ts runs by its path.
  ignoreDependencies: ["@mdn/mdn-http-observatory", "vnu-jar"],
  // scripts/bench/observatory.mjs makes a throwaway TLS certificate with the system's openssl (benchmark only);
  // scripts/bench/chaos.ts mounts a small tmpfs (as root) for its full-disk scenario.
  // tests/e2e/html-validity.spec.ts runs the Nu HTML Checker with the system's Java runtime.
  ignoreBinaries: ["openssl", "mount", "umount", "java"],
};

export default config;

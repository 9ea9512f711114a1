import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Tests run server code in plain Node, where the marker's default export throws; there it is the empty module
      // that the react-server condition selects (the package's own exports map), as in the server entry's bundle.
      "server-only": path.resolve(__dirname, "node_modules", "server-only", "empty.js"),
    },
  },
  test: {
    // Two files at a time across all projects (the default on a two-core machine is one). Every server a test starts
    // takes its own port and data directory, and served-pages its own copy of the build, so files do not share state.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // A ceiling, not a speed check: some units parse every article or race processes, which takes seconds on a busy
        // two-core machine.
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", testTimeout: 30_000 },
      },
      {
        extends: true,
        // One suite written against the InquiryStore interface (tests/contract/inquiry-store.contract.ts), run per engine.
        test: { name: "contract", include: ["tests/contract/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        // Integration tests start the server entry and a real SMTP server: generous timeouts for a busy machine.
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Security tests: headers, CSP and scripts, CSRF, fuzzing and data-leak canaries against the server entry (ports 4450–4499).
        test: {
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

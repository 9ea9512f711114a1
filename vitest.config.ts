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
        // Integration tests start the server entry and a real SMTP server: one file at a time, generous timeouts.
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
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
          fileParallelism: false,
        },
      },
    ],
  },
});

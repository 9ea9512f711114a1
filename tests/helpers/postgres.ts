import { execFile, execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../../scripts/lib/server.mjs";

/**
 * A real PostgreSQL server for one test file, from Debian's `postgresql` package (`.ci/run` installs it): a new
 * cluster (initdb) in a temporary folder, on a free port, with its socket inside that folder, `fsync=on`, stopped
 * and removed by `destroy()`. An existing server is never reused. Every test file starts its own, so files run in
 * parallel and a fault test may stop or restart its server without touching another file's.
 *
 * PostgreSQL refuses to run as root: as root, every server command runs as the `postgres` user (runuser), and the
 * folder is handed to that user; otherwise they run directly as the current user.
 *
 * Roles: `postgres`, the superuser, trusted over loopback (for the helper's own administration and for tests that
 * change server settings); `iop`, the application's role, which must give its password (scram-sha-256). Every
 * database the helper makes is owned by `iop`, and its URL carries the password, so the path a production
 * DATABASE_URL takes (credentials in the URL) is the one tested.
 */
export interface TestPostgres {
  port: number;
  /** The application role's password (tests that search output for it). */
  password: string;
  /** The superuser's URL for `database` (trust, no password): for tests that reach past the store. */
  adminUrl(database?: string): string;
  /** A new, empty database owned by `iop`; its URL, with the password. */
  createDatabase(): Promise<{ name: string; url: string }>;
  /** `pg_ctl stop -m fast`: clients are disconnected, the server is down until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** `pg_ctl restart`; immediate: `-m immediate`, as a crash (recovery from the WAL at the next start). */
  restart(immediate?: boolean): Promise<void>;
  /** Stops the server at once and removes its folder. */
  destroy(): Promise<void>;
}

/** The newest Debian `postgresql` server binaries: /usr/lib/postgresql/<version>/bin. */
function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`No PostgreSQL server under ${base}/<version>/bin: install Debian's "postgresql" package (.ci/run does).`);
  return path.join(base, versions[0], "bin");
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** The command and arguments that run a server binary as the right user. */
function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[]): Promise<string> {
  const [file, argv] = command(bin, args);
  return new Promise((resolve, reject) =>
    execFile(file, argv, { encoding: "utf8", timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${path.basename(bin)} ${args.join(" ")} failed: ${err.message}\n${stdout}${stderr}`)) : resolve(stdout),
    ),
  );
}

/** Started servers, stopped at once if the test process exits without destroying them (no server outlives its test). */
const running = new Set<{ pgCtl: string; dataDir: string }>();
process.once("exit", () => {
  for (const s of running) {
    const [file, argv] = command(s.pgCtl, ["stop", "-D", s.dataDir, "-m", "immediate", "-w"]);
    spawnSync(file, argv, { stdio: "ignore", timeout: 10_000 });
  }
});

export async function startPostgres(opts: { password?: string } = {}): Promise<TestPostgres> {
  const bin = binDir();
  const pgCtl = path.join(bin, "pg_ctl");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const password = opts.password ?? `pw-${crypto.randomBytes(9).toString("base64url")}`;
  // --no-sync only skips initdb's own final flush of a throwaway cluster; the server itself runs with fsync=on.
  await run(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      "",
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "fsync = on",
      "synchronous_commit = on",
      "max_connections = 60",
      "shared_buffers = 16MB",
      "logging_collector = off",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(dataDir, "pg_hba.conf"),
    ["local all all trust", "host all postgres 127.0.0.1/32 trust", "host all all 127.0.0.1/32 scram-sha-256", ""].join("\n"),
  );

  let port = 0;
  const handle = { pgCtl, dataDir };
  const pgCtlStart = () => run(pgCtl, ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`]);
  // The port is free when probed; another process may take it before the server binds, so a failed start tries another.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await pgCtlStart();
      break;
    } catch (err) {
      if (attempt >= 3) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }
  running.add(handle);

  const adminUrl = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE ROLE iop LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);

  return {
    port,
    password,
    adminUrl,
    async createDatabase() {
      const name = `iop_${crypto.randomBytes(6).toString("hex")}`;
      await admin(`CREATE DATABASE ${name} OWNER iop`);
      return { name, url: `postgres://iop:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}` };
    },
    stop: async () => {
      await run(pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w"]);
    },
    start: async () => {
      await pgCtlStart();
    },
    restart: async (immediate = false) => {
      await run(pgCtl, ["restart", "-D", dataDir, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "-o", `-p ${port}`, "-l", logFile]);
    },
    async destroy() {
      await run(pgCtl, ["stop", "-D", dataDir, "-m", "immediate", "-w"]).catch(() => {});
      running.delete(handle);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

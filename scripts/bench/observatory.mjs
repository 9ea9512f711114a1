// `npm run bench:observatory`: the MDN HTTP Observatory score of the production server, measured offline on
// loopback. Serves the built site with the server entry behind a local TLS terminator and runs the Observatory's own
// scan (@mdn/mdn-http-observatory, unmodified) against it, then prints the score, the grade and every test.
//
//   server entry          http://127.0.0.1:4470   (the built site, its own temporary data folder)
//   TLS terminator        https://localhost:4471  (self-signed cert for localhost; forwards to 4470, keeps headers;
//                                                  a plain-HTTP connection on this port gets the redirect below;
//                                                  TLS itself is served on an ephemeral loopback port behind it)
//   HTTP → HTTPS          http://localhost:4472   (301 to https://localhost:4471, same path)
//
// The library's scan(hostname) takes no port options (1.4.8 calls retrieve(hostname) without them), so it is given
// "localhost:4471": its https URL is then https://localhost:4471 and its http URL http://localhost:4471, which this
// terminator answers in plain HTTP with the same 301 as port 4472. The scan runs in a child Node process with
// NODE_EXTRA_CA_CERTS set to the self-signed certificate, so the certificate verifies as a real one would.
//
// The package's postinstall (denied in package.json's allowScripts) downloads the HSTS preload list and a TLD list,
// which cannot be fetched here; the scan only reads the preload list, so an empty one is written if it is missing
// (nothing is preloaded, as is true for localhost), plus a two-entry TLD list and an empty CA bundle for the
// package's other entry points.
//
// Options: --json (print the raw scan result as JSON as well), --min-score N (exit 1 below N), --serve (start the
// stack and wait, to inspect it by hand).
import { spawn, spawnSync } from "node:child_process";
import { buildIdFile } from "../../lib/build/next-paths.mjs";
import { startServer } from "../lib/server.mjs";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const NEXT_PORT = 4470;
const TLS_PORT = 4471;
const HTTP_PORT = 4472;
const HOST = "localhost";
const args = process.argv.slice(2);
const minScoreArg = args.indexOf("--min-score");
const minScore = minScoreArg === -1 ? undefined : Number(args[minScoreArg + 1]);

const pkgDir = path.join(root, "node_modules", "@mdn", "mdn-http-observatory");
if (!fs.existsSync(path.join(pkgDir, "package.json"))) {
  console.error("@mdn/mdn-http-observatory is not installed: run `npm install` first.");
  process.exit(1);
}
if (!fs.existsSync(buildIdFile(root))) {
  console.error("Build the site first: npm run build");
  process.exit(1);
}

/** The data files the package's (denied) postinstall would download, as offline stubs. */
function ensureObservatoryData() {
  const stubs = [
    [path.join(pkgDir, "conf", "hsts-preload.json"), "{}\n"],
    [path.join(pkgDir, "conf", "tld-list.json"), '["com","org"]\n'],
    [path.join(root, "node_modules", "node_extra_ca_certs_mozilla_bundle", "ca_bundle", "ca_intermediate_bundle.pem"), ""],
  ];
  for (const [file, content] of stubs) {
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`observatory: wrote offline stub ${path.relative(root, file)}`);
  }
}

/** A self-signed certificate for localhost (and 127.0.0.1), valid for two days. */
function makeCertificate(dir) {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const r = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr || r.error}`);
  return { keyFile: key, certFile: cert, key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** Forwards a request to the server unchanged (headers as sent, duplicates kept) and its response back. */
function forward(req, res) {
  const headers = { ...req.headers, "x-forwarded-proto": "https", "x-forwarded-host": req.headers.host ?? `${HOST}:${TLS_PORT}` };
  const upstream = http.request({ host: "127.0.0.1", port: NEXT_PORT, method: req.method, path: req.url, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.statusMessage, up.rawHeaders);
    up.pipe(res);
  });
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end("bad gateway");
  });
  req.pipe(upstream);
}

function redirectToHttps(req, res) {
  res.writeHead(301, { location: `https://${HOST}:${TLS_PORT}${req.url ?? "/"}`, "content-type": "text/plain" });
  res.end("Moved to HTTPS");
}

const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
/** Stops listening; connections still open after a few seconds are not waited for (the process exits anyway). */
const close = (server) =>
  Promise.race([new Promise((resolve) => (server ? server.close(() => resolve()) : resolve())), new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);

/** Runs the library's scan in a child process that trusts the certificate. */
function runScan(certFile) {
  const code = `
    import { scan } from "@mdn/mdn-http-observatory";
    const result = await scan(${JSON.stringify(`${HOST}:${TLS_PORT}`)});
    process.stdout.write(JSON.stringify(result));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--dns-result-order=ipv4first", "--input-type=module", "-e", code], {
      cwd: root,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (status) => {
      clearTimeout(timer);
      if (status !== 0) return reject(new Error(`scan failed (exit ${status}):\n${err}${out}`));
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`scan printed no JSON:\n${err}${out}`));
      }
    });
  });
}

function printResult(result) {
  const { scan, tests } = result;
  console.log(`\nMDN HTTP Observatory (algorithm v${scan.algorithmVersion}) for https://${HOST}:${TLS_PORT}/ (the server behind TLS)`);
  console.log(`score ${scan.score}, grade ${scan.grade}: ${scan.testsPassed}/${scan.testsQuantity} tests passed (status ${scan.statusCode})\n`);
  const rows = Object.entries(tests).map(([name, t]) => ({
    test: name,
    pass: t.pass ? "yes" : "NO",
    modifier: t.scoreModifier > 0 ? `+${t.scoreModifier}` : String(t.scoreModifier ?? 0),
    result: t.result,
  }));
  const widths = ["test", "pass", "modifier", "result"].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (r) =>
    ["test", "pass", "modifier", "result"]
      .map((k, i) => String(r[k]).padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  console.log(line({ test: "test", pass: "pass", modifier: "modifier", result: "result" }));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log("");
  for (const [name, t] of Object.entries(tests))
    if (t.scoreDescription)
      console.log(
        `${name}: ${t.scoreDescription
          .replace(/<[^>]+>/g, "")
          .replace(/\s+/g, " ")
          .trim()}`,
      );
}

async function main() {
  ensureObservatoryData();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "iop-observatory-"));
  const { certFile, key, cert } = makeCertificate(tmp);
  let next;
  let tlsListener;
  let tlsServer;
  let httpServer;
  try {
    next = await startServer({ port: NEXT_PORT, dataDir: path.join(tmp, "data"), origin: `https://${HOST}:${TLS_PORT}` });
    tlsServer = https.createServer({ key, cert, minVersion: "TLSv1.2" }, forward);
    httpServer = http.createServer(redirectToHttps);
    await listen(tlsServer, 0);
    await listen(httpServer, HTTP_PORT);
    // One public port for both: a TLS ClientHello starts with 0x16; anything else is plain HTTP and gets the
    // redirect. Each connection is spliced to the right server over loopback (handing a socket that was already
    // read from to a TLS server in-process would lose those bytes).
    tlsListener = net.createServer((socket) => {
      socket.on("error", () => {});
      socket.once("data", (first) => {
        socket.pause();
        const target = net.connect(first[0] === 0x16 ? tlsServer.address().port : HTTP_PORT, "127.0.0.1", () => {
          target.write(first);
          socket.pipe(target).pipe(socket);
          socket.resume();
        });
        target.on("error", () => socket.destroy());
        socket.on("close", () => target.destroy());
      });
    });
    await listen(tlsListener, TLS_PORT);

    if (args.includes("--serve")) {
      console.log(`serving https://${HOST}:${TLS_PORT}/ and http://${HOST}:${HTTP_PORT}/ (certificate ${certFile}); Ctrl-C stops`);
      await new Promise((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
      return;
    }
    const result = await runScan(certFile);
    printResult(result);
    if (args.includes("--json")) console.log(JSON.stringify(result, null, 2));
    if (minScore !== undefined && !(result.scan.score >= minScore)) {
      console.error(`\nscore ${result.scan.score} is below --min-score ${minScore}`);
      process.exitCode = 1;
    }
  } finally {
    await close(tlsListener);
    await close(tlsServer);
    await close(httpServer);
    if (next) {
      const stopped = next.stop();
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 5_000))]);
      if (next.proc.exitCode === null) await next.stop("SIGKILL");
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

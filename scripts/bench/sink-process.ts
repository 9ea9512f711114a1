// The test SMTP sink (tests/helpers/smtp-sink.ts) in a process of its own, so parsing thousands of messages does not
// share an event loop with a load generator. Started by fork() with an IPC channel:
//   argv: <port> <mode>; messages in: { mode } switches the fault mode, { count: true } asks for the count;
//   messages out: { ready, port }, { count }. It exits when its parent goes away.
import { startSmtpSink, type SinkMode } from "../../tests/helpers/smtp-sink";

async function main() {
  const port = Number(process.argv[2] ?? 0);
  const mode = (process.argv[3] ?? "accept") as SinkMode;
  const sink = await startSmtpSink(port, mode);
  process.on("message", (m: { mode?: SinkMode; count?: boolean }) => {
    if (m.mode) sink.setMode(m.mode);
    if (m.count) process.send?.({ count: sink.messages.length });
  });
  process.on("disconnect", () => process.exit(0));
  process.send?.({ ready: true, port: sink.port });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/** `npm run emulator`: a local Bot API on 127.0.0.1 for `npm start` without Telegram. */
import { readEmulatorConfig } from "../config.js";
import { transcript } from "../console/plain.js";
import { startLocalServer } from "./server.js";

const { token, port } = readEmulatorConfig();
const server = await startLocalServer(token, undefined, port);
// Each message the bot sends is printed as a reader would see it, so a conversation can be followed here.
server.api.onCall((c) => {
  const line = transcript(c);
  if (line !== undefined) process.stdout.write(`${line}\n`);
});
process.stdout.write(
  `local Bot API at ${server.url}\n  run the bot against it: BOT_TOKEN=${token} TELEGRAM_API_ROOT=${server.url} npm start\n` +
    `  send it an update:      curl -s ${server.url}/_local/updates -H 'content-type: application/json' -d '{"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private","first_name":"A"},"from":{"id":5,"is_bot":false,"first_name":"A"},"text":"بوتين"}}'\n` +
    `  fail like Telegram:     curl -s ${server.url}/_local/faults -H 'content-type: application/json' -d '{"seed":1,"rates":{"too-many-requests":0.05,"server-error-after":0.04,"reset-before":0.04,"slow":0.1}}'\n` +
    `  what it did:            curl -s ${server.url}/_local/stats   (fault mode off: -d '{}' to /_local/faults)\n`,
);

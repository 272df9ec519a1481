// A local SMTP server for the end-to-end tests: accepts every message on 127.0.0.1 and writes
// each one, as received (headers and encoded body), to a file `<n>.eml` in a folder.
//
//   node tests/smtp/server.mjs <port> <folder>
//
// It uses the `smtp-server` package pinned in tools/ (`npm ci` there); INZAGE_NODE_MODULES may
// name another node_modules folder. It prints `listening <port>` once it accepts connections.

import { createRequire } from 'node:module';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = process.env.INZAGE_NODE_MODULES ?? join(here, '..', '..', 'tools', 'node_modules');
const require = createRequire(join(modules, '..', 'package.json'));
const { SMTPServer } = require(join(modules, 'smtp-server'));

const port = Number(process.argv[2]);
const folder = process.argv[3];
if (!Number.isInteger(port) || port <= 0 || !folder) {
  console.error('usage: node server.mjs <port> <folder>');
  process.exit(2);
}
mkdirSync(folder, { recursive: true });

let count = 0;
const server = new SMTPServer({
  // Plain SMTP on the loopback interface: no TLS, no login.
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      count += 1;
      const name = `${String(count).padStart(4, '0')}.eml`;
      // Written under another name first, so a reader never sees half a message.
      const partial = join(folder, `${name}.part`);
      try {
        writeFileSync(partial, Buffer.concat(chunks));
        renameSync(partial, join(folder, name));
        callback();
      } catch (e) {
        callback(e);
      }
    });
  },
});
server.on('error', (e) => console.error(`smtp: ${e.message}`));
server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

// trunk's post-build hook (Trunk.toml): finishes the app shell in trunk's staging folder.
//
// 1. Writes the shell's file list and a build id into the service worker (sw.js): the id is a
//    hash of those files, so every build that changes the shell gives a new worker, which
//    replaces the old cache. Only these files are ever cached (see the rule in public/sw.js).
// 2. Writes a brotli (.br) and a gzip (.gz) copy beside each text or wasm file, which the
//    server sends to browsers that accept them (tower-http's precompressed ServeDir).
//
// Plain Node, no packages: it runs inside `trunk build`.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("tools/shell.mjs runs as trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const all = files(dir)
  .map((path) => "/" + relative(dir, path).split(sep).join("/"))
  .filter((path) => !path.endsWith(".br") && !path.endsWith(".gz"))
  .sort();

// The shell: the page, the app's script, wasm and style that trunk emitted, the English and
// French texts (so a language can be chosen offline), the icons and the manifest. The forms
// under /formulieren/ are documents, not the shell; the worker itself is
// never cached by itself.
const shell = all.filter(
  (path) =>
    path === "/index.html" ||
    path === "/manifest.webmanifest" ||
    path.startsWith("/icons/") ||
    path.startsWith("/locales/") ||
    (/^\/[^/]+\.(js|wasm|css|svg)$/.test(path) && path !== "/sw.js"),
);
for (const needed of ["/index.html", "/manifest.webmanifest"]) {
  if (!shell.includes(needed)) {
    console.error(`tools/shell.mjs: ${needed} is missing from the build`);
    process.exit(1);
  }
}
if (!shell.some((p) => p.endsWith(".wasm"))) {
  console.error("tools/shell.mjs: the build has no .wasm file");
  process.exit(1);
}

const hash = createHash("sha256");
for (const path of shell) {
  hash.update(path + "\0");
  hash.update(readFileSync(join(dir, path)));
}
const build = hash.digest("hex").slice(0, 16);

const workerPath = join(dir, "sw.js");
const worker = readFileSync(workerPath, "utf8");
const stamped = worker
  .replace(/^const BUILD = .*;$/m, `const BUILD = ${JSON.stringify(build)};`)
  .replace(/^const SHELL = .*;$/m, `const SHELL = ${JSON.stringify(shell)};`);
if (!stamped.includes(build) || !stamped.includes('"/manifest.webmanifest"')) {
  console.error("tools/shell.mjs: sw.js has no `const BUILD = …;` and `const SHELL = …;` lines");
  process.exit(1);
}
writeFileSync(workerPath, stamped);

// Compression: text and wasm only (PNGs and PDFs are compressed already).
let saved = 0;
for (const path of all) {
  if (!/\.(html|js|wasm|css|svg|webmanifest|json|ftl)$/.test(path)) {
    continue;
  }
  const full = join(dir, path);
  const raw = readFileSync(full);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(full + ".br", br);
  writeFileSync(full + ".gz", gz);
  saved += raw.length - br.length;
}

console.log(
  `tools/shell.mjs: shell ${build} (${shell.length} files) stamped into sw.js; ` +
    `brotli saves ${Math.round(saved / 1024)} KB`,
);

//! Inzage's automation, run from anywhere in the workspace as `cargo xtask <command>`.
//!
//! - `cargo xtask run` installs the build tools if needed, builds the SPA (`trunk build
//!   --release` into `dist/`) and starts the server on the demo data (`../shared/data/synthea`
//!   and `tests/data/inzage-demo-extra.json`), with `DATABASE_URL` defaulting to
//!   `sqlite://inzage.db`. The server prints the demo logins itself.
//! - `cargo xtask test` runs every check CI runs (`.ci/run` calls it): tools, rustfmt, clippy for
//!   the host and for wasm32, the domain tests compiled to wasm32 in headless Chromium, the
//!   JavaScript binding's tests in Node (`domain-js/`), then one `cargo test` with a throwaway
//!   PostgreSQL for the API tests and the end-to-end tests against a release build of the SPA.
//!   That build runs in the background from the start (in `target/spa`). It stops at the first
//!   failing step and names it.
//!
//! - `cargo xtask lighthouse` builds the release SPA and server, starts the demo on a fresh
//!   SQLite database, and runs Lighthouse (npm, pinned in `tools/package.json`) with its mobile
//!   profile against Debian's Chromium on the login, reports and results pages, the last two
//!   logged in as Margery through the login form (`tools/lighthouse.mjs`). It prints the scores
//!   and keeps every report in `target/lighthouse/`; docs/benchmarks.md records them.
//!
//! The tools are pinned: trunk [`TRUNK_VERSION`]; wasm-bindgen-cli at the version of the
//! `wasm-bindgen` crate in `Cargo.lock` (the two must match); wasm-opt from the npm package
//! `binaryen`, locked in `tools/package-lock.json` and installed with `npm ci` (Debian's binaryen
//! is too old: its output loads as a blank page in Chromium). Chromium, ChromeDriver and
//! PostgreSQL come from Debian's packages. Child processes get `tools/node_modules/.bin` and
//! `~/.cargo/bin` first on `PATH`; nested cargo commands use `$CARGO` (set by `cargo run`).

use anyhow::{bail, Context, Result};
use std::ffi::OsStr;
use std::ffi::OsString;
use std::io::ErrorKind;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use std::{env, fs};

/// The trunk release that works with this toolchain (0.22 needs a newer rustc).
const TRUNK_VERSION: &str = "0.21.14";
/// The major version of the npm package `binaryen`; keep in step with `tools/package.json` and
/// `Trunk.toml`.
const BINARYEN_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Where Debian's `postgresql-NN` packages put their programs: `/usr/lib/postgresql/NN/bin`.
const POSTGRES_LIB: &str = "/usr/lib/postgresql";
/// Demo data, relative to the workspace root.
const SYNTHEA_DIR: &str = "../shared/data/synthea";
const DEMO_EXTRA: &str = "tests/data/inzage-demo-extra.json";
const DEFAULT_DATABASE_URL: &str = "sqlite://inzage.db";

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run         install the build tools if needed, build the SPA (release) and serve it with the demo data
  test        install the tools if needed and run every check CI runs (this is what .ci/run does)
  lighthouse  build the release SPA and server, start the demo and measure the login, reports and
              results pages with Lighthouse (mobile); LIGHTHOUSE_RUNS runs per page (default 3),
              LIGHTHOUSE_DIST another built SPA to measure instead (no build)
  load        install wrk if needed, build the release SPA and load the authenticated report list
              and a static file with 64 connections, on SQLite and on PostgreSQL (100,000 audit
              entries on the record); LOAD_SECONDS per route (default 20)
  fuzz        install schemathesis (pinned, tools/schemathesis) if needed and fuzz the API against
              its OpenAPI document as each role, on SQLite and on PostgreSQL; FUZZ_EXAMPLES per
              operation and phase (default 25; `test` runs 5 on SQLite)
  soak        the long variants of the quick checks in `test`: the crash-consistency test with
              SOAK_KILLS kills of the server per database (default 200)";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match words.as_slice() {
        ["run"] => run(),
        ["test"] => test(),
        ["lighthouse"] => lighthouse(),
        ["load"] => load(),
        ["soak"] => soak(),
        ["fuzz"] => fuzz(),
        ["help" | "-h" | "--help"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("\nxtask: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask run`: tools, release SPA build, then the server with the demo data.
fn run() -> Result<()> {
    let ws = Workspace::locate()?;
    step("demo data", || check_demo_data(&ws))?;
    ensure_build_tools(&ws)?;
    step("trunk build --release", || trunk_build(&ws))?;
    step("server", || serve_demo(&ws))
}

/// `cargo xtask lighthouse`: the release SPA and server on the demo data, then Lighthouse.
fn lighthouse() -> Result<()> {
    let ws = Workspace::locate()?;
    step("demo data", || check_demo_data(&ws))?;
    ensure_build_tools(&ws)?;
    step("Chromium", || ensure_chromium(&ws))?;
    // Another build to compare with (a `dist` folder kept from before a change), or this one.
    let dist = match env::var_os("LIGHTHOUSE_DIST") {
        Some(dir) => PathBuf::from(dir),
        None => {
            step("trunk build --release", || trunk_build(&ws))?;
            ws.dist()
        }
    };
    step("cargo build --release -p inzage-server", || {
        run_cmd(&mut ws.cargo(&["build", "--release", "-p", "inzage-server"]))
    })?;
    let server = step("start the demo server", || DemoServer::start(&ws, &dist))?;
    warn_if_busy();
    let runs: u32 = match env::var("LIGHTHOUSE_RUNS") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|n| (1..=20).contains(n))
            .with_context(|| format!("LIGHTHOUSE_RUNS `{v}` is not a number from 1 to 20"))?,
        Err(_) => 3,
    };
    let options = serde_json::json!({
        "base": server.base,
        "username": LIGHTHOUSE_USER,
        "password": server.password,
        "card": server.card,
        "runs": runs,
        "out": ws.root.join("target/lighthouse"),
        "pages": [
            { "name": "login", "path": "/inloggen", "login": false, "ready": "#username" },
            { "name": "reports", "path": "/verslagen", "login": true,
              "ready": "[data-testid=report-list]" },
            { "name": "results", "path": "/resultaten", "login": true,
              "ready": "[data-testid=results-table]" },
        ],
    });
    step("lighthouse (mobile)", || {
        run_cmd(
            ws.cmd("node")
                .arg("tools/lighthouse.mjs")
                .arg(options.to_string())
                .env("CHROME_PATH", CHROMIUM),
        )
    })?;
    drop(server);
    Ok(())
}

/// Lighthouse measures the main thread's tasks as they ran and scales them to a slow phone, so a
/// machine busy with other work reads as a slower phone (docs/benchmarks.md: a run beside a
/// build scored 84-90 where a quiet one scores 98-100). Samples the CPUs for a second and says so
/// when more than a quarter of their time was busy; the run goes on.
fn warn_if_busy() {
    let Some(before) = cpu_times() else {
        return;
    };
    std::thread::sleep(Duration::from_secs(1));
    let Some(after) = cpu_times() else {
        return;
    };
    let total = after.0.saturating_sub(before.0);
    let idle = after.1.saturating_sub(before.1);
    if total == 0 {
        return;
    }
    let busy = 100 * total.saturating_sub(idle) / total;
    if busy > 25 {
        println!(
            "warning: the machine is busy ({busy}% of its CPU time in the last second): \
             Lighthouse will read it as a slower phone; measure on a quiet machine"
        );
    }
}

/// All CPUs' time since boot and the part of it idle (idle and I/O wait), in clock ticks, from
/// Linux's `/proc/stat`.
fn cpu_times() -> Option<(u64, u64)> {
    cpu_times_of(&fs::read_to_string("/proc/stat").ok()?)
}

/// [`cpu_times`] from the text of `/proc/stat`.
fn cpu_times_of(stat: &str) -> Option<(u64, u64)> {
    let fields: Vec<u64> = stat
        .lines()
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let idle = fields.get(3)? + fields.get(4).copied().unwrap_or(0);
    // Guest time is already counted in user and nice time.
    Some((fields.iter().take(8).sum(), idle))
}

/// `cargo xtask load`:/// `cargo xtask load`: the load test of `tests/examples/http_load.rs` on both databases, wrk from
/// Debian's packages as the load generator.
fn load() -> Result<()> {
    let ws = Workspace::locate()?;
    step("demo data", || check_demo_data(&ws))?;
    ensure_build_tools(&ws)?;
    step("wrk", || {
        let installed = Command::new("sh")
            .args(["-c", "command -v wrk"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !installed {
            apt_install(&ws, &["wrk"])?;
        }
        Ok(())
    })?;
    let postgres_bin = step("PostgreSQL", || ensure_test_packages(&ws))?;
    step("trunk build --release", || trunk_build(&ws))?;
    let seconds = env::var("LOAD_SECONDS").unwrap_or_else(|_| "20".into());
    let example = |db: &str| {
        let mut cmd = ws.cargo(&[
            "run",
            "--release",
            "-p",
            "inzage-tests",
            "--example",
            "http_load",
            "--",
            db,
            &seconds,
        ]);
        cmd.env("INZAGE_DIST", ws.dist());
        cmd
    };
    step("load on SQLite", || run_cmd(&mut example("sqlite")))?;
    let postgres = step("start a throwaway PostgreSQL", || {
        TempPostgres::start(&postgres_bin)
    })?;
    step("load on PostgreSQL", || {
        run_cmd(example("postgres").env("INZAGE_TEST_POSTGRES", postgres.url()))
    })
}

/// `cargo xtask fuzz`: schemathesis against a live server, as every role, on both databases.
fn fuzz() -> Result<()> {
    let ws = Workspace::locate()?;
    step("demo data", || check_demo_data(&ws))?;
    let st = step("schemathesis", || ensure_schemathesis(&ws))?;
    let postgres_bin = step("PostgreSQL", || ensure_test_packages(&ws))?;
    step("schemathesis on SQLite", || {
        run_cmd(&mut api_fuzz(&ws, &st, "sqlite", None))
    })?;
    let postgres = step("start a throwaway PostgreSQL", || {
        TempPostgres::start(&postgres_bin)
    })?;
    step("schemathesis on PostgreSQL", || {
        run_cmd(api_fuzz(&ws, &st, "postgres", None).env("INZAGE_TEST_POSTGRES", postgres.url()))
    })
}

/// The example that runs schemathesis as each role (`tests/examples/api_fuzz.rs`), built with
/// the same features as the tests so that nothing is compiled twice.
fn api_fuzz(ws: &Workspace, st: &Path, db: &str, examples: Option<&str>) -> Command {
    // Without `-p`, features are unified over the whole workspace as in `cargo test`, so the
    // example reuses what `cargo test` built (with `-p inzage-tests`, 1.5 min of rebuilding).
    let mut cmd = ws.cargo(&[
        "run",
        "--features",
        E2E_FEATURE,
        "--example",
        "api_fuzz",
        "--",
        db,
    ]);
    cmd.env("SCHEMATHESIS", st);
    if let Some(n) = examples {
        cmd.env("FUZZ_EXAMPLES", n);
    }
    cmd
}

/// The pinned requirements of schemathesis, with their hashes.
const SCHEMATHESIS_REQUIREMENTS: &str = "tools/schemathesis/requirements.txt";

/// Installs schemathesis into `target/schemathesis/venv` from PyPI, exactly as pinned (with
/// `--require-hashes`), unless the requirements installed there are the current ones; returns
/// the path of its `st` command.
fn ensure_schemathesis(ws: &Workspace) -> Result<PathBuf> {
    let venv = ws.root.join("target/schemathesis/venv");
    let st = venv.join("bin/st");
    let wanted = fs::read_to_string(ws.root.join(SCHEMATHESIS_REQUIREMENTS))
        .with_context(|| format!("reading {SCHEMATHESIS_REQUIREMENTS}"))?;
    // A copy of the requirements it was installed from.
    let installed = venv.join("inzage-requirements.txt");
    if st.is_file() && fs::read_to_string(&installed).is_ok_and(|i| i == wanted) {
        return Ok(st);
    }
    if venv.exists() {
        fs::remove_dir_all(&venv)?;
    }
    run_cmd(ws.cmd("python3").args(["-m", "venv"]).arg(&venv))?;
    run_cmd(
        ws.cmd(venv.join("bin/pip"))
            .args([
                "install",
                "--quiet",
                "--require-hashes",
                "--only-binary=:all:",
                "-r",
            ])
            .arg(SCHEMATHESIS_REQUIREMENTS),
    )?;
    fs::write(&installed, wanted)?;
    Ok(st)
}

/// `cargo xtask soak`: the crash-consistency test (`tests/crash`) with many more kills than the
/// six per database it makes in `cargo xtask test`.
fn soak() -> Result<()> {
    let ws = Workspace::locate()?;
    step("demo data", || check_demo_data(&ws))?;
    let postgres_bin = step("PostgreSQL", || ensure_test_packages(&ws))?;
    let postgres = step("start a throwaway PostgreSQL", || {
        TempPostgres::start(&postgres_bin)
    })?;
    let kills = env::var("SOAK_KILLS").unwrap_or_else(|_| "200".into());
    step(
        &format!("crash consistency, {kills} kills per database"),
        || {
            run_cmd(
                ws.cargo(&["test", "-p", "inzage-tests", "--test", "crash"])
                    .env("INZAGE_CRASH_KILLS", &kills)
                    .env("INZAGE_TEST_POSTGRES", postgres.url()),
            )
        },
    )
}

/// The demo patient whose reports and results Lighthouse measures.
const LIGHTHOUSE_USER: &str = "margery";

fn ensure_chromium(ws: &Workspace) -> Result<()> {
    if !Path::new(CHROMIUM).is_file() {
        apt_install(ws, &["chromium"])?;
    }
    if !Path::new(CHROMIUM).is_file() {
        bail!("{CHROMIUM} is still missing after installing chromium");
    }
    println!("found {CHROMIUM}");
    Ok(())
}

/// The release server on the demo data, on a fresh SQLite database in a temporary folder and a
/// free loopback port; stopped, and the folder removed, on drop.
struct DemoServer {
    child: std::process::Child,
    dir: PathBuf,
    base: String,
    password: String,
    /// The demo user's printed code card: position → code.
    card: serde_json::Map<String, serde_json::Value>,
}

impl DemoServer {
    fn start(ws: &Workspace, dist: &Path) -> Result<Self> {
        use std::io::{BufRead, BufReader};
        let dir = make_temp_dir("inzage-lighthouse")?;
        let bind = format!("127.0.0.1:{}", free_port()?);
        let log = fs::File::create(dir.join("server.log"))?;
        let child = ws
            .cmd(ws.root.join("target/release/inzage-server"))
            .args(["serve", "--demo", SYNTHEA_DIR, "--demo", DEMO_EXTRA])
            .env("INZAGE_DIST", dist)
            .env("INZAGE_BIND", &bind)
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.join("inzage.db").display()),
            )
            .env("INZAGE_UPLOADS", dir.join("uploads"))
            .env("INZAGE_NETWORK", "config/demo-network.toml")
            .env_remove("INZAGE_IDENTITY")
            .env_remove("INZAGE_PUBLIC_URL")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .context("could not start target/release/inzage-server")?;
        let mut server = Self {
            child,
            dir,
            base: format!("http://{bind}"),
            password: String::new(),
            card: serde_json::Map::new(),
        };
        let stdout = server
            .child
            .stdout
            .take()
            .context("the server's output is not piped")?;
        let mut lines = BufReader::new(stdout).lines();
        let mut in_card = false;
        let mut listening = false;
        for line in lines.by_ref() {
            let line = line?;
            if let Some(rest) = line.split("password for all: ").nth(1) {
                server.password = rest.trim_end_matches("):").to_owned();
            }
            if line.contains(&format!("username `{LIGHTHOUSE_USER}`")) {
                in_card = true;
            } else if in_card && line.trim().is_empty() {
                in_card = false;
            } else if in_card {
                for entry in line.split("   ").filter(|e| !e.trim().is_empty()) {
                    if let Some((position, code)) = entry.trim().split_once(": ") {
                        server
                            .card
                            .insert(position.to_owned(), code.trim().to_owned().into());
                    }
                }
            }
            if line.starts_with("Inzage is listening on") {
                listening = true;
                break;
            }
        }
        if !listening {
            let log = fs::read_to_string(server.dir.join("server.log")).unwrap_or_default();
            bail!("the demo server stopped before it listened; its log:\n{log}");
        }
        if server.password.is_empty() || server.card.len() < 24 {
            bail!(
                "the demo server did not print {LIGHTHOUSE_USER}'s password and code card \
                 (found {} codes)",
                server.card.len()
            );
        }
        // The rest of its output is not needed, but the pipe must not fill up.
        std::thread::spawn(move || lines.for_each(drop));
        println!("the demo server listens on {}", server.base);
        Ok(server)
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// `cargo xtask test`: every check, in order, stopping at the first failure; prints the time taken.
fn test() -> Result<()> {
    let started = Instant::now();
    let result = test_steps();
    let verdict = if result.is_ok() {
        "all checks passed"
    } else {
        "FAILED"
    };
    println!(
        "\nxtask test: {verdict} in {}",
        format_duration(started.elapsed())
    );
    result
}

fn test_steps() -> Result<()> {
    let ws = Workspace::locate()?;
    ensure_build_tools(&ws)?;
    let postgres_bin = step("Chromium, ChromeDriver and PostgreSQL", || {
        ensure_test_packages(&ws)
    })?;
    let schemathesis = step("schemathesis", || ensure_schemathesis(&ws))?;

    step("rustfmt", || {
        run_cmd(&mut ws.cargo(&["fmt", "--all", "--", "--check"]))
    })?;
    // The SPA's release build (fat LTO, mostly on one core) runs beside the checks below, in
    // its own target directory so neither waits for the other's lock.
    let spa = step("trunk build --release (in the background)", || {
        SpaBuild::start(&ws)
    })?;
    step("clippy (host)", || {
        // The feature, or clippy would skip the e2e test (it has `required-features`).
        run_cmd(&mut ws.cargo(&[
            "clippy",
            "--all-targets",
            "--features",
            E2E_FEATURE,
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("clippy (app, wasm32)", || {
        run_cmd(&mut ws.cargo(&[
            "clippy",
            "-p",
            "inzage-app",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("check (domain and i18n, wasm32)", || {
        run_cmd(&mut ws.cargo(&[
            "check",
            "-p",
            "inzage-domain",
            "-p",
            "inzage-i18n",
            "--target",
            WASM_TARGET,
        ]))
    })?;
    step("domain tests in headless Chromium (wasm32)", || {
        run_cmd(
            ws.cargo(&["test", "-p", "inzage-domain", "--target", WASM_TARGET])
                .env("CHROMEDRIVER", CHROMEDRIVER),
        )
    })?;
    step("JavaScript binding (Node)", || {
        // `cargo test` checks natively that the committed fixture holds the domain's
        // decisions; here the same fixture is replayed through wasm in Node.
        run_cmd(ws.cmd("bash").arg("domain-js/build.sh"))?;
        run_cmd(ws.cmd("node").args(["--test", "domain-js/test/"]))
    })?;
    step("trunk build --release (waiting for it)", || spa.finish())?;
    step("the SPA's size on the wire", || check_spa_size(&ws))?;

    // Stopped and removed when this block ends, also when `cargo test` fails.
    let postgres = step("start a throwaway PostgreSQL", || {
        TempPostgres::start(&postgres_bin)
    })?;
    // One build for every test, the end-to-end tests included: the same packages and features
    // as clippy's, so no dependency is compiled twice.
    step(
        "cargo test (SQLite, PostgreSQL, and end-to-end in headless Chromium)",
        || {
            run_cmd(
                ws.cargo(&["test", "--features", E2E_FEATURE])
                    .env("INZAGE_TEST_POSTGRES", postgres.url())
                    .env("INZAGE_DIST", ws.dist()),
            )
        },
    )?;
    step(
        "schemathesis as each role (quick: 5 examples, SQLite)",
        || run_cmd(&mut api_fuzz(&ws, &schemathesis, "sqlite", Some("5"))),
    )
}

/// Enables the end-to-end tests, which need the built SPA and chromedriver.
const E2E_FEATURE: &str = "inzage-tests/e2e";

/// The most the release SPA (its page, wasm, JavaScript and CSS, and the texts of the language
/// that weighs most, brotli-compressed as the server sends them) may weigh before `cargo xtask
/// test` fails: a ratchet at what it weighs now plus a little room, lowered as the app shrinks,
/// so that it never grows unnoticed.
const SPA_RATCHET_BYTES: u64 = 700 * 1000;
/// Issue 10's budget for the same, not met yet (docs/benchmarks.md, Sizes).
const SPA_BUDGET_BYTES: u64 = 280 * 1000;

/// Sums the brotli copies (written by tools/shell.mjs) of the app's page, wasm, JavaScript and
/// CSS in `dist/`, and of the largest of the languages the app fetches (`dist/locales/`: a
/// French-speaking visitor loads the French texts too), prints them, and fails above
/// [`SPA_RATCHET_BYTES`].
fn check_spa_size(ws: &Workspace) -> Result<()> {
    let mut total = 0;
    let mut parts = Vec::new();
    for entry in fs::read_dir(ws.dist())? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(original) = name.strip_suffix(".br") else {
            continue;
        };
        // The page too: it carries the stylesheet and the loader script inline.
        let app_file = [".wasm", ".js", ".css"]
            .iter()
            .any(|e| original.ends_with(e))
            || original == "index.html";
        if !app_file || original == "sw.js" {
            continue;
        }
        let size = fs::metadata(ws.dist().join(&name))?.len();
        total += size;
        parts.push(format!("{original} {} KB", size / 1000));
    }
    parts.sort();
    let mut languages = Vec::new();
    for entry in fs::read_dir(ws.dist().join("locales"))? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().ends_with(".ftl.br") {
            languages.push((entry.metadata()?.len(), entry.file_name()));
        }
    }
    languages.sort();
    let Some((size, name)) = languages.last() else {
        bail!(
            "no brotli copy of a language's texts in {}/locales",
            ws.dist().display()
        );
    };
    total += size;
    parts.push(format!(
        "locales/{} {} KB (the largest of {} languages fetched)",
        name.to_string_lossy().trim_end_matches(".br"),
        size / 1000,
        languages.len()
    ));
    println!(
        "{}: {} KB brotli in all (ratchet {} KB; issue 10's budget {} KB)",
        parts.join(", "),
        total / 1000,
        SPA_RATCHET_BYTES / 1000,
        SPA_BUDGET_BYTES / 1000
    );
    if !parts.iter().any(|p| p.contains(".wasm ")) {
        bail!("no brotli copy of the wasm in {}", ws.dist().display());
    }
    if total > SPA_RATCHET_BYTES {
        bail!(
            "the SPA grew to {} KB brotli, over the ratchet of {} KB: make it smaller (twiggy on \
             a build with names shows what is large), or raise SPA_RATCHET_BYTES in \
             xtask/src/main.rs with the reason in docs/benchmarks.md",
            total / 1000,
            SPA_RATCHET_BYTES / 1000
        );
    }
    Ok(())
}

/// Where trunk's cargo builds the SPA: apart from the host builds' `target/`.
const SPA_TARGET_DIR: &str = "target/spa";

/// A `trunk build --release` running in the background, its output going to a log file that is
/// shown when it fails. Dropping it unfinished stops it.
struct SpaBuild {
    child: Option<std::process::Child>,
    log: PathBuf,
    started: Instant,
}

impl SpaBuild {
    fn start(ws: &Workspace) -> Result<Self> {
        let log = ws.root.join("target/spa-build.log");
        fs::create_dir_all(ws.root.join("target"))?;
        let out = fs::File::create(&log)
            .with_context(|| format!("could not create {}", log.display()))?;
        let mut cmd = trunk_command(ws);
        let shown = describe(&cmd);
        let child = cmd
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .spawn()
            .with_context(|| format!("could not start `{shown}`"))?;
        println!("$ {shown} > {}", log.display());
        Ok(Self {
            child: Some(child),
            log,
            started: Instant::now(),
        })
    }

    fn finish(mut self) -> Result<()> {
        let Some(mut child) = self.child.take() else {
            bail!("the SPA build was already waited for");
        };
        let status = child.wait().context("waiting for trunk")?;
        let log = fs::read_to_string(&self.log).unwrap_or_default();
        if !status.success() {
            let tail: Vec<&str> = log.lines().rev().take(60).collect();
            for line in tail.into_iter().rev() {
                println!("{line}");
            }
            bail!(
                "`trunk build --release` failed ({status}); its whole output is in {}",
                self.log.display()
            );
        }
        println!(
            "built in {} (output in {})",
            format_duration(self.started.elapsed()),
            self.log.display()
        );
        Ok(())
    }
}

impl Drop for SpaBuild {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The workspace root and the `PATH` every child process gets.
struct Workspace {
    root: PathBuf,
    /// The pinned tools first, then the caller's `PATH`, then `/usr/bin` if it was missing.
    path: OsString,
    /// The cargo that runs us (`$CARGO`), so nested builds use the same toolchain.
    cargo: OsString,
}

impl Workspace {
    fn locate() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .context("xtask's manifest directory has no parent")?
            .to_path_buf();
        let mut dirs = vec![
            root.join("tools/node_modules/.bin"),
            cargo_home()?.join("bin"),
        ];
        dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
        let usr_bin = PathBuf::from("/usr/bin");
        if !dirs.contains(&usr_bin) {
            dirs.push(usr_bin);
        }
        let path = env::join_paths(dirs).context("a PATH entry contains the separator `:`")?;
        let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Ok(Self { root, path, cargo })
    }

    /// A command that runs in the workspace root with the tools' `PATH`.
    fn cmd(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", &self.path);
        cmd
    }

    fn cargo(&self, args: &[&str]) -> Command {
        let mut cmd = self.cmd(&self.cargo);
        cmd.args(args);
        cmd
    }

    fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }
}

/// `$CARGO_HOME`, or `~/.cargo`.
fn cargo_home() -> Result<PathBuf> {
    if let Some(home) = env::var_os("CARGO_HOME") {
        return Ok(PathBuf::from(home));
    }
    let home = env::var_os("HOME").context("neither CARGO_HOME nor HOME is set")?;
    Ok(PathBuf::from(home).join(".cargo"))
}

/// Prints a step's name, runs it, prints how long it took (to see where a run's time goes),
/// and names the step in its error.
fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n==> {name}");
    let started = Instant::now();
    let result = f().with_context(|| format!("step `{name}` failed"));
    println!("<== {name}: {}", format_duration(started.elapsed()));
    result
}

// ---------------------------------------------------------------------------------------------
// Build tools (both commands)
// ---------------------------------------------------------------------------------------------

/// Installs what both commands need: the wasm32 target, trunk, wasm-bindgen-cli and wasm-opt.
fn ensure_build_tools(ws: &Workspace) -> Result<()> {
    step("tool: rust target wasm32-unknown-unknown", || {
        ensure_wasm_target(ws)
    })?;
    step("tool: trunk", || ensure_trunk(ws))?;
    step("tool: wasm-bindgen-cli", || ensure_wasm_bindgen(ws))?;
    step("tool: wasm-opt (npm binaryen)", || ensure_wasm_opt(ws))
}

fn ensure_wasm_target(ws: &Workspace) -> Result<()> {
    let installed = output_of(ws.cmd("rustup").args(["target", "list", "--installed"]))
        .context("`rustup target list --installed` failed: is rustup installed?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("{WASM_TARGET} is installed");
        return Ok(());
    }
    run_cmd(ws.cmd("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_trunk(ws: &Workspace) -> Result<()> {
    if tool_version(ws, "trunk").as_deref() == Some(TRUNK_VERSION) {
        println!("trunk {TRUNK_VERSION} is installed");
        return Ok(());
    }
    println!("installing trunk {TRUNK_VERSION} (takes about 6 minutes)");
    run_cmd(&mut tool_install(
        ws,
        &["install", "--locked", &format!("trunk@{TRUNK_VERSION}")],
    ))?;
    expect_version(ws, "trunk", TRUNK_VERSION)
}

/// `cargo install` of a build tool without the tool's own release settings for the smallest,
/// fastest binary (trunk asks for fat LTO in one codegen unit: about 1.5 of its 7.5 minutes on
/// two cores). A build tool's own speed hardly matters; the settings come from the
/// environment, which overrides the tool's manifest.
fn tool_install(ws: &Workspace, args: &[&str]) -> Command {
    let mut cmd = ws.cargo(args);
    cmd.env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    cmd
}

/// wasm-bindgen-cli (with `wasm-bindgen-test-runner`) at exactly the locked `wasm-bindgen`.
fn ensure_wasm_bindgen(ws: &Workspace) -> Result<()> {
    let version = locked_version(&ws.root.join("Cargo.lock"), "wasm-bindgen")?;
    let binaries = ["wasm-bindgen", "wasm-bindgen-test-runner"];
    if binaries
        .iter()
        .all(|bin| tool_version(ws, bin).as_deref() == Some(version.as_str()))
    {
        println!("wasm-bindgen-cli {version} is installed (the version in Cargo.lock)");
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {version} (takes about 3 minutes)");
    // Not `--locked`: its lock file names a crate version the registry no longer has.
    run_cmd(&mut tool_install(
        ws,
        &["install", &format!("wasm-bindgen-cli@{version}")],
    ))?;
    for bin in binaries {
        expect_version(ws, bin, &version)?;
    }
    Ok(())
}

/// The npm tools in `tools/package-lock.json` (wasm-opt from binaryen for the SPA build; the
/// OpenID provider and SMTP server the tests run as real protocol peers; axe-core, which the
/// end-to-end tests inject into the page to check accessibility), installed with `npm ci`
/// when missing or when the lock file changed since the last install.
fn ensure_wasm_opt(ws: &Workspace) -> Result<()> {
    let tools = ws.root.join("tools");
    let wasm_opt = tools.join("node_modules/.bin/wasm-opt");
    let expected = format!("version_{BINARYEN_VERSION}");
    let is_pinned = |bin: &Path| {
        output_of(ws.cmd(bin).arg("--version")).is_some_and(|out| out.contains(&expected))
    };
    if is_pinned(&wasm_opt) && npm_install_is_current(&tools) {
        println!("the npm tools (wasm-opt {BINARYEN_VERSION}, oidc-provider, smtp-server, axe-core, lighthouse) are installed in tools/node_modules");
        return Ok(());
    }
    run_cmd(
        ws.cmd("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tools),
    )?;
    if !is_pinned(&wasm_opt) {
        bail!(
            "after `npm ci`, {} does not report {expected}: do tools/package.json and \
             tools/package-lock.json pin binaryen {BINARYEN_VERSION}?",
            wasm_opt.display()
        );
    }
    Ok(())
}

/// Whether `npm ci` installed exactly what `tools/package-lock.json` lists: npm keeps a copy of
/// the lock's package list in `node_modules/.package-lock.json`.
fn npm_install_is_current(tools: &Path) -> bool {
    let packages = |path: PathBuf| -> Option<serde_json::Value> {
        let text = fs::read_to_string(path).ok()?;
        let json: serde_json::Value = serde_json::from_str(&text).ok()?;
        let mut packages = json.get("packages")?.clone();
        packages.as_object_mut()?.remove("");
        Some(packages)
    };
    match (
        packages(tools.join("package-lock.json")),
        packages(tools.join("node_modules/.package-lock.json")),
    ) {
        (Some(wanted), Some(installed)) => wanted == installed,
        _ => false,
    }
}

/// The second word of the first line of `program --version` (`trunk 0.21.14` → `0.21.14`),
/// or `None` when the program is missing or fails.
fn tool_version(ws: &Workspace, program: &str) -> Option<String> {
    let out = output_of(ws.cmd(program).arg("--version"))?;
    let first_line = out.lines().next()?;
    first_line.split_whitespace().nth(1).map(str::to_owned)
}

fn expect_version(ws: &Workspace, program: &str, version: &str) -> Result<()> {
    match tool_version(ws, program) {
        Some(found) if found == version => Ok(()),
        Some(found) => bail!(
            "after installing, `{program} --version` reports {found}, not {version}: \
             is another {program} earlier on PATH?"
        ),
        None => bail!("after installing, `{program} --version` does not run"),
    }
}

/// The one version of package `name` in a `Cargo.lock`.
fn locked_version(lock_file: &Path, name: &str) -> Result<String> {
    let lock = fs::read_to_string(lock_file)
        .with_context(|| format!("could not read {}", lock_file.display()))?;
    match locked_versions(&lock, name).as_slice() {
        [version] => Ok(version.clone()),
        [] => bail!(
            "{} has no package `{name}`: does the app depend on it (through leptos)?",
            lock_file.display()
        ),
        several => bail!(
            "{} has several versions of `{name}` ({}): the wasm-bindgen CLI can match only one",
            lock_file.display(),
            several.join(", ")
        ),
    }
}

/// The versions of package `name` in the text of a `Cargo.lock`.
fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions = Vec::new();
    for block in lock.split("[[package]]").skip(1) {
        let (mut package, mut version) = (None, None);
        for line in block
            .lines()
            .take_while(|l| !l.trim_start().starts_with('['))
        {
            if let Some((key, value)) = line.split_once('=') {
                let value = value.trim().trim_matches('"');
                match key.trim() {
                    "name" => package = Some(value),
                    "version" => version = Some(value),
                    _ => {}
                }
            }
        }
        if let (Some(package), Some(version)) = (package, version) {
            if package == name {
                versions.push(version.to_owned());
            }
        }
    }
    versions
}

// ---------------------------------------------------------------------------------------------
// Debian packages (test only)
// ---------------------------------------------------------------------------------------------

/// Installs Chromium, ChromeDriver and PostgreSQL from Debian if missing; returns PostgreSQL's
/// program directory.
fn ensure_test_packages(ws: &Workspace) -> Result<PathBuf> {
    let mut missing = Vec::new();
    if !Path::new(CHROMIUM).is_file() {
        missing.push("chromium");
    }
    if !Path::new(CHROMEDRIVER).is_file() {
        missing.push("chromium-driver");
    }
    if postgres_bin_dir()?.is_none() {
        missing.push("postgresql");
    }
    if !missing.is_empty() {
        apt_install(ws, &missing)?;
    }
    for file in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(file).is_file() {
            bail!(
                "{file} is still missing after installing {}",
                missing.join(" ")
            );
        }
    }
    let bin = postgres_bin_dir()?.with_context(|| {
        format!("no {POSTGRES_LIB}/*/bin/initdb even after installing postgresql")
    })?;
    println!(
        "found {CHROMIUM}, {CHROMEDRIVER} and PostgreSQL in {}",
        bin.display()
    );
    Ok(bin)
}

/// `apt-get update` then `apt-get install -y PACKAGES`, through sudo unless we are root.
fn apt_install(ws: &Workspace, packages: &[&str]) -> Result<()> {
    let root = is_root()?;
    let apt_get = |args: &[&str]| {
        let mut cmd = if root {
            ws.cmd("apt-get")
        } else {
            let mut sudo = ws.cmd("sudo");
            sudo.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
            sudo
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        cmd
    };
    run_cmd(&mut apt_get(&["update"]))?;
    let mut install = apt_get(&["install", "-y"]);
    install.args(packages);
    run_cmd(&mut install)
}

fn is_root() -> Result<bool> {
    let uid = output_of(Command::new("id").arg("-u")).context("`id -u` failed")?;
    Ok(uid.trim() == "0")
}

/// The `bin` directory of the newest PostgreSQL under [`POSTGRES_LIB`] that has `initdb`.
fn postgres_bin_dir() -> Result<Option<PathBuf>> {
    let entries = match fs::read_dir(POSTGRES_LIB) {
        Ok(entries) => entries,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err).with_context(|| format!("could not list {POSTGRES_LIB}")),
    };
    let mut newest: Option<(Vec<u32>, PathBuf)> = None;
    for entry in entries {
        let entry = entry.with_context(|| format!("could not list {POSTGRES_LIB}"))?;
        let Some(version) = entry.file_name().to_str().and_then(parse_version) else {
            continue;
        };
        let bin = entry.path().join("bin");
        let is_newer = newest.as_ref().is_none_or(|(best, _)| version > *best);
        if is_newer && bin.join("initdb").is_file() {
            newest = Some((version, bin));
        }
    }
    Ok(newest.map(|(_, bin)| bin))
}

/// `"15"` → `[15]`, `"9.6"` → `[9, 6]`; `None` if not a dotted number.
fn parse_version(text: &str) -> Option<Vec<u32>> {
    text.split('.').map(|part| part.parse().ok()).collect()
}

// ---------------------------------------------------------------------------------------------
// Throwaway PostgreSQL (test only)
// ---------------------------------------------------------------------------------------------

/// A PostgreSQL server in a temporary directory, listening on a free loopback port.
///
/// Dropping it stops the server (`pg_ctl stop -m immediate`) and removes the directory, on every
/// exit path including a failed start. PostgreSQL refuses to run as root, so as root its
/// programs run as the `postgres` user (through `runuser`), which owns the directory.
struct TempPostgres {
    dir: PathBuf,
    bin: PathBuf,
    as_postgres_user: bool,
    port: u16,
}

impl TempPostgres {
    fn start(bin: &Path) -> Result<Self> {
        let dir = make_temp_dir("inzage-postgres")?;
        // From here on, dropping `postgres` cleans up.
        let mut postgres = Self {
            dir,
            bin: bin.to_path_buf(),
            as_postgres_user: is_root()?,
            port: 0,
        };
        if postgres.as_postgres_user {
            run_captured(
                Command::new("chown")
                    .arg("postgres:postgres")
                    .arg(&postgres.dir),
            )?;
        }
        run_captured(
            postgres
                .pg_command("initdb")
                .arg("-D")
                .arg(postgres.data())
                .args(["-A", "trust", "-U", "postgres"]),
        )?;
        postgres.port = free_port()?;
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k '{}' -c fsync=off",
            postgres.port,
            postgres.dir.display()
        );
        let log = postgres.dir.join("log");
        let started = run_captured(
            postgres
                .pg_command("pg_ctl")
                .arg("-D")
                .arg(postgres.data())
                .args(["-o", &options, "-l"])
                .arg(&log)
                .args(["-w", "start"]),
        );
        if let Err(err) = started {
            let log_text = fs::read_to_string(&log).unwrap_or_default();
            return Err(err.context(format!("PostgreSQL did not start; its log:\n{log_text}")));
        }
        println!("PostgreSQL is listening at {}", postgres.url());
        Ok(postgres)
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// One of PostgreSQL's programs, as the `postgres` user when we are root.
    fn pg_command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        let mut cmd = if self.as_postgres_user {
            let mut runuser = Command::new("runuser");
            runuser.args(["-u", "postgres", "--"]).arg(program);
            runuser
        } else {
            Command::new(program)
        };
        cmd.current_dir(&self.dir);
        cmd
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        // The postmaster removes this file when it exits: its presence means it may be running.
        if self.data().join("postmaster.pid").exists() {
            println!("stopping PostgreSQL on port {}", self.port);
            let mut stop = self.pg_command("pg_ctl");
            stop.arg("-D")
                .arg(self.data())
                .args(["-m", "immediate", "stop"]);
            if let Err(err) = run_captured(&mut stop) {
                eprintln!("warning: could not stop PostgreSQL: {err:#}");
            }
        }
        if let Err(err) = fs::remove_dir_all(&self.dir) {
            eprintln!("warning: could not remove {}: {err}", self.dir.display());
        }
    }
}

/// A new, empty directory in the system's temporary directory.
fn make_temp_dir(prefix: &str) -> Result<PathBuf> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or_default();
    let dir = env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
    fs::create_dir(&dir).with_context(|| format!("could not create {}", dir.display()))?;
    Ok(dir)
}

/// A loopback port that was free a moment ago (bound to port 0, then released).
fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind("127.0.0.1:0").context("could not bind a port on 127.0.0.1")?;
    Ok(listener.local_addr()?.port())
}

// ---------------------------------------------------------------------------------------------
// SPA and server
// ---------------------------------------------------------------------------------------------

fn trunk_build(ws: &Workspace) -> Result<()> {
    run_cmd(&mut trunk_command(ws))
}

/// `trunk build --release`, its cargo building in [`SPA_TARGET_DIR`].
fn trunk_command(ws: &Workspace) -> Command {
    let mut cmd = ws.cmd("trunk");
    cmd.args(["build", "--release"])
        .env("CARGO_TARGET_DIR", ws.root.join(SPA_TARGET_DIR));
    cmd
}

fn check_demo_data(ws: &Workspace) -> Result<()> {
    let synthea = ws.root.join(SYNTHEA_DIR);
    if !synthea.is_dir() {
        bail!(
            "the demo data is missing: expected the Synthea patients in {} (the shared/ folder \
             beside the workspace, with data/synthea in it)",
            synthea.display()
        );
    }
    let extra = ws.root.join(DEMO_EXTRA);
    if !extra.is_file() {
        bail!("the demo data is missing: expected {}", extra.display());
    }
    println!("{SYNTHEA_DIR} and {DEMO_EXTRA}");
    Ok(())
}

/// `inzage-server serve` on the demo data and the release `dist/`, until it is stopped.
fn serve_demo(ws: &Workspace) -> Result<()> {
    let mut cmd = ws.cargo(&[
        "run",
        "--release",
        "-p",
        "inzage-server",
        "--",
        "serve",
        "--demo",
        SYNTHEA_DIR,
        "--demo",
        DEMO_EXTRA,
    ]);
    cmd.env("INZAGE_DIST", ws.dist());
    if env::var_os("INZAGE_NETWORK").is_none() {
        cmd.env("INZAGE_NETWORK", "config/demo-network.toml");
    }
    if env::var_os("DATABASE_URL").is_none() {
        cmd.env("DATABASE_URL", DEFAULT_DATABASE_URL);
    }
    // The demo's identity provider, unless another identity file is configured.
    let mut provider = None;
    if env::var_os("INZAGE_IDENTITY").is_none() {
        match start_demo_identity_provider(ws) {
            Ok(child) => {
                provider = Some(child);
                cmd.env("INZAGE_IDENTITY", "config/demo-identity.toml")
                    .env("INZAGE_DEMO_OIDC_SECRET", DEMO_OIDC_SECRET);
            }
            Err(e) => println!("the demo identity provider did not start ({e:#}): code cards only"),
        }
    }
    let result = run_cmd(&mut cmd);
    if let Some(mut child) = provider {
        let _ = child.kill();
        let _ = child.wait();
    }
    result
}

/// The demo identity provider's client secret: a demo value, known to both sides.
const DEMO_OIDC_SECRET: &str = "inzage-demo-oidc-secret";
/// Where the demo identity provider listens (`config/demo-identity.toml` names it).
const DEMO_OIDC_PORT: u16 = 8081;

/// Starts the demo's OpenID provider: `oidc-provider` configured by `tests/oidc/provider.mjs`,
/// standing in for the federal login service (eID, itsme) and DigiD, with the demo patients'
/// national numbers (README.md lists them) and one person the hospital does not know.
fn start_demo_identity_provider(ws: &Workspace) -> Result<std::process::Child> {
    TcpListener::bind(("127.0.0.1", DEMO_OIDC_PORT))
        .with_context(|| format!("port {DEMO_OIDC_PORT} is taken"))?;
    let portal = env::var("INZAGE_PUBLIC_URL").unwrap_or_else(|_| {
        format!(
            "http://{}",
            env::var("INZAGE_BIND").unwrap_or_else(|_| "127.0.0.1:8080".into())
        )
    });
    let portal = portal.trim_end_matches('/');
    let callback = |id: &str| format!("{portal}/api/v1/oidc/{id}/callback");
    let config = serde_json::json!({
        "port": DEMO_OIDC_PORT,
        "issuer": format!("http://127.0.0.1:{DEMO_OIDC_PORT}"),
        "clients": [
            { "client_id": "inzage-demo", "client_secret": DEMO_OIDC_SECRET,
              "redirect_uris": [callback("eid")] },
            { "client_id": "inzage-demo-digid", "client_secret": DEMO_OIDC_SECRET,
              "redirect_uris": [callback("digid")] },
        ],
        "accounts": {
            "margery": { "name": "Margery Gibson (eID)", "egovNRN": "48110810264" },
            "reyna": { "name": "Reyna Ziemann (eID)", "egovNRN": "74022820439" },
            "noor": { "name": "Noor Visser (DigiD)", "bsn": "111222333" },
            "someone": { "name": "Someone Else (no account here)", "egovNRN": "90020199704" },
        },
        "scopes": { "egovNRN": ["egovNRN"], "bsn": ["bsn"] },
    });
    let child = ws
        .cmd("node")
        .arg("tests/oidc/provider.mjs")
        .arg(config.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("starting node tests/oidc/provider.mjs")?;
    println!(
        "demo identity provider (eID, itsme, DigiD stand-in) on http://127.0.0.1:{DEMO_OIDC_PORT}"
    );
    Ok(child)
}

// ---------------------------------------------------------------------------------------------
// Running commands
// ---------------------------------------------------------------------------------------------

/// Runs `cmd` with the terminal's stdio; fails unless it exits with status 0.
fn run_cmd(cmd: &mut Command) -> Result<()> {
    let shown = describe(cmd);
    println!("$ {shown}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Runs `cmd` with its output captured, and shows that output only if it fails.
fn run_captured(cmd: &mut Command) -> Result<()> {
    let shown = describe(cmd);
    println!("$ {shown}");
    let Output {
        status,
        stdout,
        stderr,
    } = cmd
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!(
            "`{shown}` failed ({status}):\n{}{}",
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr)
        );
    }
    Ok(())
}

/// The standard output of `cmd`, or `None` if it cannot start or fails.
fn output_of(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `cmd` as a shell-like line, with the variables it sets (except `PATH`) in front.
fn describe(cmd: &Command) -> String {
    let mut words: Vec<String> = cmd
        .get_envs()
        .filter(|(key, _)| *key != "PATH")
        .filter_map(|(key, value)| {
            value.map(|v| format!("{}={}", key.to_string_lossy(), v.to_string_lossy()))
        })
        .collect();
    let program = Path::new(cmd.get_program());
    if program.file_name() == Some(OsStr::new("cargo")) {
        words.push("cargo".to_owned()); // `$CARGO` is a long toolchain path
    } else {
        words.push(program.to_string_lossy().into_owned());
    }
    words.extend(cmd.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words.join(" ")
}

fn format_duration(elapsed: Duration) -> String {
    let secs = elapsed.as_secs();
    format!("{}m {:02}s", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"
"#;

    #[test]
    fn finds_the_locked_version_of_exactly_that_package() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), vec!["0.2.130"]);
        assert_eq!(locked_versions(LOCK, "wasm-bindgen-macro"), vec!["0.2.130"]);
        assert!(locked_versions(LOCK, "cfg-if").is_empty());
    }

    #[test]
    fn parses_postgres_directory_versions() {
        assert_eq!(parse_version("15"), Some(vec![15]));
        assert_eq!(parse_version("9.6"), Some(vec![9, 6]));
        assert_eq!(parse_version("common"), None);
        assert!(parse_version("15") > parse_version("9.6"));
    }

    #[test]
    fn reads_all_cpus_time_and_its_idle_part() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        let stat = "cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\nintr 1\n";
        assert_eq!(cpu_times_of(stat), Some((980, 820)));
        assert_eq!(cpu_times_of("intr 1\n"), None);
        assert_eq!(cpu_times_of("cpu  1 x 3\n"), None);
    }

    #[test]
    fn formats_minutes_and_seconds() {
        assert_eq!(format_duration(Duration::from_secs(185)), "3m 05s");
    }
}

//! Load (issue 10, item 6): the authenticated report list under 64 concurrent connections, side
//! by side in the same run with the server's own static-file route as this machine's ceiling.
//!
//! The server runs with the demo (the Synthea patients) and 100,000 audit entries on Margery's
//! record; every request of the report list goes through the session, `authorize`, the domain's
//! decision on each report and an audit write; `/me` (the session alone) shows what part of that
//! every API request pays. The load comes from `wrk` (Debian's package) in
//! another process. Run with `cargo xtask load`, which installs wrk, builds the SPA and runs this
//! in release mode; or by hand:
//! `INZAGE_DIST=$PWD/dist cargo run --release -p inzage-tests --example http_load [postgres] [SECONDS]`
//! (PostgreSQL with `INZAGE_TEST_POSTGRES` set). Prints a Markdown table for docs/benchmarks.md
//! and fails when a request failed or the goals are missed.

use std::process::Command;
use std::time::Instant;

use anyhow::Context;
use inzage_server::store::NewAuditEntry;
use inzage_tests::{session_token, Db, TestApp};

const AUDIT_ENTRIES: i64 = 100_000;
const CONNECTIONS: u32 = 64;

/// One of the audit entries written before the run: the patient's doctors' and her own reads.
fn entry(patient: &str, i: i64) -> NewAuditEntry {
    let (kind, actor, role) = if i % 4 == 0 {
        ("person", patient.to_owned(), "patient")
    } else {
        ("practitioner", format!("dr-load-{}", i % 3), "specialist")
    };
    NewAuditEntry {
        at: 1_700_000_000 + i * 60,
        actor_kind: kind.into(),
        actor_id: actor.clone(),
        actor_name: actor,
        actor_role: role.into(),
        patient_id: patient.into(),
        action: "read".into(),
        resource: "reports".into(),
        outcome: "permit".into(),
        reasons: r#"[{"key":"reason.treating_relationship"}]"#.into(),
        client: Some("192.0.2.1".into()),
    }
}

/// What wrk measured for one address.
#[derive(Debug)]
struct Run {
    requests: u64,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    failed: u64,
}

/// A latency as wrk prints it (`812.00us`, `9.41ms`, `1.02s`), in milliseconds.
fn millis(text: &str) -> Option<f64> {
    let (number, factor) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    number.parse::<f64>().ok().map(|n| n * factor)
}

/// Reads wrk's report (with `--latency`).
fn parse(report: &str) -> anyhow::Result<Run> {
    let mut run = Run {
        requests: 0,
        per_second: 0.0,
        p50_ms: f64::NAN,
        p99_ms: f64::NAN,
        failed: 0,
    };
    for line in report.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["50%", value] => run.p50_ms = millis(value).context("p50")?,
            ["99%", value] => run.p99_ms = millis(value).context("p99")?,
            ["Requests/sec:", value] => run.per_second = value.parse()?,
            [n, "requests", "in", ..] => run.requests = n.parse()?,
            ["Non-2xx", "or", "3xx", "responses:", n] => run.failed += n.parse::<u64>()?,
            ["Socket", "errors:", rest @ ..] => {
                // connect 0, read 0, write 0, timeout 0
                for pair in rest.chunks(2) {
                    if let [_, n] = pair {
                        run.failed += n.trim_end_matches(',').parse::<u64>()?;
                    }
                }
            }
            _ => {}
        }
    }
    anyhow::ensure!(
        run.requests > 0 && run.p99_ms.is_finite(),
        "wrk's report could not be read:\n{report}"
    );
    Ok(run)
}

/// Runs wrk against `url` for `seconds`, with the session cookie when given.
fn wrk(url: &str, cookie: Option<&str>, seconds: u32) -> anyhow::Result<Run> {
    let mut cmd = Command::new("wrk");
    cmd.args([
        "-t2",
        &format!("-c{CONNECTIONS}"),
        &format!("-d{seconds}s"),
        "--latency",
    ]);
    if let Some(cookie) = cookie {
        cmd.args(["-H", &format!("Cookie: {cookie}")]);
    }
    let out = cmd
        .arg(url)
        .output()
        .context("running wrk: `cargo xtask load` installs it (Debian's package wrk)")?;
    anyhow::ensure!(out.status.success(), "wrk failed: {out:?}");
    parse(&String::from_utf8_lossy(&out.stdout))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let db = if args.iter().any(|a| a == "postgres") {
        Db::Postgres
    } else {
        Db::Sqlite
    };
    let seconds: u32 = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(20)
        .clamp(1, 600);
    anyhow::ensure!(
        std::env::var_os("INZAGE_DIST").is_some(),
        "INZAGE_DIST is not set: the static route needs the built SPA (`cargo xtask load`)"
    );
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");

    let started = Instant::now();
    for batch in 0..AUDIT_ENTRIES / 1_000 {
        let mut tx = app.store.begin().await?;
        for i in batch * 1_000..(batch + 1) * 1_000 {
            tx.audit(&entry(&margery, i)).await?;
        }
        tx.commit().await?;
    }
    println!(
        "wrote {AUDIT_ENTRIES} audit entries in {:.1?}",
        started.elapsed()
    );

    // A session as the browser holds it.
    let cookie = format!(
        "{}={}",
        inzage_server::auth::SESSION_COOKIE,
        session_token(&app, "margery").await?
    );
    let reports = app.url(&format!("/api/v1/records/{margery}/reports"));
    let check = reqwest::Client::new()
        .get(&reports)
        .header("cookie", &cookie)
        .send()
        .await?;
    anyhow::ensure!(check.status().is_success(), "reports: {}", check.status());
    let listed = check.bytes().await?.len();
    let static_file = app.url("/manifest.webmanifest");

    // wrk blocks; the server keeps serving on this runtime's threads meanwhile.
    let ceiling = {
        let url = static_file.clone();
        tokio::task::spawn_blocking(move || wrk(&url, None, seconds)).await??
    };
    // The session alone (no record, no audit entry): what every API request pays.
    let session_only = {
        let (url, cookie) = (app.url("/api/v1/me"), cookie.clone());
        tokio::task::spawn_blocking(move || wrk(&url, Some(&cookie), seconds)).await??
    };
    let before = audit_count(&app, &margery).await?;
    let reads = {
        let (url, cookie) = (reports.clone(), cookie.clone());
        tokio::task::spawn_blocking(move || wrk(&url, Some(&cookie), seconds)).await??
    };
    let written = audit_count(&app, &margery).await? - before;

    let backend = match db {
        Db::Sqlite => "SQLite",
        Db::Postgres => "PostgreSQL",
    };
    println!(
        "\n{backend}, {CONNECTIONS} connections, {seconds} s each, wrk 2 threads, on this machine:\n"
    );
    println!("| route | requests/s | p50 | p99 | failed |");
    println!("|---|---|---|---|---|");
    for (label, run) in [
        (
            "static file (`/manifest.webmanifest`), the ceiling",
            &ceiling,
        ),
        ("the session alone (`/me`)", &session_only),
        (
            &*format!("report list (`/records/{{r}}/reports`, {listed} bytes)"),
            &reads,
        ),
    ] {
        println!(
            "| {label} | {:.0} | {:.1} ms | {:.1} ms | {} |",
            run.per_second, run.p50_ms, run.p99_ms, run.failed
        );
    }
    let share = reads.per_second / ceiling.per_second * 100.0;
    println!(
        "\nreads at {share:.0}% of the ceiling; {written} audit entries written for {} reads",
        reads.requests
    );
    anyhow::ensure!(
        ceiling.failed == 0 && session_only.failed == 0 && reads.failed == 0,
        "failed requests"
    );
    // Every answered read left its one audit entry (wrk stops mid-request at the end, so a
    // few writes may belong to requests it did not count).
    anyhow::ensure!(
        written >= reads.requests && written <= reads.requests + u64::from(CONNECTIONS),
        "{written} audit entries for {} reads",
        reads.requests
    );
    let goals_met = share >= 25.0 && reads.p99_ms <= 50.0;
    println!(
        "goals (reads at >= 25% of the ceiling, p99 <= 50 ms, no errors): {}",
        if goals_met { "met" } else { "NOT met" }
    );
    app.stop().await?;
    Ok(())
}

/// How many audit entries Margery's record has.
async fn audit_count(app: &TestApp, patient: &str) -> anyhow::Result<u64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE patient_id = $1")
        .bind(patient)
        .fetch_one(app.store.pool())
        .await?;
    Ok(u64::try_from(n)?)
}

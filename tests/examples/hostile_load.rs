//! The server under hostile load (issue 10, items 3 and 4), in two parts, each with the latency
//! of `GET /api/v1/me` (the session check alone) asked every 50 ms, idle and under the load:
//!
//! 1. Uploads: many clients at once send what the hostile-input tests send one at a time —
//!    decompression bombs in PDFs, pixel bombs, bodies far over the limit, and the largest files
//!    allowed — while this process, which runs the server, samples its own resident memory. The
//!    clients are `curl` processes, so their buffers are not counted.
//! 2. A login flood: clients on a runtime of their own answer the code card wrongly for unknown
//!    usernames, each request from another address (in `X-Forwarded-For`, which the server
//!    trusts from loopback here, as from a hospital's proxy), so no address limit stops them
//!    and every answer costs two Argon2id verifications.
//!
//! Prints Markdown tables for docs/benchmarks.md.
//! `cargo run --release -p inzage-tests --example hostile_load [CLIENTS] [ROUNDS] [SECONDS]`
//! (defaults: 16 clients, 6 rounds each through every kind of upload, a 10-second flood).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use inzage_tests::documents::{pdf_with_object_stream, png, png_of_len, zlib};
use inzage_tests::{session_token, Db, TestApp};

/// A kind of request and the file it attaches.
struct Kind {
    name: &'static str,
    file: PathBuf,
    file_name: &'static str,
    /// Refused before it is all sent: the server may close the connection while curl is still
    /// sending, so curl sees no answer (`000`) instead of the 413.
    refused_early: bool,
}

/// The files, written once into `dir`.
fn kinds(dir: &Path) -> anyhow::Result<Vec<Kind>> {
    let write = |name: &str, bytes: Vec<u8>| -> anyhow::Result<PathBuf> {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        Ok(path)
    };
    // Just over the 64 MB a file's streams may decode to, in one stream and in many.
    let bomb = zlib(&vec![b' '; 80 * 1024 * 1024]);
    let mut many = b"%PDF-1.5\n".to_vec();
    let small = zlib(&vec![b' '; 4 * 1024 * 1024]);
    for i in 0..20 {
        many.extend_from_slice(
            format!(
                "{i} 0 obj << /Filter /FlateDecode /Length {} >>\nstream\n",
                small.len()
            )
            .as_bytes(),
        );
        many.extend_from_slice(&small);
        many.extend_from_slice(b"\nendstream\nendobj\n");
    }
    many.extend_from_slice(b"%%EOF\n");
    Ok(vec![
        Kind {
            name: "a PDF whose stream inflates to 80 MB",
            file: write("bomb.pdf", pdf_with_object_stream("/FlateDecode", &bomb))?,
            file_name: "scan.pdf",
            refused_early: false,
        },
        Kind {
            name: "a PDF of 20 streams of 4 MB inflated",
            file: write("many.pdf", many)?,
            file_name: "scan.pdf",
            refused_early: false,
        },
        Kind {
            name: "a PNG claiming 100,000 × 100,000 pixels",
            file: write("pixels.png", png(100_000, 100_000))?,
            file_name: "scan.png",
            refused_early: false,
        },
        Kind {
            name: "a PNG of exactly 5 MB (accepted)",
            file: write("max.png", png_of_len(5 * 1024 * 1024))?,
            file_name: "scan.png",
            refused_early: false,
        },
        Kind {
            name: "a 40 MB body (over the 15.25 MB limit)",
            file: write("huge.png", png_of_len(40 * 1024 * 1024))?,
            file_name: "scan.png",
            refused_early: true,
        },
    ])
}

/// The latency of `GET /api/v1/me` (a session check and nothing else), in milliseconds, asked
/// every 50 ms until `stop` is set: whether other requests are served while uploads are checked.
async fn probe(
    url: String,
    cookie: String,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> anyhow::Result<Vec<f64>> {
    let client = reqwest::Client::new();
    let mut out = Vec::new();
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        let started = Instant::now();
        let res = client.get(&url).header("Cookie", &cookie).send().await?;
        anyhow::ensure!(res.status().is_success(), "/me: {}", res.status());
        out.push(started.elapsed().as_secs_f64() * 1000.0);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(out)
}

/// The median and the largest of some latencies.
fn summary(mut ms: Vec<f64>) -> String {
    ms.sort_by(f64::total_cmp);
    let median = ms.get(ms.len() / 2).copied().unwrap_or(f64::NAN);
    let max = ms.last().copied().unwrap_or(f64::NAN);
    format!(
        "median {median:.1} ms, max {max:.1} ms ({} requests)",
        ms.len()
    )
}

/// This process's resident memory and its peak, in KiB, from `/proc/self/status`.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

/// One client: `rounds` times every kind, as a curl process per request. Returns the statuses.
async fn client(
    url: String,
    cookie: String,
    kinds: std::sync::Arc<Vec<Kind>>,
    rounds: usize,
    offset: usize,
) -> anyhow::Result<Vec<(usize, String)>> {
    let mut out = Vec::new();
    for round in 0..rounds {
        for k in 0..kinds.len() {
            let i = (k + offset + round) % kinds.len();
            let kind = &kinds[i];
            let message = serde_json::json!({
                "hospital": "inzage-demo-az-voorbeeld",
                "department": "patient_questions",
                "subject": "Geheugen",
                "body": "Een bijlage.",
            });
            let res = tokio::process::Command::new("curl")
                .args(["-s", "-o", "/dev/null", "-w", "%{http_code}"])
                // The whole body is sent, as a browser does, without waiting for a 100 Continue.
                .args(["-H", "Expect:"])
                .args(["-H", &format!("Cookie: {cookie}")])
                .args(["--form-string", &format!("message={message}")])
                .args([
                    "-F",
                    &format!(
                        "attachment=@{};filename={}",
                        kind.file.display(),
                        kind.file_name
                    ),
                ])
                .arg(&url)
                .output()
                .await
                .context("running curl (Debian's package curl)")?;
            out.push((i, String::from_utf8_lossy(&res.stdout).into_owned()));
        }
    }
    Ok(out)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let clients = args.first().copied().unwrap_or(16).clamp(1, 256);
    let rounds = args.get(1).copied().unwrap_or(6).clamp(1, 1000);
    let seconds = args.get(2).copied().unwrap_or(10).clamp(1, 600) as u64;
    let dir = tempfile::tempdir()?;
    let kinds = std::sync::Arc::new(kinds(dir.path())?);
    let app = TestApp::spawn_with(Db::Sqlite, |c| {
        c.trusted_proxies = "127.0.0.0/8".parse().into_iter().collect();
    })
    .await?;
    let cookie = format!(
        "{}={}",
        inzage_server::auth::SESSION_COOKIE,
        session_token(&app, "margery").await?
    );
    let url = app.url(&format!(
        "/api/v1/records/{}/messages",
        app.id_of("margery")
    ));
    // The peak so far (loading the demo) is not what is measured: reset it (Linux ≥ 4.0).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let (before, _) = memory();

    let me = app.url("/api/v1/me");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let idle = tokio::spawn(probe(me.clone(), cookie.clone(), stop.clone()));
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let idle = idle.await??;
    stop.store(false, std::sync::atomic::Ordering::Relaxed);
    let busy = tokio::spawn(probe(me, cookie.clone(), stop.clone()));

    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..clients {
        tasks.spawn(client(
            url.clone(),
            cookie.clone(),
            kinds.clone(),
            rounds,
            c,
        ));
    }
    let mut peak_rss = before;
    let mut statuses: Vec<Vec<String>> = vec![Vec::new(); kinds.len()];
    loop {
        tokio::select! {
            done = tasks.join_next() => match done {
                Some(result) => {
                    for (i, status) in result?? {
                        statuses[i].push(status);
                    }
                }
                None => break,
            },
            () = tokio::time::sleep(Duration::from_millis(20)) => {
                peak_rss = peak_rss.max(memory().0);
            }
        }
    }
    let elapsed = started.elapsed();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let busy = busy.await??;
    let (after, high_water) = memory();
    println!(
        "| requests | clients at once | server RSS before | peak RSS (sampled every 20 ms) | \
         peak RSS (VmHWM) | RSS after | time |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| {} | {clients} | {} | {} | {} | {} | {:.1} s |",
        clients * rounds * kinds.len(),
        mib(before),
        mib(peak_rss),
        mib(high_water),
        mib(after),
        elapsed.as_secs_f64()
    );
    println!();
    println!("`GET /api/v1/me` idle: {}", summary(idle));
    println!("`GET /api/v1/me` during the uploads: {}", summary(busy));
    println!();
    println!("| request | answers |");
    println!("|---|---|");
    for (kind, got) in kinds.iter().zip(&statuses) {
        let mut counts = std::collections::BTreeMap::<&str, usize>::new();
        for s in got {
            *counts.entry(s.as_str()).or_default() += 1;
        }
        let counts: Vec<String> = counts.iter().map(|(s, n)| format!("{n} × {s}")).collect();
        println!("| {} | {} |", kind.name, counts.join(", "));
        anyhow::ensure!(
            got.iter().all(|s| s.starts_with('2')
                || s.starts_with('4')
                || (kind.refused_early && s == "000")),
            "{}: an answer other than 2xx or 4xx: {got:?}",
            kind.name
        );
    }

    // The login flood.
    let (before, _) = memory();
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    stop.store(false, std::sync::atomic::Ordering::Relaxed);
    let busy = tokio::spawn(probe(app.url("/api/v1/me"), cookie.clone(), stop.clone()));
    let base = app.url("");
    let flood = std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(login_flood(base, clients, seconds)))
    });
    let flood = tokio::task::spawn_blocking(move || flood.join())
        .await?
        .map_err(|_| anyhow::anyhow!("the flood's thread panicked"))??;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let busy = busy.await??;
    let (_, high_water) = memory();
    let answered: usize = flood.values().sum();
    println!();
    println!("| login flood | clients at once | answers | per second | answers by status | peak RSS growth |");
    println!("|---|---|---|---|---|---|");
    let statuses: Vec<String> = flood.iter().map(|(s, n)| format!("{n} × {s}")).collect();
    println!(
        "| {seconds} s | {clients} | {answered} | {:.1} | {} | {} |",
        answered as f64 / seconds as f64,
        statuses.join(", "),
        mib(high_water.saturating_sub(before))
    );
    println!();
    println!("`GET /api/v1/me` during the login flood: {}", summary(busy));
    anyhow::ensure!(
        flood.keys().all(|s| *s == 401 || *s == 429),
        "a wrong answer got another status: {flood:?}"
    );
    Ok(())
}

/// `clients` tasks answering the code card wrongly for `seconds`, each request from another
/// address; the answers' statuses counted.
async fn login_flood(
    base: String,
    clients: usize,
    seconds: u64,
) -> anyhow::Result<std::collections::BTreeMap<u16, usize>> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let http = reqwest::Client::new();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..clients {
        let (base, counter, http) = (base.clone(), counter.clone(), http.clone());
        tasks.spawn(async move {
            let mut statuses = Vec::new();
            while tokio::time::Instant::now() < deadline {
                let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let [_, a, b, c] = n.to_be_bytes();
                let from = format!("10.{a}.{b}.{c}");
                let username = format!("flood{n}");
                let challenge: serde_json::Value = http
                    .post(format!("{base}/api/v1/login/challenge"))
                    .header("x-forwarded-for", &from)
                    .json(&serde_json::json!({ "username": username }))
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                let res = http
                    .post(format!("{base}/api/v1/login"))
                    .header("x-forwarded-for", &from)
                    .json(&serde_json::json!({
                        "challenge_id": challenge["challenge_id"],
                        "username": username,
                        "password": "geraden wachtwoord",
                        "code": "1234 5678",
                    }))
                    .send()
                    .await?;
                statuses.push(res.status().as_u16());
            }
            anyhow::Ok(statuses)
        });
    }
    let mut counts = std::collections::BTreeMap::new();
    while let Some(done) = tasks.join_next().await {
        for status in done?? {
            *counts.entry(status).or_default() += 1;
        }
    }
    Ok(counts)
}

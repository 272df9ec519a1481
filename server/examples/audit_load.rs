//! How the audit trail holds up with 100,000 entries for one patient: server-side time of the
//! patient's audit page (first page, a deep page, filtered by person and by period) and of a
//! full chain check. Run with
//! `cargo run --release -p inzage-server --example audit_load [DATABASE_URL]`
//! (default: a fresh SQLite file in a temporary folder). Results go in docs/benchmarks.md.

use std::time::{Duration, Instant};

use inzage_server::store::{AuditQuery, NewAuditEntry, Store};

const ENTRIES: i64 = 100_000;
const RUNS: usize = 200;

fn entry(i: i64) -> NewAuditEntry {
    // Mostly the patient's own and three doctors' reads; one rare visitor every 5,000.
    let (kind, actor, role) = match i % 5_000 {
        0 => ("practitioner", "dr-rare".to_owned(), "referrer"),
        n if n % 4 == 0 => ("person", "p1".to_owned(), "patient"),
        n => ("practitioner", format!("dr-{}", n % 3), "specialist"),
    };
    NewAuditEntry {
        at: 1_700_000_000 + i * 60,
        actor_kind: kind.into(),
        actor_id: actor.clone(),
        actor_name: actor,
        actor_role: role.into(),
        patient_id: if i % 10 == 9 { "p2" } else { "p1" }.into(),
        action: "read".into(),
        resource: "reports".into(),
        outcome: "permit".into(),
        reasons: r#"[{"key":"reason.treating_relationship"}]"#.into(),
        client: Some("192.0.2.1".into()),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn measure(store: &Store, label: &str, q: &AuditQuery) -> anyhow::Result<()> {
    let mut times = Vec::with_capacity(RUNS);
    let mut n = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        n = store.audit_entries("p1", q).await?.len();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{label:<38} rows {n:>3}  p50 {:>8.2?}  p95 {:>8.2?}",
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let url = std::env::args()
        .nth(1)
        .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("audit-load.db").display()));
    let store = Store::connect(&url).await?;
    let t = Instant::now();
    // In transactions of 500: the server writes one entry per transaction, which is slower to
    // fill a benchmark with and says nothing more about reading.
    for batch in 0..ENTRIES / 500 {
        let mut tx = store.begin().await?;
        for i in batch * 500..(batch + 1) * 500 {
            tx.audit(&entry(i)).await?;
        }
        tx.commit().await?;
    }
    println!(
        "wrote {ENTRIES} entries (90% for one patient) in {:.1?}",
        t.elapsed()
    );
    let page = |before: Option<i64>, actor: Option<&str>, from: Option<i64>, until: Option<i64>| {
        AuditQuery {
            before,
            from,
            until,
            actor_id: actor.map(str::to_owned),
            limit: 51,
        }
    };
    measure(&store, "first page (50)", &page(None, None, None, None)).await?;
    measure(
        &store,
        "page deep in the trail (before 50,000)",
        &page(Some(50_000), None, None, None),
    )
    .await?;
    measure(
        &store,
        "one frequent person",
        &page(None, Some("dr-1"), None, None),
    )
    .await?;
    measure(
        &store,
        "one rare person (20 entries)",
        &page(None, Some("dr-rare"), None, None),
    )
    .await?;
    let day = 1_700_000_000 + 30_000 * 60;
    measure(
        &store,
        "one day, deep in the trail",
        &page(None, None, Some(day), Some(day + 86_400)),
    )
    .await?;
    let t = Instant::now();
    let outcome = store.verify_audit().await?;
    println!("verify the whole chain: {outcome:?} in {:.1?}", t.elapsed());
    Ok(())
}

//! How a large record holds up: one patient with 5,000 lab values (50 tests × 100) and 500
//! reports, on top of the demo. Times the results overview, one test's 100 values, the report
//! list (whole and filtered), the search across the record and the FHIR export as the patient asks for them over HTTP on loopback (the real
//! handlers: session, authorization, every item decided by the domain crate, the audit entry,
//! JSON), 200 times each. Run with
//! `cargo run --release -p inzage-tests --example record_load` (SQLite), or with
//! `INZAGE_TEST_POSTGRES=postgres://…` set and the argument `postgres`. Results go in
//! docs/benchmarks.md.

use std::time::{Duration, Instant};

use inzage_tests::{Db, TestApp};
use serde_json::{json, Value};

const TESTS: usize = 50;
const VALUES_PER_TEST: usize = 100;
const REPORTS: usize = 500;
const RUNS: usize = 200;

/// A bundle adding the values and reports to an existing patient's record.
fn bundle(patient: &str) -> Value {
    let org = json!({ "reference": "Organization/load-lab" });
    let mut entries = vec![json!({ "resource": {
        "resourceType": "Organization", "id": "load-lab", "name": "Labo (load test)" } })];
    for t in 0..TESTS {
        for v in 0..VALUES_PER_TEST {
            let day =
                time::macros::date!(2017 - 01 - 01) + time::Duration::days((v * 30 + t) as i64);
            entries.push(json!({ "resource": {
                "resourceType": "Observation", "id": format!("load-obs-{t}-{v}"), "status": "final",
                "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory" }] }],
                "code": { "coding": [{ "code": format!("load-{t}") }], "text": format!("Test {t}") },
                "subject": { "reference": format!("Patient/{patient}") },
                "effectiveDateTime": format!("{day}T08:00:00Z"),
                "performer": [org],
                "valueQuantity": { "value": 4.0 + (v % 7) as f64 * 0.5, "unit": "mmol/L" },
                "referenceRange": [{ "low": { "value": 4.5 }, "high": { "value": 6.5 } }]
            } }));
        }
    }
    for r in 0..REPORTS {
        let day = time::macros::date!(2017 - 01 - 01) + time::Duration::days(r as i64 * 6);
        entries.push(json!({ "resource": {
            "resourceType": "DiagnosticReport", "id": format!("load-report-{r}"),
            "status": if r % 10 == 0 { "preliminary" } else { "final" },
            "code": { "text": format!("Verslag {r}") },
            "subject": { "reference": format!("Patient/{patient}") },
            "effectiveDateTime": day.to_string(), "performer": [org],
            "conclusion": "Geen afwijkingen."
        } }));
    }
    json!({ "resourceType": "Bundle", "type": "collection", "entry": entries })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn measure(
    client: &reqwest::Client,
    app: &TestApp,
    label: &str,
    path: &str,
) -> anyhow::Result<()> {
    let mut times = Vec::with_capacity(RUNS);
    let mut bytes = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let res = client.get(app.url(path)).send().await?;
        anyhow::ensure!(res.status().is_success(), "{path}: {}", res.status());
        bytes = res.bytes().await?.len();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{label:<34} {:>8} bytes  p50 {:>8.2?}  p95 {:>8.2?}",
        bytes,
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db = match std::env::args().nth(1).as_deref() {
        Some("postgres") => Db::Postgres,
        _ => Db::Sqlite,
    };
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let started = Instant::now();
    inzage_server::fhir::import_bundle(&app.store, &bundle(&margery).to_string(), None).await?;
    println!(
        "imported {} values and {REPORTS} reports in {:.1?}",
        TESTS * VALUES_PER_TEST,
        started.elapsed()
    );
    let client = app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{margery}");
    measure(
        &client,
        &app,
        "results overview (50+ tests)",
        &format!("{rec}/results"),
    )
    .await?;
    measure(
        &client,
        &app,
        "one test's 100 values",
        &format!("{rec}/results/load-7"),
    )
    .await?;
    measure(
        &client,
        &app,
        "report list (500+ reports)",
        &format!("{rec}/reports"),
    )
    .await?;
    measure(
        &client,
        &app,
        "report list, words and a period",
        &format!("{rec}/reports?q=verslag+12&from=2018-01-01&to=2022-12-31"),
    )
    .await?;
    measure(
        &client,
        &app,
        "search across the record (a word)",
        &format!("{rec}/search?q=glucose"),
    )
    .await?;
    measure(
        &client,
        &app,
        "FHIR export (everything)",
        &format!("/api/v1/fhir/Patient/{margery}/$everything"),
    )
    .await?;
    Ok(())
}

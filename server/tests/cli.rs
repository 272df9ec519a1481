//! The `inzage-server import` command, run as a hospital's IT team would run it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn import(db: &str, files: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_inzage-server"))
        .arg("import")
        .args(files)
        .env("DATABASE_URL", db)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

#[test]
fn import_reports_what_it_stored_and_refuses_a_bad_bundle_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("cli.db").display());
    let synthea = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/synthea/synthea-r4-Reyna_Ziemann_08f8bfce-34cf-4b5a-a398-8e49650c6e3c.json"
    );
    let out = import(&db, &[synthea]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("2 hospitals, 1 patients, 8 reports"),
        "{stdout}"
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"resourceType":"Bundle","type":"collection","entry":[
            {"resource":{"resourceType":"Patient","id":"p-new","name":[{"family":"Nieuw"}]}},
            {"resource":{"resourceType":"DiagnosticReport","id":"r-bad","status":"final",
              "code":{"text":"X"},"subject":{"reference":"Patient/p-new"}}}]}"#,
    )
    .unwrap();
    let out = import(&db, &[bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("DiagnosticReport/r-bad: `effective[x]` is missing"),
        "{stderr}"
    );

    // Nothing of the bad bundle was stored: importing Reyna again shows the same counts, and a
    // bundle that refers to the refused patient fails because that patient does not exist.
    let refers = dir.path().join("refers.json");
    std::fs::write(
        &refers,
        r#"{"resourceType":"Bundle","type":"collection","entry":[
            {"resource":{"resourceType":"Organization","id":"o1","name":"H"}},
            {"resource":{"resourceType":"DiagnosticReport","id":"r2","status":"final",
              "code":{"text":"X"},"subject":{"reference":"Patient/p-new"},
              "effectiveDateTime":"2020-01-01","performer":[{"reference":"Organization/o1"}]}}]}"#,
    )
    .unwrap();
    let out = import(&db, &[refers.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Patient/p-new: `id` is referenced but neither in the bundle nor stored"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_command_prints_the_usage() {
    let out = Command::new(env!("CARGO_BIN_EXE_inzage-server"))
        .arg("frobnicate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("inzage-server import FILE..."));
}

#[test]
fn a_bad_network_file_stops_the_server_at_start_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let network = dir.path().join("network.toml");
    std::fs::write(
        &network,
        "name = \"Net\"\n[[hospital]]\nid = \"az\"\njurisdiction = \"BE\"\nreport_cutoff = \"15/08/2016\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_inzage-server"))
        .arg("serve")
        .env("INZAGE_NETWORK", &network)
        .env("INZAGE_BIND", "127.0.0.1:0")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("n.db").display()),
        )
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "hospital[0].report_cutoff (id `az`): `15/08/2016` is not a date like 2016-08-15"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("network.toml"), "{stderr}");
}

#[test]
fn audit_verify_names_the_first_changed_entry() {
    use inzage_domain::access::{Decision, Effect};
    use inzage_server::store::{NewAuditEntry, Store};

    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("audit.db").display());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = Store::connect(&db).await.unwrap();
        let decision = Decision {
            effect: Effect::Permit,
            rules: vec![],
            reasons: vec![],
        };
        for i in 0..4 {
            store
                .audit(&NewAuditEntry {
                    at: 1_800_000_000 + i,
                    actor_kind: "practitioner".into(),
                    actor_id: "dr-a".into(),
                    actor_name: "Dr. A".into(),
                    actor_role: "specialist".into(),
                    patient_id: "p1".into(),
                    action: "read".into(),
                    resource: "reports".into(),
                    outcome: "permit".into(),
                    reasons: serde_json::to_string(&decision.reasons).unwrap(),
                    client: Some("127.0.0.1".into()),
                })
                .await
                .unwrap();
        }
    });
    let verify = || {
        Command::new(env!("CARGO_BIN_EXE_inzage-server"))
            .args(["audit", "verify"])
            .env("DATABASE_URL", &db)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let out = verify();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 entries"));

    rt.block_on(async {
        let store = Store::connect(&db).await.unwrap();
        sqlx::query("UPDATE audit_log SET outcome = 'deny' WHERE seq = 3")
            .execute(store.pool())
            .await
            .unwrap();
    });
    let out = verify();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken at entry 3"), "{stderr}");
}

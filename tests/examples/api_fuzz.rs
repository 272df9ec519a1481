//! API contract fuzzing (issue 10, item 1): schemathesis (PyPI, pinned in
//! `tools/schemathesis/requirements.txt`) against a live server with the demo data, once per role
//! (anonymous, patient, provider, staff), with the examples, coverage, fuzzing and stateful
//! phases and every check: no server error, no answer outside the published document, no
//! operation that works without the session it requires.
//!
//! One check is left out: `positive_data_acceptance`, which expects every request that fits the
//! document's schema to be accepted. The API refuses schema-valid requests by rule with a 422
//! and the field's message (an empty name, a token that is not one, a hospital that holds none
//! of the record, a password the domain crate finds too weak), and those rules cannot all be
//! written as JSON Schema. The opposite check (`negative_data_rejection`: nothing that breaks
//! the schema is accepted) runs.
//!
//! Run with `cargo xtask fuzz` (which installs schemathesis into `target/schemathesis` and runs
//! this), or by hand:
//! `SCHEMATHESIS=target/schemathesis/venv/bin/st cargo run -p inzage-tests --example api_fuzz
//! [sqlite|postgres]` (PostgreSQL with `INZAGE_TEST_POSTGRES` set). `FUZZ_EXAMPLES` sets the
//! examples per operation and phase (default 25); the reports go to `target/schemathesis/`.

use std::path::PathBuf;
use std::process::Command;

use anyhow::Context;
use inzage_tests::{session_token, Db, TestApp};

/// Operations a fuzzer would use to end the session it runs with (logging out, blocking the
/// card, ending every session): excluded for the signed-in roles, so the rest is tested signed
/// in. They are fuzzed anonymously, and the API tests cover them.
const ENDS_THE_SESSION: &str =
    "^/api/v1/(logout|me/code-card/block|me/sessions/end-all|me/sessions/\\{id\\})$";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let db = match std::env::args().nth(1).as_deref() {
        None | Some("sqlite") => Db::Sqlite,
        Some("postgres") => Db::Postgres,
        Some(other) => anyhow::bail!("unknown database {other:?}: sqlite or postgres"),
    };
    let st = PathBuf::from(
        std::env::var("SCHEMATHESIS").unwrap_or_else(|_| "target/schemathesis/venv/bin/st".into()),
    );
    anyhow::ensure!(
        st.is_file(),
        "{} is not there: `cargo xtask fuzz` installs schemathesis",
        st.display()
    );
    let st = std::fs::canonicalize(st)?;
    let examples = std::env::var("FUZZ_EXAMPLES").unwrap_or_else(|_| "25".into());
    std::fs::create_dir_all("target/schemathesis")?;
    // Absolute, because schemathesis runs there (its `.schemathesis/` cache stays out of the tree).
    let reports = std::fs::canonicalize("target/schemathesis")?;
    let app = TestApp::spawn(db).await?;
    let schema = app.url("/api/v1/openapi.json");
    let mut failed = Vec::new();
    for (role, user) in [
        ("anonymous", None),
        ("patient", Some("margery")),
        ("provider", Some("dr.gleason")),
        ("staff", Some("ombuds")),
    ] {
        // The session as the document's `session` security scheme, so that schemathesis knows
        // it is the credential and checks that every operation refuses a request without it.
        let config = reports.join(format!("{role}.toml"));
        // Signed in, the record in the path is Margery's (her own, her doctor's patient's, the
        // one staff handle): a random id only ever reaches the 404 of a record that is not there.
        let auth = match user {
            Some(user) => format!(
                "[auth.openapi.session]\napi_key = \"{}\"\n\n[parameters]\n\"path.record\" = \"{}\"\n",
                session_token(&app, user).await?,
                app.id_of("margery"),
            ),
            None => String::new(),
        };
        std::fs::write(&config, auth)?;
        let mut cmd = Command::new(&st);
        cmd.arg("--config-file")
            .arg(&config)
            .args(["run", &schema, "--url", &app.url("")])
            .args(["--phases", "examples,coverage,fuzzing,stateful"])
            .args(["--checks", "all"])
            .args(["--exclude-checks", "positive_data_acceptance"])
            // With the record fixed, a few operations' other ids leave hypothesis few strings
            // that fit a path segment; it still generates enough of them.
            .args(["--suppress-health-check", "filter_too_much"])
            .args(["--max-examples", &examples])
            .args(["--workers", "2"])
            .args(["--generation-deterministic"])
            .args(["--report", "junit"])
            .arg("--report-junit-path")
            .arg(reports.join(format!("{role}.xml")))
            .env("NO_COLOR", "1")
            .current_dir(&reports);
        if user.is_some() {
            cmd.args(["--exclude-path-regex", ENDS_THE_SESSION]);
        }
        println!("\n== schemathesis as {role} ({db:?})");
        let status = tokio::task::spawn_blocking(move || cmd.status())
            .await?
            .context("running schemathesis")?;
        if !status.success() {
            failed.push(role);
        }
    }
    anyhow::ensure!(
        failed.is_empty(),
        "schemathesis found problems as {}",
        failed.join(", ")
    );
    println!("\nschemathesis: no failures for any role ({db:?})");
    Ok(())
}

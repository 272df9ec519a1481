//! `inzage-server`: serve the portal, or import FHIR bundles.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::bail;
use inzage_server::clock::{Clock, SystemClock};
use inzage_server::config::Config;
use inzage_server::store::{Store, Subject, VerifyOutcome};
use inzage_server::{demo, Application};

const USAGE: &str = "usage:
  inzage-server serve [--demo PATH]...   serve the portal; --demo imports the demo bundles
                                         (files or folders) into an empty database and
                                         creates the demo accounts
  inzage-server import FILE...           import FHIR R4 bundles, each all or nothing
  inzage-server audit verify             check the audit trail's hash chain; names the first
                                         entry that was changed, removed or reordered

configuration (environment): INZAGE_BIND (127.0.0.1:8080), DATABASE_URL (sqlite://inzage.db
or postgres://...), INZAGE_DIST (dist), INZAGE_PUBLIC_URL, INZAGE_REPORT_CUTOFF (2016-08-15),
INZAGE_DATABASE_CONNECTIONS (PostgreSQL's pool: 4 per core, 8 to 32)";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = Config::from_env()?;
    match args.first().map(String::as_str) {
        Some("serve") => serve(config, &args[1..]).await,
        Some("import") => import(config, &args[1..]).await,
        Some("audit") if args.get(1).map(String::as_str) == Some("verify") && args.len() == 2 => {
            verify_audit(config).await
        }
        _ => {
            eprintln!("{USAGE}");
            bail!("unknown command")
        }
    }
}

async fn serve(config: Config, args: &[String]) -> anyhow::Result<()> {
    let mut demo_paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match (a.as_str(), it.next()) {
            ("--demo", Some(p)) => demo_paths.push(PathBuf::from(p)),
            _ => bail!("unexpected argument `{a}`\n{USAGE}"),
        }
    }
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let store = Store::connect_with(&config.database_url, config.database_connections).await?;
    if !demo_paths.is_empty() {
        let logins = demo::seed(
            &store,
            &demo_paths,
            config.default_report_cutoff,
            config.password_hashing,
            clock.now(),
        )
        .await?;
        println!("\nDemo logins (password for all: {}):", demo::DEMO_PASSWORD);
        for l in &logins {
            let numbers = match (&l.subject, &l.national_number, &l.record_number) {
                (_, Some(n), Some(r)) => format!(", national number {n}, record number {r}"),
                (Subject::Staff(_), _, _) => " (hospital staff)".to_owned(),
                _ => " (care provider)".to_owned(),
            };
            println!(
                "\n  {} — username `{}`{numbers}\n  code card:\n{}",
                l.display_name,
                l.username,
                l.card_text()
                    .lines()
                    .map(|line| format!("    {line}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
    if !demo_paths.is_empty() {
        for (name, number) in demo::children(&store).await? {
            let what = if name == "Adán Pulido" {
                "deceased on 25 March 2007, born 18 August 1936"
            } else {
                "a child without an account"
            };
            println!("\n  {name} ({what}): national number {number}");
        }
    }
    let app = Application::with_store(config, clock, store).await?;
    println!("\nInzage is listening on http://{}\n", app.local_addr()?);
    app.run_until_stopped().await
}

async fn verify_audit(config: Config) -> anyhow::Result<()> {
    let store = Store::connect_with(&config.database_url, config.database_connections).await?;
    match store.verify_audit().await? {
        VerifyOutcome::Intact { entries } => {
            println!("audit trail intact: {entries} entries, every hash matches");
            Ok(())
        }
        VerifyOutcome::Broken { seq, problem } => {
            eprintln!("audit trail broken at entry {seq}: {problem}");
            std::process::exit(1);
        }
    }
}

async fn import(config: Config, files: &[String]) -> anyhow::Result<()> {
    if files.is_empty() {
        bail!("import needs at least one FILE\n{USAGE}");
    }
    let store = Store::connect_with(&config.database_url, config.database_connections).await?;
    for f in files {
        let s = demo::import_file(&store, &PathBuf::from(f), config.default_report_cutoff).await?;
        println!(
            "{f}: {} hospitals, {} patients, {} reports",
            s.hospitals, s.patients, s.reports
        );
    }
    Ok(())
}

//! Demo data: real Synthea bundles, a small extra bundle for the rules, and demo accounts.
//!
//! Demo accounts are deterministic (a fixed seed per account) so that `cargo xtask run` can print
//! the same logins every time and the README can list them. They are for demonstration only.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use inzage_domain::{CodeCardPosition, Insz};
use rand::SeedableRng;
use time::OffsetDateTime;

use crate::auth::{hash_secret, PrintedCard};
use crate::config::{parse_date, HashCost};
use crate::fhir::import_bundle;
use crate::store::Store;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "inzage-demo";

/// One demo account to create: whose, and the names to log in with.
struct DemoSpec {
    given: &'static str,
    family: &'static str,
    username: &'static str,
    serial: u16,
    record_number: &'static str,
    seed: u64,
}

const DEMO_ACCOUNTS: [DemoSpec; 2] = [
    DemoSpec {
        given: "Margery",
        family: "Gibson",
        username: "margery",
        serial: 102,
        record_number: "1000001",
        seed: 2_016_081_501,
    },
    DemoSpec {
        given: "Reyna",
        family: "Ziemann",
        username: "reyna",
        serial: 204,
        record_number: "1000002",
        seed: 2_016_081_502,
    },
];

/// A demo login, as printed for the person trying the portal.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// The patient's name.
    pub display_name: String,
    /// The patient's id.
    pub patient_id: String,
    /// The chosen username.
    pub username: String,
    /// The national number, formatted.
    pub national_number: String,
    /// The record number.
    pub record_number: String,
    /// The password.
    pub password: String,
    /// The printed code card.
    pub card: PrintedCard,
}

impl DemoLogin {
    /// The card as printed: four rows of six numbered codes.
    pub fn card_text(&self) -> String {
        let mut out = String::new();
        for (i, p) in CodeCardPosition::all().enumerate() {
            out.push_str(&format!("{:>2}: {}", p.get(), self.card.code(p).printed()));
            out.push_str(if i % 6 == 5 { "\n" } else { "   " });
        }
        out
    }
}

/// The bundle files of a list of files and folders (a folder gives its `*.json` files, sorted).
pub fn bundle_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut in_dir: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading {}", p.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|e| e == "json"))
                .collect();
            in_dir.sort();
            files.extend(in_dir);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            bail!("demo data {} does not exist", p.display());
        }
    }
    Ok(files)
}

/// Imports the demo bundles (when the database has no patients yet) and makes sure every demo
/// account exists, returning the logins to print.
pub async fn seed(
    store: &Store,
    bundles: &[PathBuf],
    default_cutoff: Option<time::Date>,
    password_cost: HashCost,
    now: OffsetDateTime,
) -> anyhow::Result<Vec<DemoLogin>> {
    if store.count_patients().await? == 0 {
        for file in bundle_files(bundles)? {
            import_file(store, &file, default_cutoff).await?;
        }
    }
    let mut logins = Vec::new();
    for spec in &DEMO_ACCOUNTS {
        logins.push(ensure_account(store, spec, password_cost, now).await?);
    }
    Ok(logins)
}

/// Imports one bundle file, naming the file in any error.
pub async fn import_file(
    store: &Store,
    file: &Path,
    default_cutoff: Option<time::Date>,
) -> anyhow::Result<crate::fhir::ImportSummary> {
    let json =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    import_bundle(store, &json, default_cutoff)
        .await
        .with_context(|| format!("importing {}", file.display()))
}

async fn ensure_account(
    store: &Store,
    spec: &DemoSpec,
    password_cost: HashCost,
    now: OffsetDateTime,
) -> anyhow::Result<DemoLogin> {
    let Some((patient_id, birth_date)) =
        store.find_patient_by_name(spec.given, spec.family).await?
    else {
        bail!(
            "demo patient {} {} is not in the demo bundles",
            spec.given,
            spec.family
        );
    };
    let birth = parse_date(birth_date.as_deref().unwrap_or_default())
        .with_context(|| format!("demo patient {} has no birth date", spec.given))?;
    let insz = Insz::from_birth_date(birth, spec.serial)
        .map_err(|e| anyhow::anyhow!("demo national number: {e}"))?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(spec.seed);
    let card = PrintedCard::from_rng(&mut rng)?;

    if !store.has_account(&patient_id).await? {
        store
            .set_patient_numbers(&patient_id, Some(insz.as_str()), Some(spec.record_number))
            .await?;
        let hash = hash_secret(DEMO_PASSWORD, password_cost)?;
        let t = now.unix_timestamp();
        let account = store
            .create_account(&patient_id, Some(spec.username), &hash, t)
            .await?;
        store.issue_code_card(&account, &card.hashes()?, t).await?;
    }
    Ok(DemoLogin {
        display_name: format!("{} {}", spec.given, spec.family),
        patient_id,
        username: spec.username.to_owned(),
        national_number: insz.formatted(),
        record_number: spec.record_number.to_owned(),
        password: DEMO_PASSWORD.to_owned(),
        card,
    })
}

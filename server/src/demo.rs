//! Demo data: real Synthea bundles, a small extra bundle for the rules, and demo accounts.
//!
//! Demo accounts are deterministic (a fixed seed per account) so that `cargo xtask run` can print
//! the same logins every time and the README can list them. They are for demonstration only.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use inzage_domain::access::{Fact, Period, PractitionerId};
use inzage_domain::wire::PractitionerRole;
use inzage_domain::{CodeCardPosition, Insz};
use rand::SeedableRng;
use time::OffsetDateTime;

use crate::auth::{hash_secret, PrintedCard};
use crate::config::{parse_date, HashCost};
use crate::fhir::import_bundle;
use crate::store::{FactRow, ReuseProjectRow, StaffRow, Store, Subject};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "inzage-demo";

/// One demo account to create: whose, and the names to log in with.
struct DemoSpec {
    given: &'static str,
    family: &'static str,
    username: &'static str,
    /// The serial of the Belgian national number made from the birth date; none for a Dutch
    /// patient, who has the BSN of the bundle.
    serial: Option<u16>,
    record_number: &'static str,
    seed: u64,
}

const DEMO_ACCOUNTS: [DemoSpec; 4] = [
    DemoSpec {
        given: "Margery",
        family: "Gibson",
        username: "margery",
        serial: Some(102),
        record_number: "1000001",
        seed: 2_016_081_501,
    },
    DemoSpec {
        given: "Reyna",
        family: "Ziemann",
        username: "reyna",
        serial: Some(204),
        record_number: "1000002",
        seed: 2_016_081_502,
    },
    // A Dutch child of 13 (extra bundle), to give and withdraw consent to a parent.
    DemoSpec {
        given: "Noor",
        family: "Visser",
        username: "noor",
        serial: None,
        record_number: "1000003",
        seed: 2_016_081_503,
    },
    // A Belgian teenager of 15: her parents' link ended, and she can now grant them access
    // herself, through the trusted-person form.
    DemoSpec {
        given: "Sherron",
        family: "Kutch",
        username: "sherron",
        serial: Some(302),
        record_number: "1000004",
        seed: 2_016_081_504,
    },
];

/// A demo care provider: a practitioner of the Synthea bundles given a role, a workplace and a
/// login. Patients' GPs and referrers work outside the hospital, so the demo names their
/// practice.
struct DemoProvider {
    name: &'static str,
    role: PractitionerRole,
    institution: Option<&'static str>,
    username: &'static str,
    seed: u64,
}

const DEMO_PROVIDERS: [DemoProvider; 4] = [
    DemoProvider {
        name: "Dr. Mariam Gleason",
        role: PractitionerRole::Specialist,
        institution: None,
        username: "dr.gleason",
        seed: 2_016_081_511,
    },
    DemoProvider {
        name: "Dr. Carol Weimann",
        role: PractitionerRole::GeneralPractitioner,
        institution: Some("Huisartsenpraktijk De Linde"),
        username: "dr.weimann",
        seed: 2_016_081_512,
    },
    DemoProvider {
        name: "Dr. Monica Kshlerin",
        role: PractitionerRole::Referrer,
        institution: Some("Cardiologiepraktijk Kshlerin"),
        username: "dr.kshlerin",
        seed: 2_016_081_513,
    },
    DemoProvider {
        name: "Dr. Jonah Schroeder",
        role: PractitionerRole::Specialist,
        institution: None,
        username: "dr.schroeder",
        seed: 2_016_081_514,
    },
];

/// A demo login, as printed for the person trying the portal.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// The patient's or care provider's name.
    pub display_name: String,
    /// Whose account: the patient's or practitioner's id.
    pub subject: Subject,
    /// The chosen username.
    pub username: String,
    /// A patient's national number, formatted.
    pub national_number: Option<String>,
    /// A patient's record number.
    pub record_number: Option<String>,
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
    let mut providers = Vec::new();
    for spec in &DEMO_PROVIDERS {
        providers.push(ensure_provider(store, spec, password_cost, now).await?);
    }
    ensure_demo_access(store, &logins, &providers).await?;
    ensure_children(store).await?;
    publish_slots(store, now).await?;
    publish_video_consultation(store, now).await?;
    logins.extend(providers);
    logins.push(ensure_staff(store, password_cost, now).await?);
    Ok(logins)
}

/// The demo hospital's published free times: the orthopaedics clinic of AZ Voorbeeld, every
/// weekday of the next three weeks from `now`, 09:00 to 11:30 (Brussels), half an hour each. A
/// hospital's own system would send such a bundle of FHIR Slots; the demo makes one at each
/// start, through the same import, so there are always times ahead to book (slots already
/// published keep who booked them).
async fn publish_slots(store: &Store, now: OffsetDateTime) -> anyhow::Result<()> {
    import_bundle(store, &slot_bundle(now).to_string(), None)
        .await
        .context("publishing the demo's free slots")?;
    Ok(())
}

/// The bundle [`publish_slots`] imports.
fn slot_bundle(now: OffsetDateTime) -> serde_json::Value {
    use inzage_domain::calendar::TimeZone;
    use serde_json::json;
    use time::Weekday;

    let zone = TimeZone::EuropeBrussels;
    let mut entries = vec![
        json!({"resource": {"resourceType": "Location", "id": "inzage-demo-campus-noord",
            "name": "Campus Noord, polikliniek orthopedie (route 42)",
            "managingOrganization": {"reference": "Organization/inzage-demo-az-voorbeeld"}}}),
        json!({"resource": {"resourceType": "Schedule", "id": "inzage-demo-orthopedie",
            "active": true,
            "serviceType": [{"text": "Consultatie orthopedie"}],
            "actor": [{"reference": "Practitioner/inzage-demo-dr-peeters", "display": "Dr. Peeters"},
                      {"reference": "Location/inzage-demo-campus-noord"}]}}),
    ];
    let today = zone.local_date(now);
    for offset in 0..21 {
        let day = today + time::Duration::days(offset);
        if matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            continue;
        }
        let midnight = zone.start_of_day(day);
        for half_hour in 18..24 {
            let start = midnight + time::Duration::minutes(30 * half_hour);
            let end = start + time::Duration::minutes(30);
            let id = format!(
                "inzage-demo-slot-{}-{:02}{:02}",
                day.to_string().replace('-', ""),
                half_hour / 2,
                half_hour % 2 * 30
            );
            let instant = |t: OffsetDateTime| {
                t.format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default()
            };
            entries.push(json!({"resource": {"resourceType": "Slot", "id": id,
                "schedule": {"reference": "Schedule/inzage-demo-orthopedie"},
                "status": "free", "start": instant(start), "end": instant(end)}}));
        }
    }
    json!({"resourceType": "Bundle", "type": "collection", "entry": entries})
}

/// Margery's video consultation with Dr. Gleason: at each start, at the next half hour
/// (a start at 10:00 or 10:29 gives 10:30–10:50), so its room (open from a quarter of an hour
/// before) can be tried at once or soon in the demo, and the tests, whose clock starts at 10:00,
/// always find it at 10:30. It goes through the FHIR import like a hospital's own appointment:
/// `appointmentType` VR (HL7 v3 ActCode, virtual), the doctor by identifier, the hospital by the
/// Location's managing organization.
async fn publish_video_consultation(store: &Store, now: OffsetDateTime) -> anyhow::Result<()> {
    import_bundle(store, &video_bundle(now).to_string(), None)
        .await
        .context("publishing the demo's video consultation")?;
    Ok(())
}

/// The bundle [`publish_video_consultation`] imports.
fn video_bundle(now: OffsetDateTime) -> serde_json::Value {
    use serde_json::json;
    let half_hour = 30 * 60;
    let start_secs = now.unix_timestamp() - now.unix_timestamp().rem_euclid(half_hour) + half_hour;
    let start = OffsetDateTime::from_unix_timestamp(start_secs).unwrap_or(now);
    let end = start + time::Duration::minutes(20);
    let instant = |t: OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    json!({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Location", "id": "inzage-demo-online",
            "name": "Online (video)",
            "managingOrganization": {"reference": "Organization/inzage-demo-az-voorbeeld"}}},
        {"resource": {"resourceType": "Appointment", "id": "inzage-demo-videoconsultatie",
            "status": "booked",
            "appointmentType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                "code": "VR", "display": "virtual"}]},
            "serviceType": [{"text": "Videoconsultatie cardiologie"}],
            "description": "Videoconsultatie: bespreking van de bloedresultaten",
            "start": instant(start), "end": instant(end),
            "participant": [
                {"actor": {"reference": "Patient/9bf59715-246f-4ce2-85a6-58c1757f8d21"}, "status": "accepted"},
                {"actor": {"type": "Practitioner", "display": "Dr. Mariam Gleason",
                    "identifier": {"system": "urn:inzage:practitioner",
                        "value": "7f01c91e-c9a8-453b-aba3-7ebb55556199"}},
                    "status": "accepted"},
                {"actor": {"reference": "Location/inzage-demo-online"}, "status": "accepted"}
            ]}}
    ]})
}

/// The demo's children get national numbers, so a parent can ask for a link to their record:
/// Jorge Brekke (born 2012, under 15) and Sherron Kutch (born 2011, 15 already). They have no
/// account of their own. So does Adán Pulido (born 1936-08-18, died 2007-03-25), so a relative
/// can ask about his record.
async fn ensure_children(store: &Store) -> anyhow::Result<()> {
    for (given, family, serial) in [
        ("Jorge", "Brekke", 301u16),
        ("Sherron", "Kutch", 302),
        ("Adán", "Pulido", 303),
    ] {
        let Some((id, birth)) = store.find_patient_by_name(given, family).await? else {
            bail!("demo patient {given} {family} is not in the demo bundles");
        };
        let birth = parse_date(birth.as_deref().unwrap_or_default())
            .with_context(|| format!("demo patient {given} has no birth date"))?;
        let insz = Insz::from_birth_date(birth, serial)
            .map_err(|e| anyhow::anyhow!("demo national number: {e}"))?;
        store
            .set_patient_numbers(&id, Some(insz.as_str()), None)
            .await?;
    }
    Ok(())
}

/// The demo's patients without an account, with what they are for, and their formatted national
/// numbers: the children, for a parent to ask for a link with, and Adán Pulido, deceased, for a
/// relative to ask about.
pub async fn children(store: &Store) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (given, family) in [
        ("Jorge", "Brekke"),
        ("Sherron", "Kutch"),
        ("Adán", "Pulido"),
    ] {
        if let Some((id, _)) = store.find_patient_by_name(given, family).await? {
            if let Some(insz) = store
                .patient(&id)
                .await?
                .and_then(|p| p.insz)
                .and_then(|n| Insz::parse(&n).ok())
            {
                out.push((format!("{given} {family}"), insz.formatted()));
            }
        }
    }
    Ok(out)
}

/// The hospital's ombuds service, who handles link requests in the back office.
async fn ensure_staff(
    store: &Store,
    password_cost: HashCost,
    now: OffsetDateTime,
) -> anyhow::Result<DemoLogin> {
    let row = StaffRow {
        id: "demo-ombuds".into(),
        name: "Ombudsdienst AZ Voorbeeld".into(),
        role: "ombuds".into(),
    };
    store.upsert_staff(&row).await?;
    let subject = Subject::Staff(row.id.clone());
    let card = ensure_login(store, &subject, "ombuds", 2_016_081_521, password_cost, now).await?;
    Ok(DemoLogin {
        display_name: row.name,
        subject,
        username: "ombuds".into(),
        national_number: None,
        record_number: None,
        password: DEMO_PASSWORD.to_owned(),
        card,
    })
}

async fn ensure_provider(
    store: &Store,
    spec: &DemoProvider,
    password_cost: HashCost,
    now: OffsetDateTime,
) -> anyhow::Result<DemoLogin> {
    let Some(mut row) = store.practitioner_by_name(spec.name).await? else {
        bail!("demo practitioner {} is not in the demo bundles", spec.name);
    };
    row.role = spec.role.as_str().to_owned();
    if let Some(institution) = spec.institution {
        row.institution = institution.to_owned();
        row.hospital_id = None;
    }
    store.upsert_practitioner(&row).await?;
    let subject = Subject::Practitioner(row.id.clone());
    let card = ensure_login(
        store,
        &subject,
        spec.username,
        spec.seed,
        password_cost,
        now,
    )
    .await?;
    Ok(DemoLogin {
        display_name: row.name,
        subject,
        username: spec.username.to_owned(),
        national_number: None,
        record_number: None,
        password: DEMO_PASSWORD.to_owned(),
        card,
    })
}

/// The demo's deterministic code card for a seed, and the account with the demo password and
/// that card, created once.
/// The domain of the demo accounts' e-mail addresses (`margery@demo.inzage.example`).
pub const DEMO_MAIL_DOMAIN: &str = "demo.inzage.example";

async fn ensure_login(
    store: &Store,
    subject: &Subject,
    username: &str,
    seed: u64,
    password_cost: HashCost,
    now: OffsetDateTime,
) -> anyhow::Result<PrintedCard> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let card = PrintedCard::from_rng(&mut rng)?;
    if !store.has_account(subject).await? {
        let hash = hash_secret(DEMO_PASSWORD, password_cost)?;
        let t = now.unix_timestamp();
        let account = store
            .create_account(subject, Some(username), &hash, t)
            .await?;
        store.issue_code_card(&account, &card.hashes()?, t).await?;
        // A confirmed address, so the password reset can be tried (the demo's mail goes to the
        // mail folder unless INZAGE_SMTP_URL is set).
        store
            .set_email(&account, &format!("{username}@{DEMO_MAIL_DOMAIN}"), Some(t))
            .await?;
        // The demo's people have read the terms the demo network uses.
        store
            .accept_terms(&account, crate::network::DEFAULT_TERMS_VERSION, t)
            .await?;
    }
    Ok(card)
}

/// The demo's care relationships, once: Margery's specialist and GP, a referrer's pending
/// request, two reuses of her data; Reyna's specialist.
async fn ensure_demo_access(
    store: &Store,
    patients: &[DemoLogin],
    providers: &[DemoLogin],
) -> anyhow::Result<()> {
    let id = |logins: &[DemoLogin], username: &str| {
        logins
            .iter()
            .find(|l| l.username == username)
            .map(|l| l.subject.id().to_owned())
            .with_context(|| format!("demo account {username} is missing"))
    };
    let margery = id(patients, "margery")?;
    let reyna = id(patients, "reyna")?;
    if !store.facts_of(&margery).await?.is_empty() {
        return Ok(());
    }
    let at =
        |s: &str| -> anyhow::Result<OffsetDateTime> { Ok(parse_date(s)?.midnight().assume_utc()) };
    let doctor = |u: &str| id(providers, u).map(PractitionerId);
    let facts = [
        (
            &margery,
            Fact::TherapeuticRelationship {
                practitioner: doctor("dr.gleason")?,
                period: Period::since(at("2024-01-15")?),
            },
        ),
        (
            &margery,
            Fact::GeneralPractitioner {
                practitioner: doctor("dr.weimann")?,
                period: Period::since(at("2019-05-01")?),
            },
        ),
        (
            &reyna,
            Fact::TherapeuticRelationship {
                practitioner: doctor("dr.schroeder")?,
                period: Period::since(at("2025-02-01")?),
            },
        ),
    ];
    let mut tx = store.begin().await?;
    for (patient, fact) in &facts {
        tx.insert_fact(&FactRow::from_fact(patient, fact)).await?;
    }
    tx.file_referral(
        &margery,
        &doctor("dr.kshlerin")?.0,
        "Verwezen voor cardiologisch nazicht: ik wil de recente laboresultaten inkijken.",
        at("2026-11-20")?.unix_timestamp(),
    )
    .await?;
    tx.commit().await?;
    for (n, (name, purpose, used)) in [
        (
            "Studie hartfalen bij ouderen (farmaceutisch onderzoek)",
            "external_research",
            "2025-03-01",
        ),
        ("Kankerregister", "cancer_registry", "2024-06-01"),
    ]
    .into_iter()
    .enumerate()
    {
        store
            .insert_reuse_project(
                &margery,
                &ReuseProjectRow {
                    id: format!("demo-reuse-{n}"),
                    name: name.to_owned(),
                    purpose: purpose.to_owned(),
                    used_at: at(used)?.unix_timestamp(),
                },
            )
            .await?;
    }
    Ok(())
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
    let insz = spec
        .serial
        .map(|serial| Insz::from_birth_date(birth, serial))
        .transpose()
        .map_err(|e| anyhow::anyhow!("demo national number: {e}"))?;
    let bsn = store
        .patient(&patient_id)
        .await?
        .and_then(|p| p.bsn)
        .and_then(|b| inzage_domain::Bsn::parse(&b).ok());
    let subject = Subject::Patient(patient_id.clone());
    if !store.has_account(&subject).await? {
        store
            .set_patient_numbers(
                &patient_id,
                insz.as_ref().map(Insz::as_str),
                Some(spec.record_number),
            )
            .await?;
    }
    let card = ensure_login(
        store,
        &subject,
        spec.username,
        spec.seed,
        password_cost,
        now,
    )
    .await?;
    Ok(DemoLogin {
        display_name: format!("{} {}", spec.given, spec.family),
        subject,
        username: spec.username.to_owned(),
        national_number: insz
            .map(|n| n.formatted())
            .or_else(|| bsn.map(|b| b.formatted())),
        record_number: Some(spec.record_number.to_owned()),
        password: DEMO_PASSWORD.to_owned(),
        card,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_video_consultation_starts_at_the_next_half_hour() {
        let start = |now| {
            let bundle = video_bundle(now);
            bundle["entry"][1]["resource"]["start"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert_eq!(
            start(datetime!(2026-11-27 10:00 UTC)),
            "2026-11-27T10:30:00Z"
        );
        assert_eq!(
            start(datetime!(2026-11-27 10:29:59 UTC)),
            "2026-11-27T10:30:00Z"
        );
        assert_eq!(
            start(datetime!(2026-11-27 10:30 UTC)),
            "2026-11-27T11:00:00Z"
        );
        let end = video_bundle(datetime!(2026-11-27 10:00 UTC))["entry"][1]["resource"]["end"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(end, "2026-11-27T10:50:00Z");
    }
}

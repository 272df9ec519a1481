//! The store: every query of the server, over SQLite (default) or PostgreSQL through one interface.
//!
//! Queries are written once in the SQL both backends understand (`$1` placeholders, TEXT and
//! BIGINT columns), and run through sqlx's `Any` driver; the same migrations create both schemas.

use std::str::FromStr;

use anyhow::Context;
use inzage_domain::LoginName;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

mod access;
mod audit;
mod designations;
mod help;
mod identity;
mod items;
mod links;
mod messages;
mod notify;
mod oidc;
mod passkeys;
mod release;
mod requests;
mod shares;
mod slots;
mod versions;

pub use access::{FactRow, PractitionerRow, ReferralRow, ReuseProjectRow, StaffRow};
pub use audit::{AuditQuery, AuditRow, NewAuditEntry, VerifyOutcome};
pub use designations::DesignationRow;
pub use help::HelpCaseRow;
pub use identity::{
    AccountProfile, CardCode, CardRequestRow, EmailTokenRow, NewSession, SessionRow,
};
pub use items::{section_name, section_of, HasFacts, ItemFacts, ItemRow, ResultKey};
pub use links::LinkRequestRow;
pub use messages::{AttachmentRow, MessageRow, ThreadRow};
pub use notify::{OutboxRow, SettingsRow, Waiting};
pub use oidc::OidcFlowRow;
pub use passkeys::PasskeyRow;
pub use release::{ConsultationRow, ReleaseChoiceRow};
pub use requests::{CaseUpdate, RequestFileRow, RequestRow};
pub use shares::{NewShareRow, ShareRow};
pub use slots::{SlotRow, SLOTS_MAX};
pub use versions::RecordRows;

/// A transaction that writes to the audit trail (see [`Store::begin`]); rolled back when
/// dropped without [`Tx::commit`].
pub struct Tx(sqlx::Transaction<'static, sqlx::Any>);

/// Whom an account belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A patient (a natural person with a record; also the account a proxy logs in with).
    Patient(String),
    /// A care provider.
    Practitioner(String),
    /// A member of hospital staff (the back office).
    Staff(String),
}

impl Subject {
    /// The subject of an account row: exactly one of the three ids is set.
    pub fn of(
        patient_id: Option<String>,
        practitioner_id: Option<String>,
        staff_id: Option<String>,
    ) -> anyhow::Result<Self> {
        match (patient_id, practitioner_id, staff_id) {
            (Some(p), None, None) => Ok(Subject::Patient(p)),
            (None, Some(p), None) => Ok(Subject::Practitioner(p)),
            (None, None, Some(s)) => Ok(Subject::Staff(s)),
            _ => anyhow::bail!("an account belongs to exactly one patient, practitioner or staff"),
        }
    }

    /// The id of whom the account belongs to.
    pub fn id(&self) -> &str {
        match self {
            Subject::Patient(id) | Subject::Practitioner(id) | Subject::Staff(id) => id,
        }
    }

    /// The `accounts` column that holds [`Subject::id`].
    fn column(&self) -> &'static str {
        match self {
            Subject::Patient(_) => "patient_id",
            Subject::Practitioner(_) => "practitioner_id",
            Subject::Staff(_) => "staff_id",
        }
    }

    /// The principal the domain decides for. Staff handle requests, not records: no rule
    /// names them, so as a principal (a person id no FHIR id can equal) they are denied every
    /// record action.
    pub fn principal(&self) -> inzage_domain::Principal {
        match self {
            Subject::Patient(id) => inzage_domain::Principal::Person {
                id: inzage_domain::PersonId(id.clone()),
            },
            Subject::Practitioner(id) => inzage_domain::Principal::Practitioner {
                id: inzage_domain::PractitionerId(id.clone()),
            },
            Subject::Staff(id) => inzage_domain::Principal::Person {
                id: inzage_domain::PersonId(format!("staff/{id}")),
            },
        }
    }
}

/// Which database the store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The server's database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Read entries waiting for the next group commit (see [`Store::audit`]).
    audit_queue: std::sync::Arc<audit::AuditQueue>,
    /// Records kept in memory (see [`Store::record_rows`]).
    kept: std::sync::Arc<versions::KeptRecords>,
}

/// A hospital as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HospitalRow {
    /// FHIR Organization id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Reports before this `YYYY-MM-DD` date are not shown.
    pub report_cutoff: Option<String>,
}

/// A patient as imported.
#[derive(Clone, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct PatientRow {
    /// FHIR Patient id.
    pub id: String,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// FHIR administrative gender.
    pub gender: Option<String>,
    /// FHIR deceasedDateTime or `true`.
    pub deceased_at: Option<String>,
    /// Belgian national number (11 digits).
    pub insz: Option<String>,
    /// Dutch BSN (9 digits).
    pub bsn: Option<String>,
    /// The hospital's record number.
    pub record_number: Option<String>,
    /// The postal address the hospital holds, one line per address line (code cards are posted
    /// there).
    pub postal_address: Option<String>,
}

inzage_domain::redacted_debug!(PatientRow { id });

impl PatientRow {
    /// The name to show: given names and family name.
    pub fn display_name(&self) -> String {
        display_name(&self.given_name, &self.family_name)
    }
}

fn display_name(given: &str, family: &str) -> String {
    format!("{given} {family}").trim().to_owned()
}

/// A report as stored, joined with its hospital.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReportRow {
    /// FHIR resource id.
    pub id: String,
    /// Whose report.
    pub patient_id: String,
    /// FHIR Organization id of the writing hospital.
    pub hospital_id: String,
    /// `DiagnosticReport` or `DocumentReference`.
    pub source_type: String,
    /// What the report is.
    pub title: String,
    /// Kind of report.
    pub category: Option<String>,
    /// `YYYY-MM-DD`.
    pub report_date: String,
    /// The FHIR status as imported.
    pub fhir_status: String,
    /// 1 when validated.
    pub validated: i64,
    /// 1 when shielded.
    pub shielded: i64,
    /// Author, if known.
    pub author: Option<String>,
    /// Conclusion.
    pub conclusion: Option<String>,
    /// Text.
    pub text_body: Option<String>,
    /// Result lines as JSON (`[ResultLine]`).
    pub results_json: String,
    /// 1 when it is a note of a consultation rather than a report.
    pub consultation_note: i64,
    /// When it was made available (Unix seconds), if the hospital said.
    pub issued_at: Option<i64>,
    /// Hospital name (joined).
    pub hospital_name: String,
    /// Hospital cutoff (joined).
    pub report_cutoff: Option<String>,
}

inzage_domain::redacted_debug!(ReportRow {
    id,
    patient_id,
    hospital_id
});

/// What the login needs of an account.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccountAuth {
    /// Account id.
    pub account_id: String,
    /// The patient the account belongs to, for a patient's account.
    pub patient_id: Option<String>,
    /// The practitioner the account belongs to, for a practitioner's account.
    pub practitioner_id: Option<String>,
    /// The staff member the account belongs to, for a staff account.
    pub staff_id: Option<String>,
    /// The PHC string of the password's Argon2id hash.
    pub password_hash: String,
    /// Why the hospital suspended the account, if it did.
    pub suspended_reason: Option<String>,
}

/// A login attempt as counted before it is verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// Its number in the current series (reset when a lock ends).
    pub series: i64,
    /// Locked until then (Unix seconds), if locked now.
    pub locked_until: Option<i64>,
    /// Attempts since the last success or helpdesk unlock.
    pub total: i64,
}

/// The account behind a live session.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionAccount {
    /// The session's public id.
    pub session_id: String,
    /// Account id.
    pub account_id: String,
    /// The patient the account belongs to, for a patient's account.
    pub patient_id: Option<String>,
    /// The practitioner the account belongs to, for a practitioner's account.
    pub practitioner_id: Option<String>,
    /// The staff member the account belongs to, for a staff account.
    pub staff_id: Option<String>,
    /// The language the person chose (`nl`, `fr`, `en`).
    pub language: Option<String>,
    /// When the session was created (Unix seconds).
    pub created_at: i64,
    /// When it ends unless used again (Unix seconds).
    pub expires_at: i64,
    /// The version of the terms of use the person accepted.
    pub terms_version: Option<String>,
}

const REPORT_COLUMNS: &str =
    "r.id, r.patient_id, r.hospital_id, r.source_type, r.title, r.category, \
     r.report_date, r.fhir_status, r.validated, r.shielded, r.author, r.conclusion, r.text_body, \
     r.results_json, r.consultation_note, r.issued_at, h.name AS hospital_name, h.report_cutoff";

/// How many connections to PostgreSQL the pool keeps at most: four per core of this machine,
/// between 8 and 32. On the 2-core machine of docs/benchmarks.md, 8 served 20–30% more report
/// lists under 64 connections than 16 did: more backends than cores only take turns.
fn postgres_connections() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    u32::try_from(cores * 4).unwrap_or(32).clamp(8, 32)
}

impl Store {
    /// Connects, creates the SQLite file if needed, applies the per-connection settings and runs
    /// the migrations.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        Self::connect_with(url, None).await
    }

    /// [`Store::connect`], with at most `postgres_pool` connections to PostgreSQL instead of
    /// the default (four per core of this machine, between 8 and 32); SQLite's pool is fixed.
    pub async fn connect_with(url: &str, postgres_pool: Option<u32>) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url).context("parsing DATABASE_URL")?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => postgres_pool.unwrap_or_else(postgres_connections),
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers and the writer work at once; FULL makes every
                        // committed submission survive a power cut; foreign keys are off in
                        // SQLite unless asked for on each connection.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .context("connecting to the database")?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .context("running database migrations")?;
        let store = Self {
            pool,
            backend,
            audit_queue: std::sync::Arc::default(),
            kept: std::sync::Arc::default(),
        };
        store
            .install_version_triggers()
            .await
            .context("installing the record version triggers")?;
        Ok(store)
    }

    /// Which backend this store uses.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for transactions spanning several calls.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Reads one PRAGMA or setting, for tests of the connection settings.
    pub async fn sqlite_pragma(&self, name: &str) -> anyhow::Result<String> {
        // The name goes into the SQL text: only the settings this store sets are allowed.
        if !matches!(
            name,
            "journal_mode" | "synchronous" | "foreign_keys" | "busy_timeout"
        ) {
            anyhow::bail!("`{name}` is not a setting of this store");
        }
        let row: (String,) =
            sqlx::query_as(&format!("SELECT CAST({name} AS TEXT) FROM pragma_{name}()"))
                .fetch_one(&self.pool)
                .await?;
        Ok(row.0)
    }

    /// Number of patients, to know whether the demo data is loaded.
    pub async fn count_patients(&self) -> anyhow::Result<i64> {
        let row: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM patients")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.0)
    }

    /// A patient's name to greet them with.
    pub async fn patient_display_name(&self, patient_id: &str) -> anyhow::Result<Option<String>> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT given_name, family_name FROM patients WHERE id = $1")
                .bind(patient_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(g, f)| display_name(&g, &f)))
    }

    /// Looks up a patient by id.
    pub async fn patient(&self, patient_id: &str) -> anyhow::Result<Option<PatientRow>> {
        Ok(sqlx::query_as::<_, PatientRow>(
            "SELECT id, given_name, family_name, birth_date, gender, deceased_at, insz, bsn, \
             record_number, postal_address FROM patients WHERE id = $1",
        )
        .bind(patient_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The id and birth date of the patient with exactly this name (demo accounts).
    pub async fn find_patient_by_name(
        &self,
        given: &str,
        family: &str,
    ) -> anyhow::Result<Option<(String, Option<String>)>> {
        Ok(sqlx::query_as(
            "SELECT id, birth_date FROM patients WHERE given_name = $1 AND family_name = $2",
        )
        .bind(given)
        .bind(family)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Whether a patient or practitioner has an account.
    pub async fn has_account(&self, owner: &Subject) -> anyhow::Result<bool> {
        let sql = format!(
            "SELECT COUNT(*) FROM accounts WHERE {} = $1",
            owner.column()
        );
        let (n,): (i64,) = sqlx::query_as(&sql)
            .bind(owner.id())
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Gives a patient a national number and a record number (demo accounts).
    pub async fn set_patient_numbers(
        &self,
        patient_id: &str,
        insz: Option<&str>,
        record_number: Option<&str>,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE patients SET insz = $1, record_number = $2 WHERE id = $3")
            .bind(insz)
            .bind(record_number)
            .bind(patient_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The reports of one patient, newest first, with their hospitals.
    pub async fn reports_for_patient(&self, patient_id: &str) -> anyhow::Result<Vec<ReportRow>> {
        let rows = sqlx::query_as::<_, ReportRow>(&format!(
            "SELECT {REPORT_COLUMNS} FROM reports r JOIN hospitals h ON h.id = r.hospital_id \
             WHERE r.patient_id = $1 ORDER BY r.report_date DESC, r.id"
        ))
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// One report by id, whoever it belongs to; the caller decides who may see it.
    pub async fn report(&self, report_id: &str) -> anyhow::Result<Option<ReportRow>> {
        let row = sqlx::query_as::<_, ReportRow>(&format!(
            "SELECT {REPORT_COLUMNS} FROM reports r JOIN hospitals h ON h.id = r.hospital_id \
             WHERE r.id = $1"
        ))
        .bind(report_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row)
    }

    /// Creates an account for a patient or a practitioner.
    pub async fn create_account(
        &self,
        owner: &Subject,
        username: Option<&str>,
        password_hash: &str,
        now: i64,
    ) -> anyhow::Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let sql = format!(
            "INSERT INTO accounts (id, {}, username, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
            owner.column()
        );
        sqlx::query(&sql)
            .bind(&id)
            .bind(owner.id())
            .bind(username)
            .bind(password_hash)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(id)
    }

    /// Issues a new code card for an account, active at once, blocking every earlier card, in
    /// one transaction (the demo's cards; printed cards start pending, see
    /// [`Store::issue_pending_card`]).
    pub async fn issue_code_card(
        &self,
        account_id: &str,
        code_hashes: &[(u8, String)],
        now: i64,
    ) -> anyhow::Result<String> {
        self.insert_card(account_id, code_hashes, now, true).await
    }

    /// Stores a card with its hashed codes, in one transaction. An active card blocks every
    /// earlier one; a pending card blocks only an earlier pending one (only the newest letter
    /// counts), and the active card keeps working until the pending one's first use.
    pub(crate) async fn insert_card(
        &self,
        account_id: &str,
        code_hashes: &[(u8, String)],
        now: i64,
        active: bool,
    ) -> anyhow::Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE code_cards SET blocked_at = $1 WHERE account_id = $2 AND blocked_at IS NULL \
             AND ($3 OR activated_at IS NULL)",
        )
        .bind(now)
        .bind(account_id)
        .bind(active)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO code_cards (id, account_id, issued_at, activated_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(account_id)
        .bind(now)
        .bind(active.then_some(now))
        .execute(&mut *tx)
        .await?;
        for (position, hash) in code_hashes {
            sqlx::query(
                "INSERT INTO code_card_codes (card_id, position, code_hash) VALUES ($1, $2, $3)",
            )
            .bind(&id)
            .bind(i64::from(*position))
            .bind(hash)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Finds the account a login name belongs to.
    pub async fn find_account(&self, name: &LoginName) -> anyhow::Result<Option<AccountAuth>> {
        let (column_query, value) = match name {
            LoginName::NationalNumber(n) => (
                "SELECT a.id AS account_id, a.patient_id, a.practitioner_id, a.staff_id, a.password_hash, \
                 a.suspended_reason \
                 FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE p.insz = $1",
                n.as_str(),
            ),
            LoginName::RecordNumber(n) => (
                "SELECT a.id AS account_id, a.patient_id, a.practitioner_id, a.staff_id, a.password_hash, \
                 a.suspended_reason \
                 FROM accounts a JOIN patients p ON p.id = a.patient_id \
                 WHERE p.record_number = $1",
                n.as_str(),
            ),
            LoginName::Username(n) => (
                "SELECT id AS account_id, patient_id, practitioner_id, staff_id, password_hash, \
                 suspended_reason \
                 FROM accounts WHERE username = $1",
                n.as_str(),
            ),
        };
        let row = sqlx::query_as::<_, AccountAuth>(column_query)
            .bind(value)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row)
    }

    /// Stores a login challenge.
    pub async fn insert_challenge(
        &self,
        id: &str,
        name_key: &str,
        position: u8,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO login_challenges (id, name_key, position, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(name_key)
        .bind(i64::from(position))
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Removes a challenge and returns it, so it can be used only once.
    pub async fn take_challenge(&self, id: &str) -> anyhow::Result<Option<(String, u8, i64)>> {
        let row: Option<(String, i64, i64)> = sqlx::query_as(
            "DELETE FROM login_challenges WHERE id = $1 RETURNING name_key, position, expires_at",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|(k, p, e)| u8::try_from(p).ok().map(|p| (k, p, e))))
    }

    /// Deletes expired challenges and sessions.
    pub async fn purge_expired(&self, now: i64) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM login_challenges WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        // No window lasts a day.
        sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(now - 86_400)
            .execute(&self.pool)
            .await?;
        self.purge_oidc_flows(now).await?;
        self.purge_ceremonies(now).await?;
        Ok(())
    }

    /// Counts a login attempt *before* it is verified, atomically, so that concurrent guesses
    /// cannot slip past the limit: returns the attempt's number in the current series, when the
    /// key is locked at `now` until when, and the attempts since the last success (which a lock's
    /// end does not reset). An expired lock starts a new series.
    pub async fn begin_attempt(&self, key: &str, now: i64) -> anyhow::Result<Attempt> {
        let (series, locked_until, total): (i64, Option<i64>, i64) = sqlx::query_as(
            "INSERT INTO login_failures (name_key, consecutive, locked_until, total) \
             VALUES ($1, 1, NULL, 1) \
             ON CONFLICT (name_key) DO UPDATE SET \
               consecutive = CASE \
                 WHEN login_failures.locked_until IS NULL THEN login_failures.consecutive + 1 \
                 WHEN login_failures.locked_until > $2 THEN login_failures.consecutive \
                 ELSE 1 END, \
               locked_until = CASE \
                 WHEN login_failures.locked_until IS NOT NULL AND login_failures.locked_until <= $2 \
                 THEN NULL ELSE login_failures.locked_until END, \
               total = CASE \
                 WHEN login_failures.locked_until > $2 THEN login_failures.total \
                 ELSE login_failures.total + 1 END \
             RETURNING consecutive, locked_until, total",
        )
        .bind(key)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(Attempt {
            series,
            locked_until: locked_until.filter(|until| *until > now),
            total,
        })
    }

    /// Locks a login name until `until`, unless it is locked already; returns the lock's end.
    pub async fn lock(&self, name_key: &str, until: i64) -> anyhow::Result<i64> {
        sqlx::query(
            "UPDATE login_failures SET locked_until = $1 WHERE name_key = $2 AND locked_until IS NULL",
        )
        .bind(until)
        .bind(name_key)
        .execute(&self.pool)
        .await?;
        let (until,): (Option<i64>,) =
            sqlx::query_as("SELECT locked_until FROM login_failures WHERE name_key = $1")
                .bind(name_key)
                .fetch_one(&self.pool)
                .await?;
        until.ok_or_else(|| anyhow::anyhow!("the lock of a login name was not recorded"))
    }

    /// Forgets the failures of a login name after a successful login.
    pub async fn clear_failures(&self, name_key: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE name_key = $1")
            .bind(name_key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The account of a live session, if the token is known and not expired.
    pub async fn session_account(
        &self,
        token_hash: &str,
        now: i64,
    ) -> anyhow::Result<Option<SessionAccount>> {
        let row = sqlx::query_as::<_, SessionAccount>(
            "SELECT s.id AS session_id, s.account_id, a.patient_id, a.practitioner_id, a.staff_id, \
             a.language, s.created_at, s.expires_at, a.terms_version \
             FROM sessions s \
             JOIN accounts a ON a.id = s.account_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row)
    }

    /// Remembers the language an account's person chose (none: the browser's).
    pub async fn set_language(
        &self,
        account_id: &str,
        language: Option<&str>,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE accounts SET language = $1 WHERE id = $2")
            .bind(language)
            .bind(account_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The language chosen on the account of a patient or practitioner.
    pub async fn language_of(&self, owner: &Subject) -> anyhow::Result<Option<String>> {
        let sql = format!(
            "SELECT language FROM accounts WHERE {} = $1",
            owner.column()
        );
        let row: Option<(Option<String>,)> = sqlx::query_as(&sql)
            .bind(owner.id())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| r.0))
    }

    /// Extends a session's idle expiry and notes its use.
    pub async fn touch_session(
        &self,
        token_hash: &str,
        now: i64,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE sessions SET expires_at = $1, last_seen_at = $2 WHERE token_hash = $3")
            .bind(expires_at)
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Writes a whole import in one transaction: all of it or nothing.
    pub async fn import(&self, batch: &crate::fhir::ImportBatch) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        for h in &batch.hospitals {
            sqlx::query(
                "INSERT INTO hospitals (id, name, report_cutoff) VALUES ($1, $2, $3) \
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name",
            )
            .bind(&h.id)
            .bind(&h.name)
            .bind(&h.report_cutoff)
            .execute(&mut *tx)
            .await?;
        }
        for p in &batch.patients {
            sqlx::query(
                "INSERT INTO patients (id, given_name, family_name, birth_date, gender, \
                 deceased_at, insz, bsn, record_number, postal_address) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                 ON CONFLICT (id) DO UPDATE SET given_name = excluded.given_name, \
                 family_name = excluded.family_name, birth_date = excluded.birth_date, \
                 gender = excluded.gender, deceased_at = excluded.deceased_at, \
                 insz = COALESCE(excluded.insz, patients.insz), \
                 bsn = COALESCE(excluded.bsn, patients.bsn), \
                 record_number = COALESCE(excluded.record_number, patients.record_number), \
                 postal_address = COALESCE(excluded.postal_address, patients.postal_address)",
            )
            .bind(&p.id)
            .bind(&p.given_name)
            .bind(&p.family_name)
            .bind(&p.birth_date)
            .bind(&p.gender)
            .bind(&p.deceased_at)
            .bind(&p.insz)
            .bind(&p.bsn)
            .bind(&p.record_number)
            .bind(&p.postal_address)
            .execute(&mut *tx)
            .await?;
        }
        // A practitioner's role and institution are the hospital's to set: a new import of the
        // same Practitioner updates only the name.
        for p in &batch.practitioners {
            sqlx::query(
                "INSERT INTO practitioners (id, name, role, institution, hospital_id) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
            )
            .bind(&p.id)
            .bind(&p.name)
            .bind(&p.role)
            .bind(&p.institution)
            .bind(&p.hospital_id)
            .execute(&mut *tx)
            .await?;
        }
        // News of a report the record did not have yet, for the patient's account and for the
        // account of everyone a fact names on the record (a parent, a trusted person, a
        // representative): the worker tells it only to whoever the domain lets read it then.
        // (The import has no clock of the server's: it runs from the command line, now.)
        let imported_at = time::OffsetDateTime::now_utc().unix_timestamp();
        for r in &batch.reports {
            let (known,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM reports WHERE id = $1")
                .bind(&r.id)
                .fetch_one(&mut *tx)
                .await?;
            if known > 0 {
                continue;
            }
            let people: Vec<(String,)> = sqlx::query_as(
                "SELECT a.patient_id FROM accounts a WHERE a.patient_id = $1 \
                 OR a.patient_id IN (SELECT f.person_id FROM access_facts f \
                 WHERE f.patient_id = $1 AND f.person_id IS NOT NULL) \
                 ORDER BY a.patient_id",
            )
            .bind(&r.patient_id)
            .fetch_all(&mut *tx)
            .await?;
            for (person,) in people {
                sqlx::query(
                    "INSERT INTO notification_events (id, person_id, topic, ref_id, created_at) \
                     VALUES ($1, $2, 'new_report', $3, $4)",
                )
                .bind(uuid::Uuid::new_v4().to_string())
                .bind(&person)
                .bind(&r.id)
                .bind(imported_at)
                .execute(&mut *tx)
                .await?;
            }
        }
        for r in &batch.reports {
            sqlx::query(
                "INSERT INTO reports (id, patient_id, hospital_id, source_type, title, category, \
                 report_date, fhir_status, validated, shielded, author, conclusion, text_body, \
                 results_json, consultation_note, issued_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
                 ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id, \
                 hospital_id = excluded.hospital_id, source_type = excluded.source_type, \
                 title = excluded.title, category = excluded.category, \
                 report_date = excluded.report_date, fhir_status = excluded.fhir_status, \
                 validated = excluded.validated, shielded = excluded.shielded, \
                 author = excluded.author, conclusion = excluded.conclusion, \
                 text_body = excluded.text_body, results_json = excluded.results_json, \
                 consultation_note = excluded.consultation_note, issued_at = excluded.issued_at",
            )
            .bind(&r.id)
            .bind(&r.patient_id)
            .bind(&r.hospital_id)
            .bind(&r.source_type)
            .bind(&r.title)
            .bind(&r.category)
            .bind(&r.report_date)
            .bind(&r.fhir_status)
            .bind(i64::from(r.validated))
            .bind(i64::from(r.shielded))
            .bind(&r.author)
            .bind(&r.conclusion)
            .bind(&r.text_body)
            .bind(&r.results_json)
            .bind(i64::from(r.consultation_note))
            .bind(r.issued.map(|t| t.unix_timestamp()))
            .execute(&mut *tx)
            .await?;
            // A new import of the report brings its documents anew.
            sqlx::query("DELETE FROM report_documents WHERE report_id = $1")
                .bind(&r.id)
                .execute(&mut *tx)
                .await?;
            for (i, d) in r.documents.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO report_documents (report_id, idx, title, media_type, size, \
                     sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&r.id)
                .bind(i64::try_from(i + 1).unwrap_or(i64::MAX))
                .bind(&d.title)
                .bind(&d.media_type)
                .bind(i64::try_from(d.data.len()).unwrap_or(i64::MAX))
                .bind(crate::upload::sha256(&d.data))
                .bind(&d.data)
                .execute(&mut *tx)
                .await?;
            }
        }
        items::insert(&mut tx, &batch.items).await?;
        slots::upsert(&mut tx, &batch.slots).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The documents a report carries: index, title, media type and size, in order.
    pub async fn report_documents(
        &self,
        report_id: &str,
    ) -> anyhow::Result<Vec<(i64, String, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT idx, title, media_type, size FROM report_documents WHERE report_id = $1 \
             ORDER BY idx",
        )
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One document of a report: title, media type, SHA-256 and bytes.
    pub async fn report_document(
        &self,
        report_id: &str,
        idx: i64,
    ) -> anyhow::Result<Option<(String, String, String, Vec<u8>)>> {
        Ok(sqlx::query_as(
            "SELECT title, media_type, sha256, data FROM report_documents \
             WHERE report_id = $1 AND idx = $2",
        )
        .bind(report_id)
        .bind(idx)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Whether hospitals and patients referenced by id exist, for cross-bundle references.
    pub async fn exists(&self, table: ExistsTable, id: &str) -> anyhow::Result<bool> {
        let sql = match table {
            ExistsTable::Patient => "SELECT COUNT(*) FROM patients WHERE id = $1",
            ExistsTable::Hospital => "SELECT COUNT(*) FROM hospitals WHERE id = $1",
        };
        let (n,): (i64,) = sqlx::query_as(sql).bind(id).fetch_one(&self.pool).await?;
        Ok(n > 0)
    }
}

/// Tables that [`Store::exists`] can look in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExistsTable {
    /// `patients`.
    Patient,
    /// `hospitals`.
    Hospital,
}

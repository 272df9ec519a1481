//! The record's sections beside the reports: one row per item, the rules' facts in columns and
//! the section's details as JSON.

use inzage_domain::Section;

use super::Store;
use crate::fhir::{ItemDetail, ItemImport};

/// A stored item, with its hospital's name.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ItemRow {
    /// `Type/id` of the FHIR resource.
    pub id: String,
    /// Whose record.
    pub patient_id: String,
    /// The hospital (Organization id).
    pub hospital_id: String,
    /// `result`, `allergy`, …
    pub section: String,
    /// `YYYY-MM-DD`: the day the rules look at.
    pub item_date: String,
    /// Unix seconds.
    pub starts_at: Option<i64>,
    /// Unix seconds.
    pub ends_at: Option<i64>,
    /// Results: the test's code.
    pub code: Option<String>,
    /// What it is.
    pub title: String,
    /// The FHIR status as imported.
    pub fhir_status: String,
    /// 1 when validated.
    pub validated: i64,
    /// 1 when shielded.
    pub shielded: i64,
    /// [`ItemDetail`] as JSON.
    pub detail_json: String,
    /// When it was made available (Unix seconds), if the hospital said.
    pub issued_at: Option<i64>,
    /// The imported hospital name (joined).
    pub hospital_name: String,
    /// The hospital's imported cutoff (joined).
    pub report_cutoff: Option<String>,
}

inzage_domain::redacted_debug!(ItemRow { id, patient_id });

impl ItemRow {
    /// The section's details.
    pub fn detail(&self) -> anyhow::Result<ItemDetail> {
        Ok(serde_json::from_str(&self.detail_json)?)
    }
}

/// A stored item the access rules can decide: what they look at in it.
pub trait HasFacts {
    /// What the rules look at.
    fn facts(&self) -> ItemFacts<'_>;
}

impl<T: HasFacts> HasFacts for &T {
    fn facts(&self) -> ItemFacts<'_> {
        (*self).facts()
    }
}

impl HasFacts for ItemRow {
    fn facts(&self) -> ItemFacts<'_> {
        ItemFacts {
            section: &self.section,
            hospital_id: &self.hospital_id,
            report_cutoff: self.report_cutoff.as_deref(),
            item_date: &self.item_date,
            ready_at: self.issued_at.or(self.starts_at),
            validated: self.validated,
            shielded: self.shielded,
        }
    }
}

/// What the access rules look at in a stored item.
#[derive(Clone, Copy)]
pub struct ItemFacts<'a> {
    /// `result`, `allergy`, …
    pub section: &'a str,
    /// The hospital (Organization id).
    pub hospital_id: &'a str,
    /// The hospital's imported cutoff.
    pub report_cutoff: Option<&'a str>,
    /// `YYYY-MM-DD`.
    pub item_date: &'a str,
    /// When it was made available (Unix seconds): issued, else its own instant; `None`: the
    /// start of its day counts.
    pub ready_at: Option<i64>,
    /// 1 when validated.
    pub validated: i64,
    /// 1 when shielded.
    pub shielded: i64,
}

/// A result with only what the rules and the results overview need: a large record's overview
/// decides every value but loads the details of one value per test.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ResultKey {
    /// `Observation/id`.
    pub id: String,
    /// The hospital (Organization id).
    pub hospital_id: String,
    /// `YYYY-MM-DD`.
    pub item_date: String,
    /// Unix seconds.
    pub starts_at: Option<i64>,
    /// The test's code.
    pub code: Option<String>,
    /// The test's name.
    pub title: String,
    /// 1 when validated.
    pub validated: i64,
    /// 1 when shielded.
    pub shielded: i64,
    /// When it was made available (Unix seconds), if the hospital said.
    pub issued_at: Option<i64>,
    /// The imported hospital name (joined).
    pub hospital_name: String,
    /// The hospital's imported cutoff (joined).
    pub report_cutoff: Option<String>,
}

inzage_domain::redacted_debug!(ResultKey { id });

impl HasFacts for ResultKey {
    fn facts(&self) -> ItemFacts<'_> {
        ItemFacts {
            section: "result",
            hospital_id: &self.hospital_id,
            report_cutoff: self.report_cutoff.as_deref(),
            item_date: &self.item_date,
            ready_at: self.issued_at.or(self.starts_at),
            validated: self.validated,
            shielded: self.shielded,
        }
    }
}

const COLUMNS: &str = "i.id, i.patient_id, i.hospital_id, i.section, i.item_date, i.starts_at, \
    i.ends_at, i.code, i.title, i.fhir_status, i.validated, i.shielded, i.detail_json, \
    i.issued_at, h.name AS hospital_name, h.report_cutoff";

/// The name a section has in the database.
pub fn section_name(section: Section) -> &'static str {
    match section {
        Section::Result => "result",
        Section::Allergy => "allergy",
        Section::BloodGroup => "blood_group",
        Section::Risk => "risk",
        Section::Medication => "medication",
        Section::Appointment => "appointment",
        Section::Leaflet => "leaflet",
    }
}

/// The section a database name stands for.
pub fn section_of(name: &str) -> Option<Section> {
    Section::ALL.into_iter().find(|s| section_name(*s) == name)
}

/// Rows per INSERT: several hundred results import in a few statements; below SQLite's limit of
/// 32,766 bound parameters (and PostgreSQL's 65,535) at 14 per row.
const BATCH: usize = 200;

/// Stores items inside the import's transaction, replacing those with the same id.
pub(super) async fn insert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    items: &[ItemImport],
) -> anyhow::Result<()> {
    const COLUMNS_PER_ROW: usize = 14;
    for chunk in items.chunks(BATCH) {
        // `$n` placeholders, which both backends understand (sqlx's QueryBuilder writes `?` for
        // the Any driver, which PostgreSQL refuses).
        let rows: Vec<String> = (0..chunk.len())
            .map(|r| {
                let cells: Vec<String> = (1..=COLUMNS_PER_ROW)
                    .map(|c| format!("${}", r * COLUMNS_PER_ROW + c))
                    .collect();
                format!("({})", cells.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO record_items (id, patient_id, hospital_id, section, item_date, \
             starts_at, ends_at, code, title, fhir_status, validated, shielded, detail_json, \
             issued_at) \
             VALUES {} \
             ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id, \
             hospital_id = excluded.hospital_id, section = excluded.section, \
             item_date = excluded.item_date, starts_at = excluded.starts_at, \
             ends_at = excluded.ends_at, code = excluded.code, title = excluded.title, \
             fhir_status = excluded.fhir_status, validated = excluded.validated, \
             shielded = excluded.shielded, detail_json = excluded.detail_json, \
             issued_at = excluded.issued_at",
            rows.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for i in chunk {
            q = q
                .bind(i.id.clone())
                .bind(i.patient_id.clone())
                .bind(i.hospital_id.clone())
                .bind(section_name(i.section))
                .bind(i.item_date.clone())
                .bind(i.starts_at.map(|t| t.unix_timestamp()))
                .bind(i.ends_at.map(|t| t.unix_timestamp()))
                .bind(i.code.clone())
                .bind(i.title.clone())
                .bind(i.fhir_status.clone())
                .bind(i64::from(i.validated))
                .bind(i64::from(i.shielded))
                .bind(serde_json::to_string(&i.detail)?)
                .bind(i.issued.map(|t| t.unix_timestamp()));
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

impl Store {
    /// A record's items of one section, newest first (by day, then instant).
    pub async fn items_of(
        &self,
        patient_id: &str,
        section: Section,
    ) -> anyhow::Result<Vec<ItemRow>> {
        Ok(sqlx::query_as::<_, ItemRow>(&format!(
            "SELECT {COLUMNS} FROM record_items i JOIN hospitals h ON h.id = i.hospital_id \
             WHERE i.patient_id = $1 AND i.section = $2 \
             ORDER BY i.item_date DESC, i.starts_at DESC, i.id"
        ))
        .bind(patient_id)
        .bind(section_name(section))
        .fetch_all(&self.pool)
        .await?)
    }

    /// All of a record's items, section by section, newest first.
    pub async fn all_items_of(&self, patient_id: &str) -> anyhow::Result<Vec<ItemRow>> {
        Ok(sqlx::query_as::<_, ItemRow>(&format!(
            "SELECT {COLUMNS} FROM record_items i JOIN hospitals h ON h.id = i.hospital_id \
             WHERE i.patient_id = $1 ORDER BY i.section, i.item_date DESC, i.starts_at DESC, i.id"
        ))
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The keys of a record's results, in no particular order.
    pub async fn result_keys_of(&self, patient_id: &str) -> anyhow::Result<Vec<ResultKey>> {
        Ok(sqlx::query_as::<_, ResultKey>(
            "SELECT i.id, i.hospital_id, i.item_date, i.starts_at, i.code, i.title, i.validated, \
             i.shielded, i.issued_at, h.name AS hospital_name, h.report_cutoff \
             FROM record_items i JOIN hospitals h ON h.id = i.hospital_id \
             WHERE i.patient_id = $1 AND i.section = 'result'",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Items of a record by id, in no particular order; ids of other records are left out.
    pub async fn items_by_id(
        &self,
        patient_id: &str,
        ids: &[&str],
    ) -> anyhow::Result<Vec<ItemRow>> {
        let mut rows = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(BATCH) {
            let marks: Vec<String> = (2..chunk.len() + 2).map(|n| format!("${n}")).collect();
            let sql = format!(
                "SELECT {COLUMNS} FROM record_items i JOIN hospitals h ON h.id = i.hospital_id \
                 WHERE i.patient_id = $1 AND i.id IN ({})",
                marks.join(", ")
            );
            let mut q = sqlx::query_as::<_, ItemRow>(&sql).bind(patient_id);
            for id in chunk {
                q = q.bind(*id);
            }
            rows.extend(q.fetch_all(&self.pool).await?);
        }
        Ok(rows)
    }

    /// Every record's appointments starting in `[from, to)` (Unix seconds), soonest first: the
    /// day's video consultations a doctor may open are among them.
    pub async fn appointments_between(&self, from: i64, to: i64) -> anyhow::Result<Vec<ItemRow>> {
        Ok(sqlx::query_as::<_, ItemRow>(&format!(
            "SELECT {COLUMNS} FROM record_items i JOIN hospitals h ON h.id = i.hospital_id \
             WHERE i.section = 'appointment' AND i.starts_at >= $1 AND i.starts_at < $2 \
             ORDER BY i.starts_at, i.id"
        ))
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A record's results of one test, oldest first.
    pub async fn results_of(&self, patient_id: &str, code: &str) -> anyhow::Result<Vec<ItemRow>> {
        Ok(sqlx::query_as::<_, ItemRow>(&format!(
            "SELECT {COLUMNS} FROM record_items i JOIN hospitals h ON h.id = i.hospital_id \
             WHERE i.patient_id = $1 AND i.code = $2 AND i.section = 'result' \
             ORDER BY i.starts_at, i.id"
        ))
        .bind(patient_id)
        .bind(code)
        .fetch_all(&self.pool)
        .await?)
    }
}

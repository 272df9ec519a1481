//! Requests to act for someone else: a parent's request for a link to a child's record.

use super::{Store, Tx};

/// A stored link request.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LinkRequestRow {
    /// Request id.
    pub id: String,
    /// Who asks (a patient id).
    pub requester_id: String,
    /// `parent`, or for an application to represent an adult the `manage::DesignationKind`
    /// asked (`representative`, `curator`, `mentor`).
    pub relation: String,
    /// The child's name as written.
    pub child_name: String,
    /// The child's national number (Belgian or BSN), digits only.
    pub child_number: String,
    /// The parent's message.
    pub message: String,
    /// Unix seconds.
    pub filed_at: i64,
    /// `approved`, `refused`, or none while pending.
    pub outcome: Option<String>,
    /// Staff's reason.
    pub decision_reason: Option<String>,
    /// An application's signed form: its SHA-256 (the file is named by the request's id).
    pub file_sha256: Option<String>,
    /// And its size in bytes.
    pub file_size: Option<i64>,
}

const COLUMNS: &str = "id, requester_id, relation, child_name, child_number, message, filed_at, \
     outcome, decision_reason, file_sha256, file_size";

impl Store {
    /// Stores a new link request.
    pub async fn insert_link_request(&self, row: &LinkRequestRow) -> anyhow::Result<()> {
        sqlx::query(&format!(
            "INSERT INTO link_requests ({COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        ))
        .bind(&row.id)
        .bind(&row.requester_id)
        .bind(&row.relation)
        .bind(&row.child_name)
        .bind(&row.child_number)
        .bind(&row.message)
        .bind(row.filed_at)
        .bind(&row.outcome)
        .bind(&row.decision_reason)
        .bind(&row.file_sha256)
        .bind(row.file_size)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A person's own link requests, newest first.
    pub async fn link_requests_of(
        &self,
        requester_id: &str,
    ) -> anyhow::Result<Vec<LinkRequestRow>> {
        Ok(sqlx::query_as::<_, LinkRequestRow>(&format!(
            "SELECT {COLUMNS} FROM link_requests WHERE requester_id = $1 ORDER BY filed_at DESC, id"
        ))
        .bind(requester_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every pending link request, oldest first: the staff's queue.
    pub async fn pending_link_requests(&self) -> anyhow::Result<Vec<LinkRequestRow>> {
        Ok(sqlx::query_as::<_, LinkRequestRow>(&format!(
            "SELECT {COLUMNS} FROM link_requests WHERE outcome IS NULL ORDER BY filed_at, id"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// One link request.
    pub async fn link_request(&self, id: &str) -> anyhow::Result<Option<LinkRequestRow>> {
        Ok(sqlx::query_as::<_, LinkRequestRow>(&format!(
            "SELECT {COLUMNS} FROM link_requests WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The records naming a person in any fact (their children's, those who named them).
    pub async fn records_naming_person(&self, person_id: &str) -> anyhow::Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT patient_id FROM access_facts WHERE person_id = $1 ORDER BY patient_id",
        )
        .bind(person_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// The records with an incapacity holding at `now`, with when it began, the oldest first.
    pub async fn records_with_incapacity(&self, now: i64) -> anyhow::Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT patient_id, MIN(valid_from) AS since FROM access_facts \
             WHERE kind = 'incapacity' AND valid_from <= $1 \
             AND (valid_until IS NULL OR valid_until > $1) \
             GROUP BY patient_id ORDER BY since, patient_id",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The hospitals a patient's reports come from, the most recent report's first.
    pub async fn report_hospitals(&self, patient_id: &str) -> anyhow::Result<Vec<String>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT hospital_id, MAX(report_date) AS latest FROM reports WHERE patient_id = $1 \
             GROUP BY hospital_id ORDER BY latest DESC, hospital_id",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }
}

impl Tx {
    /// Closes a pending request with staff's decision; returns whether it was still pending
    /// (two staff members deciding at once: only the first counts).
    pub async fn decide_link_request(
        &mut self,
        id: &str,
        outcome: &str,
        staff_id: &str,
        reason: Option<&str>,
        patient_id: Option<&str>,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE link_requests SET outcome = $1, decided_by = $2, decision_reason = $3, \
             patient_id = $4, decided_at = $5 WHERE id = $6 AND outcome IS NULL",
        )
        .bind(outcome)
        .bind(staff_id)
        .bind(reason)
        .bind(patient_id)
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

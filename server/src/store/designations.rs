//! Designations by signed form: the requests and staff's decisions.

use super::{Store, Tx};

/// A stored designation request.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DesignationRow {
    /// Request id (also the form's file name).
    pub id: String,
    /// Whose record.
    pub patient_id: String,
    /// Who uploaded.
    pub requester_id: String,
    /// `manage::DesignationKind`.
    pub kind: String,
    /// Whom it designates, as written.
    pub designee_name: String,
    /// Their national number, digits only.
    pub designee_number: String,
    /// The form's SHA-256.
    pub file_sha256: String,
    /// The form's size.
    pub file_size: i64,
    /// Unix seconds.
    pub filed_at: i64,
    /// `approved`, `refused`, or none while pending.
    pub outcome: Option<String>,
    /// Staff's reason.
    pub decision_reason: Option<String>,
}

const COLUMNS: &str = "id, patient_id, requester_id, kind, designee_name, designee_number, \
     file_sha256, file_size, filed_at, outcome, decision_reason";

impl Store {
    /// A record's designation requests, newest first.
    pub async fn designations_of(&self, patient_id: &str) -> anyhow::Result<Vec<DesignationRow>> {
        Ok(sqlx::query_as::<_, DesignationRow>(&format!(
            "SELECT {COLUMNS} FROM designation_requests WHERE patient_id = $1 \
             ORDER BY filed_at DESC, id"
        ))
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every pending designation request, oldest first.
    pub async fn pending_designations(&self) -> anyhow::Result<Vec<DesignationRow>> {
        Ok(sqlx::query_as::<_, DesignationRow>(&format!(
            "SELECT {COLUMNS} FROM designation_requests WHERE outcome IS NULL \
             ORDER BY filed_at, id"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// One designation request.
    pub async fn designation(&self, id: &str) -> anyhow::Result<Option<DesignationRow>> {
        Ok(sqlx::query_as::<_, DesignationRow>(&format!(
            "SELECT {COLUMNS} FROM designation_requests WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Stores a new designation request.
    pub async fn insert_designation(&mut self, row: &DesignationRow) -> anyhow::Result<()> {
        sqlx::query(&format!(
            "INSERT INTO designation_requests ({COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        ))
        .bind(&row.id)
        .bind(&row.patient_id)
        .bind(&row.requester_id)
        .bind(&row.kind)
        .bind(&row.designee_name)
        .bind(&row.designee_number)
        .bind(&row.file_sha256)
        .bind(row.file_size)
        .bind(row.filed_at)
        .bind(&row.outcome)
        .bind(&row.decision_reason)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Closes a pending request; returns whether it was still pending.
    pub async fn decide_designation(
        &mut self,
        id: &str,
        outcome: &str,
        staff_id: &str,
        reason: Option<&str>,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE designation_requests SET outcome = $1, decided_by = $2, \
             decision_reason = $3, decided_at = $4 WHERE id = $5 AND outcome IS NULL",
        )
        .bind(outcome)
        .bind(staff_id)
        .bind(reason)
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

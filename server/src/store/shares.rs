//! Share links and the reports each holds.

use super::{Store, Tx};

/// A stored share link (without its secret's hash).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ShareRow {
    /// Its id.
    pub id: String,
    /// Whose record.
    pub patient_id: String,
    /// For whom.
    pub label: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds (exclusive).
    pub expires_at: i64,
    /// Unix seconds, if revoked.
    pub revoked_at: Option<i64>,
    /// The person who made it.
    pub made_by_id: String,
    /// Their name at the time.
    pub made_by_name: String,
    /// How many times it was opened.
    pub opened: i64,
}

/// A new link to store.
pub struct NewShareRow<'a> {
    /// The link as stored.
    pub row: &'a ShareRow,
    /// SHA-256 of its secret.
    pub token_hash: &'a str,
    /// Its reports: id and title, in order.
    pub reports: &'a [(String, String)],
}

const COLUMNS: &str = "id, patient_id, label, created_at, expires_at, revoked_at, made_by_id, \
                       made_by_name, opened";

impl Store {
    /// A record's links, newest first.
    pub async fn shares_of(&self, patient_id: &str) -> anyhow::Result<Vec<ShareRow>> {
        Ok(sqlx::query_as::<_, ShareRow>(&format!(
            "SELECT {COLUMNS} FROM share_links WHERE patient_id = $1 \
             ORDER BY created_at DESC, id"
        ))
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The link whose secret hashes to `token_hash`.
    pub async fn share_by_token(&self, token_hash: &str) -> anyhow::Result<Option<ShareRow>> {
        Ok(sqlx::query_as::<_, ShareRow>(&format!(
            "SELECT {COLUMNS} FROM share_links WHERE token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A link's reports: id and title, in the order chosen.
    pub async fn share_reports(&self, share_id: &str) -> anyhow::Result<Vec<(String, String)>> {
        Ok(sqlx::query_as::<_, (String, String)>(
            "SELECT report_id, title FROM share_link_reports WHERE share_id = $1 ORDER BY idx",
        )
        .bind(share_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Stores a new link and its reports.
    pub async fn insert_share(&mut self, new: NewShareRow<'_>) -> anyhow::Result<()> {
        let r = new.row;
        sqlx::query(
            "INSERT INTO share_links (id, patient_id, token_hash, label, created_at, expires_at, \
             made_by_id, made_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&r.id)
        .bind(&r.patient_id)
        .bind(new.token_hash)
        .bind(&r.label)
        .bind(r.created_at)
        .bind(r.expires_at)
        .bind(&r.made_by_id)
        .bind(&r.made_by_name)
        .execute(&mut *self.0)
        .await?;
        for (i, (report, title)) in new.reports.iter().enumerate() {
            sqlx::query(
                "INSERT INTO share_link_reports (share_id, idx, report_id, title) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&r.id)
            .bind(i64::try_from(i).unwrap_or(i64::MAX))
            .bind(report)
            .bind(title)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }

    /// Revokes a record's link at `at`; false when it is not this record's, or no longer open
    /// (already revoked, or expired).
    pub async fn revoke_share(
        &mut self,
        patient_id: &str,
        share_id: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE share_links SET revoked_at = $1 WHERE id = $2 AND patient_id = $3 \
             AND revoked_at IS NULL AND expires_at > $1",
        )
        .bind(at)
        .bind(share_id)
        .bind(patient_id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Counts one opening of a link.
    pub async fn count_share_opened(&mut self, share_id: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE share_links SET opened = opened + 1 WHERE id = $1")
            .bind(share_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }
}

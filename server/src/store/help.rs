//! Questions to the helpdesk and staff's answers.

use super::{Store, Tx};

/// A stored question.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HelpCaseRow {
    /// The case (also the screenshot's file name).
    pub id: String,
    /// The patient whose account sent it, if any.
    pub patient_id: Option<String>,
    /// `help::HelpCategory`.
    pub category: String,
    /// The name given.
    pub name: String,
    /// The address to answer.
    pub email: String,
    /// The question.
    pub message: String,
    /// The language to answer in.
    pub language: String,
    /// The screenshot's SHA-256, if one came with it.
    pub screenshot_sha256: Option<String>,
    /// Its media type (`image/png`, `image/jpeg`).
    pub screenshot_type: Option<String>,
    /// Its size in bytes.
    pub screenshot_size: Option<i64>,
    /// Unix seconds.
    pub filed_at: i64,
    /// When staff answered; none while open.
    pub answered_at: Option<i64>,
}

const COLUMNS: &str = "id, patient_id, category, name, email, message, language, \
     screenshot_sha256, screenshot_type, screenshot_size, filed_at, answered_at";

impl Store {
    /// Stores a new question.
    pub async fn insert_help_case(&self, row: &HelpCaseRow) -> anyhow::Result<()> {
        sqlx::query(&format!(
            "INSERT INTO help_cases ({COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        ))
        .bind(&row.id)
        .bind(&row.patient_id)
        .bind(&row.category)
        .bind(&row.name)
        .bind(&row.email)
        .bind(&row.message)
        .bind(&row.language)
        .bind(&row.screenshot_sha256)
        .bind(&row.screenshot_type)
        .bind(row.screenshot_size)
        .bind(row.filed_at)
        .bind(row.answered_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The open questions, oldest first.
    pub async fn open_help_cases(&self) -> anyhow::Result<Vec<HelpCaseRow>> {
        Ok(sqlx::query_as::<_, HelpCaseRow>(&format!(
            "SELECT {COLUMNS} FROM help_cases WHERE answered_at IS NULL ORDER BY filed_at, id"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// One question.
    pub async fn help_case(&self, id: &str) -> anyhow::Result<Option<HelpCaseRow>> {
        Ok(sqlx::query_as::<_, HelpCaseRow>(&format!(
            "SELECT {COLUMNS} FROM help_cases WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Closes an open question with staff's answer; returns whether it was still open (two
    /// staff members answering at once: only the first counts).
    pub async fn answer_help_case(
        &mut self,
        id: &str,
        staff_id: &str,
        answer: &str,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE help_cases SET answer = $1, answered_by = $2, answered_at = $3 \
             WHERE id = $4 AND answered_at IS NULL",
        )
        .bind(answer)
        .bind(staff_id)
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

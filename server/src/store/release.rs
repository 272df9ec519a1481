//! The patient's own release choices, and the consultations an "after my consultation" choice
//! waits for.

use super::{Store, Tx};

/// A stored release choice.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReleaseChoiceRow {
    /// `results` or `reports`.
    pub category: String,
    /// `after_a_week` or `after_consultation`.
    pub preference: String,
    /// `YYYY-MM-DD`: the day it was made.
    pub since: String,
}

/// A consultation: an appointment that is booked or took place.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsultationRow {
    /// The hospital (Organization id).
    pub hospital_id: String,
    /// When it starts (Unix seconds).
    pub starts_at: i64,
}

impl Store {
    /// A record's release choices.
    pub async fn release_choices(&self, patient_id: &str) -> anyhow::Result<Vec<ReleaseChoiceRow>> {
        Ok(sqlx::query_as::<_, ReleaseChoiceRow>(
            "SELECT category, preference, since FROM release_choices WHERE patient_id = $1",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A record's consultations: appointments booked, arrived, checked in or fulfilled (not
    /// proposed, cancelled or missed), in no particular order.
    pub async fn consultations_of(&self, patient_id: &str) -> anyhow::Result<Vec<ConsultationRow>> {
        Ok(sqlx::query_as::<_, ConsultationRow>(
            "SELECT hospital_id, starts_at FROM record_items \
             WHERE patient_id = $1 AND section = 'appointment' AND starts_at IS NOT NULL \
             AND fhir_status IN ('booked', 'arrived', 'checked-in', 'fulfilled')",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Sets a record's choice for a category (`None`: as soon as released, the default).
    pub async fn set_release_choice(
        &mut self,
        patient_id: &str,
        category: &str,
        choice: Option<(&str, &str)>,
        now: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM release_choices WHERE patient_id = $1 AND category = $2")
            .bind(patient_id)
            .bind(category)
            .execute(&mut *self.0)
            .await?;
        if let Some((preference, since)) = choice {
            sqlx::query(
                "INSERT INTO release_choices (patient_id, category, preference, since, \
                 changed_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(patient_id)
            .bind(category)
            .bind(preference)
            .bind(since)
            .bind(now)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }
}

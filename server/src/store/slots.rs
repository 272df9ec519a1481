//! Appointment slots the hospitals publish, and booking them: a slot is taken with a single
//! conditional update, so two people booking the same slot at once cannot both get it.

use super::{Store, Tx};

/// A published slot.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SlotRow {
    /// `Slot/<id>`.
    pub id: String,
    /// The hospital (Organization id).
    pub hospital_id: String,
    /// Unix seconds.
    pub starts_at: i64,
    /// Unix seconds.
    pub ends_at: i64,
    /// What for.
    pub service: String,
    /// With whom.
    pub practitioner: Option<String>,
    /// The doctor's practitioner id, where the schedule names one.
    pub practitioner_id: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// 1 when published as free.
    pub published_free: i64,
    /// The appointment that took it.
    pub appointment_id: Option<String>,
    /// The imported hospital name (joined).
    pub hospital_name: String,
}

impl SlotRow {
    /// Whether nobody has it: published free and not taken.
    pub fn free(&self) -> bool {
        self.published_free == 1 && self.appointment_id.is_none()
    }
}

const COLUMNS: &str = "s.id, s.hospital_id, s.starts_at, s.ends_at, s.service, s.practitioner, \
                       s.practitioner_id, s.location, s.published_free, s.appointment_id, h.name AS hospital_name";

/// The most slots one listing returns.
pub const SLOTS_MAX: i64 = 300;

/// Stores published slots inside the import's transaction: new ones are added, known ones get
/// their new times and status but keep who took them.
pub(super) async fn upsert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    slots: &[crate::fhir::SlotImport],
) -> anyhow::Result<()> {
    for s in slots {
        sqlx::query(
            "INSERT INTO appointment_slots (id, hospital_id, starts_at, ends_at, service, \
             practitioner, practitioner_id, location, published_free) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (id) DO UPDATE SET hospital_id = excluded.hospital_id, \
             starts_at = excluded.starts_at, ends_at = excluded.ends_at, \
             service = excluded.service, practitioner = excluded.practitioner, \
             practitioner_id = excluded.practitioner_id, \
             location = excluded.location, published_free = excluded.published_free",
        )
        .bind(&s.id)
        .bind(&s.hospital_id)
        .bind(s.start.unix_timestamp())
        .bind(s.end.unix_timestamp())
        .bind(&s.service)
        .bind(&s.practitioner)
        .bind(&s.practitioner_id)
        .bind(&s.location)
        .bind(i64::from(s.free))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Free slots starting at or after `from` (Unix seconds), soonest first, at most
    /// [`SLOTS_MAX`].
    pub async fn free_slots(&self, from: i64) -> anyhow::Result<Vec<SlotRow>> {
        Ok(sqlx::query_as::<_, SlotRow>(&format!(
            "SELECT {COLUMNS} FROM appointment_slots s JOIN hospitals h ON h.id = s.hospital_id \
             WHERE s.starts_at >= $1 AND s.published_free = 1 AND s.appointment_id IS NULL \
             ORDER BY s.starts_at, s.id LIMIT $2"
        ))
        .bind(from)
        .bind(SLOTS_MAX)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One slot.
    pub async fn slot(&self, id: &str) -> anyhow::Result<Option<SlotRow>> {
        Ok(sqlx::query_as::<_, SlotRow>(&format!(
            "SELECT {COLUMNS} FROM appointment_slots s JOIN hospitals h ON h.id = s.hospital_id \
             WHERE s.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Gives a free slot to an appointment; false when someone else took it first (or it is
    /// no longer published free).
    pub async fn take_slot(&mut self, slot_id: &str, appointment_id: &str) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE appointment_slots SET appointment_id = $1 \
             WHERE id = $2 AND appointment_id IS NULL AND published_free = 1",
        )
        .bind(appointment_id)
        .bind(slot_id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Frees the slot an appointment had, if it had one.
    pub async fn release_slot(&mut self, appointment_id: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE appointment_slots SET appointment_id = NULL WHERE appointment_id = $1")
            .bind(appointment_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Stores a new appointment booked through the portal.
    pub async fn insert_appointment(
        &mut self,
        item: &crate::fhir::ItemImport,
    ) -> anyhow::Result<()> {
        super::items::insert(&mut self.0, std::slice::from_ref(item)).await
    }

    /// Changes an appointment (a record item): its status, and for a move its time, place and
    /// practitioner; `false` when someone else changed it in the meantime (its status or start
    /// are no longer `expected`).
    pub async fn update_appointment(
        &mut self,
        expected: &crate::store::ItemRow,
        status: &str,
        times: (i64, Option<i64>),
        detail_json: &str,
    ) -> anyhow::Result<bool> {
        let item_date = time::OffsetDateTime::from_unix_timestamp(times.0)?
            .date()
            .to_string();
        let done = sqlx::query(
            "UPDATE record_items SET fhir_status = $1, starts_at = $2, ends_at = $3, \
             item_date = $4, detail_json = $5 WHERE id = $6 AND section = 'appointment' \
             AND fhir_status = $7 AND starts_at = $8",
        )
        .bind(status)
        .bind(times.0)
        .bind(times.1)
        .bind(item_date)
        .bind(detail_json)
        .bind(&expected.id)
        .bind(&expected.fhir_status)
        .bind(expected.starts_at)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

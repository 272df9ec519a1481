//! Requests about a record and the cases staff handle: rows, attached files, status changes.

use super::{Store, Tx};

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RequestRow {
    /// The case id.
    pub id: String,
    /// Whose record.
    pub patient_id: String,
    /// Who filed it.
    pub requester_id: String,
    /// The hospital it goes to.
    pub hospital_id: String,
    /// `RequestForm`'s kind.
    pub kind: String,
    /// `RequestForm` as JSON.
    pub form: String,
    /// The requester's note.
    pub note: String,
    /// The assessment's notes as JSON.
    pub notes: String,
    /// Unix seconds.
    pub filed_at: i64,
    /// YYYY-MM-DD.
    pub due: String,
    /// Euro cents.
    pub fee_cents: i64,
    /// `CaseStatus`.
    pub status: String,
    /// Staff's question.
    pub question: Option<String>,
    /// The requester's answer.
    pub answer: Option<String>,
    /// Staff's reason for a refusal.
    pub reason: Option<String>,
    /// Unix seconds of the last change.
    pub updated_at: i64,
    /// The delivered document's SHA-256.
    pub delivery_sha256: Option<String>,
    /// Its size.
    pub delivery_size: Option<i64>,
    /// Its media type.
    pub delivery_type: Option<String>,
}

/// An identity document attached to a request.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RequestFileRow {
    /// The request.
    pub request_id: String,
    /// `Signer`.
    pub signer: String,
    /// By content.
    pub media_type: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Its size.
    pub size: i64,
}

/// A case's change by staff or by the requester's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseUpdate<'a> {
    /// The status the change expects (a concurrent change makes it fail).
    pub from: &'a str,
    /// The new status.
    pub to: &'a str,
    /// A new question, when staff asked one.
    pub question: Option<&'a str>,
    /// The requester's answer.
    pub answer: Option<&'a str>,
    /// Staff's reason for a refusal.
    pub reason: Option<&'a str>,
    /// The staff member, for their steps.
    pub staff_id: Option<&'a str>,
    /// The delivered document: SHA-256, size, media type.
    pub delivery: Option<(&'a str, i64, &'a str)>,
    /// Unix seconds.
    pub now: i64,
}

const COLUMNS: &str = "id, patient_id, requester_id, hospital_id, kind, form, note, notes, \
     filed_at, due, fee_cents, status, question, answer, reason, updated_at, delivery_sha256, \
     delivery_size, delivery_type";

impl Store {
    /// A record's requests, newest first.
    pub async fn requests_of(&self, patient_id: &str) -> anyhow::Result<Vec<RequestRow>> {
        Ok(sqlx::query_as::<_, RequestRow>(&format!(
            "SELECT {COLUMNS} FROM requests WHERE patient_id = $1 ORDER BY filed_at DESC, id"
        ))
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The requests of one kind a person filed, newest first (a relative's about deceased
    /// patients, whose records they cannot open).
    pub async fn requests_filed_by(
        &self,
        requester_id: &str,
        kind: &str,
    ) -> anyhow::Result<Vec<RequestRow>> {
        Ok(sqlx::query_as::<_, RequestRow>(&format!(
            "SELECT {COLUMNS} FROM requests WHERE requester_id = $1 AND kind = $2 \
             ORDER BY filed_at DESC, id"
        ))
        .bind(requester_id)
        .bind(kind)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every hospital as imported: id and name, by name.
    pub async fn hospitals(&self) -> anyhow::Result<Vec<(String, String)>> {
        Ok(sqlx::query_as::<_, (String, String)>(
            "SELECT id, name FROM hospitals ORDER BY name, id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The open cases, the one due first at the top.
    pub async fn open_requests(&self) -> anyhow::Result<Vec<RequestRow>> {
        Ok(sqlx::query_as::<_, RequestRow>(&format!(
            "SELECT {COLUMNS} FROM requests WHERE status NOT IN ('done', 'refused') \
             ORDER BY due, filed_at, id"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// One request.
    pub async fn request(&self, id: &str) -> anyhow::Result<Option<RequestRow>> {
        Ok(sqlx::query_as::<_, RequestRow>(&format!(
            "SELECT {COLUMNS} FROM requests WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The copies of a record a hospital delivered (copy requests done).
    pub async fn delivered_copies(
        &self,
        patient_id: &str,
        hospital_id: &str,
    ) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM requests WHERE patient_id = $1 AND hospital_id = $2 \
             AND kind = 'copy' AND status = 'done'",
        )
        .bind(patient_id)
        .bind(hospital_id)
        .fetch_one(&self.pool)
        .await?)
    }

    /// The hospitals that hold data of a record: id, imported name, and the day of the latest
    /// report or record item there (appointments aside: a booked one is not a treatment).
    pub async fn record_hospitals(
        &self,
        patient_id: &str,
    ) -> anyhow::Result<Vec<(String, String, String)>> {
        Ok(sqlx::query_as::<_, (String, String, String)>(
            "SELECT h.id, h.name, MAX(x.day) FROM ( \
               SELECT hospital_id, report_date AS day FROM reports WHERE patient_id = $1 \
               UNION ALL SELECT hospital_id, item_date AS day FROM record_items \
               WHERE patient_id = $1 AND section <> 'appointment' \
             ) x JOIN hospitals h ON h.id = x.hospital_id GROUP BY h.id, h.name ORDER BY h.name, h.id",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A hospital's name as imported.
    pub async fn hospital_imported_name(&self, id: &str) -> anyhow::Result<Option<String>> {
        Ok(
            sqlx::query_scalar::<_, String>("SELECT name FROM hospitals WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The files attached to requests, by request.
    pub async fn request_files(&self, request_id: &str) -> anyhow::Result<Vec<RequestFileRow>> {
        Ok(sqlx::query_as::<_, RequestFileRow>(
            "SELECT request_id, signer, media_type, sha256, size FROM request_files \
             WHERE request_id = $1 ORDER BY signer",
        )
        .bind(request_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Stores a new request with its attached files.
    pub async fn insert_request(
        &mut self,
        row: &RequestRow,
        files: &[RequestFileRow],
    ) -> anyhow::Result<()> {
        sqlx::query(&format!(
            "INSERT INTO requests ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, $18, $19)"
        ))
        .bind(&row.id)
        .bind(&row.patient_id)
        .bind(&row.requester_id)
        .bind(&row.hospital_id)
        .bind(&row.kind)
        .bind(&row.form)
        .bind(&row.note)
        .bind(&row.notes)
        .bind(row.filed_at)
        .bind(&row.due)
        .bind(row.fee_cents)
        .bind(&row.status)
        .bind(&row.question)
        .bind(&row.answer)
        .bind(&row.reason)
        .bind(row.updated_at)
        .bind(&row.delivery_sha256)
        .bind(row.delivery_size)
        .bind(&row.delivery_type)
        .execute(&mut *self.0)
        .await?;
        for f in files {
            sqlx::query(
                "INSERT INTO request_files (request_id, signer, media_type, sha256, size) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&f.request_id)
            .bind(&f.signer)
            .bind(&f.media_type)
            .bind(&f.sha256)
            .bind(f.size)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }

    /// Changes a case if it still has the status the change expects; returns whether it did.
    pub async fn update_request(&mut self, id: &str, u: &CaseUpdate<'_>) -> anyhow::Result<bool> {
        let (sha, size, media) = match u.delivery {
            Some((sha, size, media)) => (Some(sha), Some(size), Some(media)),
            None => (None, None, None),
        };
        let done = sqlx::query(
            "UPDATE requests SET status = $1, \
             question = COALESCE($2, question), answer = CASE WHEN $2 IS NULL THEN COALESCE($3, answer) ELSE NULL END, \
             reason = COALESCE($4, reason), handled_by = COALESCE($5, handled_by), \
             delivery_sha256 = COALESCE($6, delivery_sha256), \
             delivery_size = COALESCE($7, delivery_size), \
             delivery_type = COALESCE($8, delivery_type), updated_at = $9 \
             WHERE id = $10 AND status = $11",
        )
        .bind(u.to)
        .bind(u.question)
        .bind(u.answer)
        .bind(u.reason)
        .bind(u.staff_id)
        .bind(sha)
        .bind(size)
        .bind(media)
        .bind(u.now)
        .bind(id)
        .bind(u.from)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

//! Messages: threads, their messages and attachments, and how far each reader has read.

use super::{Store, Tx};

/// A stored thread, with the reader's unread count.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ThreadRow {
    /// The thread.
    pub id: String,
    /// Whose record.
    pub patient_id: String,
    /// The hospital.
    pub hospital_id: String,
    /// `Department`.
    pub department: String,
    /// The subject.
    pub subject: String,
    /// Who started it.
    pub started_by: String,
    /// The doctor an e-consult goes to; none for a department's thread.
    pub doctor_id: Option<String>,
    /// Unix seconds.
    pub last_at: i64,
    /// How many messages.
    pub message_count: i64,
    /// How many messages from the other side the reader has not opened.
    pub unread: i64,
}

/// A stored message.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageRow {
    /// The message.
    pub id: String,
    /// Its thread.
    pub thread_id: String,
    /// Its place in the thread.
    pub seq: i64,
    /// `person` or `staff`.
    pub author_kind: String,
    /// Who.
    pub author_id: String,
    /// Their name then.
    pub author_name: String,
    /// The text.
    pub body: String,
    /// Unix seconds.
    pub sent_at: i64,
}

/// A stored attachment.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentRow {
    /// Its message.
    pub message_id: String,
    /// 1, 2, 3.
    pub idx: i64,
    /// The name to show.
    pub name: String,
    /// By content.
    pub media_type: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Its size.
    pub size: i64,
}

/// The thread columns with the unread count of reader `$1` (messages of the other side, whose
/// author kind is `$2`, after what the reader opened).
const THREAD: &str = "SELECT t.id, t.patient_id, t.hospital_id, t.department, t.subject, \
     t.started_by, t.doctor_id, t.last_at, t.message_count, \
     (SELECT COUNT(*) FROM messages m WHERE m.thread_id = t.id AND m.author_kind = $2 \
      AND m.seq > COALESCE((SELECT r.read_upto FROM message_reads r \
      WHERE r.thread_id = t.id AND r.reader_id = $1), 0)) AS unread \
     FROM message_threads t";

impl Store {
    /// A record's threads, the most recent first, with `reader`'s unread counts (`other`: the
    /// author kind of the other side).
    pub async fn threads_of(
        &self,
        patient_id: &str,
        reader: &str,
        other: &str,
    ) -> anyhow::Result<Vec<ThreadRow>> {
        Ok(sqlx::query_as::<_, ThreadRow>(&format!(
            "{THREAD} WHERE t.patient_id = $3 ORDER BY t.last_at DESC, t.id"
        ))
        .bind(reader)
        .bind(other)
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every department's thread (no e-consult), the most recent first, with the hospital's
    /// unread counts.
    pub async fn all_threads(&self, limit: i64) -> anyhow::Result<Vec<ThreadRow>> {
        Ok(sqlx::query_as::<_, ThreadRow>(&format!(
            "{THREAD} WHERE t.doctor_id IS NULL ORDER BY t.last_at DESC, t.id LIMIT $3"
        ))
        .bind("staff")
        .bind("person")
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The e-consults to a doctor, the most recent first, with the doctor's unread counts.
    pub async fn e_consults_to(&self, doctor: &str) -> anyhow::Result<Vec<ThreadRow>> {
        Ok(sqlx::query_as::<_, ThreadRow>(&format!(
            "{THREAD} WHERE t.doctor_id = $3 ORDER BY t.last_at DESC, t.id"
        ))
        .bind(doctor)
        .bind("person")
        .bind(doctor)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One thread, with `reader`'s unread count.
    pub async fn thread(
        &self,
        id: &str,
        reader: &str,
        other: &str,
    ) -> anyhow::Result<Option<ThreadRow>> {
        Ok(
            sqlx::query_as::<_, ThreadRow>(&format!("{THREAD} WHERE t.id = $3"))
                .bind(reader)
                .bind(other)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// A thread's messages, oldest first.
    pub async fn messages_of(&self, thread_id: &str) -> anyhow::Result<Vec<MessageRow>> {
        Ok(sqlx::query_as::<_, MessageRow>(
            "SELECT id, thread_id, seq, author_kind, author_id, author_name, body, sent_at \
             FROM messages WHERE thread_id = $1 ORDER BY seq",
        )
        .bind(thread_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The attachments of a thread's messages.
    pub async fn attachments_of(&self, thread_id: &str) -> anyhow::Result<Vec<AttachmentRow>> {
        Ok(sqlx::query_as::<_, AttachmentRow>(
            "SELECT a.message_id, a.idx, a.name, a.media_type, a.sha256, a.size \
             FROM message_attachments a JOIN messages m ON m.id = a.message_id \
             WHERE m.thread_id = $1 ORDER BY m.seq, a.idx",
        )
        .bind(thread_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Starts a thread (its first message follows with [`Tx::add_message`]).
    pub async fn insert_thread(&mut self, t: &ThreadRow, now: i64) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO message_threads (id, patient_id, hospital_id, department, subject, \
             started_by, doctor_id, created_at, last_at, message_count) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 0)",
        )
        .bind(&t.id)
        .bind(&t.patient_id)
        .bind(&t.hospital_id)
        .bind(&t.department)
        .bind(&t.subject)
        .bind(&t.started_by)
        .bind(&t.doctor_id)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Adds a message (its `seq` is the thread's next) with its attachments, and marks the
    /// thread read by the author's side up to it.
    pub async fn add_message(
        &mut self,
        m: &MessageRow,
        attachments: &[AttachmentRow],
        reader: &str,
    ) -> anyhow::Result<i64> {
        let seq: i64 = sqlx::query_scalar(
            "UPDATE message_threads SET message_count = message_count + 1, last_at = $1 \
             WHERE id = $2 RETURNING message_count",
        )
        .bind(m.sent_at)
        .bind(&m.thread_id)
        .fetch_one(&mut *self.0)
        .await?;
        sqlx::query(
            "INSERT INTO messages (id, thread_id, seq, author_kind, author_id, author_name, body, \
             sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&m.id)
        .bind(&m.thread_id)
        .bind(seq)
        .bind(&m.author_kind)
        .bind(&m.author_id)
        .bind(&m.author_name)
        .bind(&m.body)
        .bind(m.sent_at)
        .execute(&mut *self.0)
        .await?;
        for a in attachments {
            sqlx::query(
                "INSERT INTO message_attachments (message_id, idx, name, media_type, sha256, size) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&a.message_id)
            .bind(a.idx)
            .bind(&a.name)
            .bind(&a.media_type)
            .bind(&a.sha256)
            .bind(a.size)
            .execute(&mut *self.0)
            .await?;
        }
        self.mark_read(&m.thread_id, reader, seq).await?;
        Ok(seq)
    }

    /// Records that `reader` opened the thread up to message `seq`.
    pub async fn mark_read(
        &mut self,
        thread_id: &str,
        reader: &str,
        seq: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM message_reads WHERE thread_id = $1 AND reader_id = $2")
            .bind(thread_id)
            .bind(reader)
            .execute(&mut *self.0)
            .await?;
        sqlx::query(
            "INSERT INTO message_reads (thread_id, reader_id, read_upto) VALUES ($1, $2, $3)",
        )
        .bind(thread_id)
        .bind(reader)
        .bind(seq)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }
}

//! Notifications: settings, news waiting to be told, and the mail outbox.

use super::{Store, Tx};

/// A person's stored settings.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SettingsRow {
    /// The person.
    pub person_id: String,
    /// 1 when on.
    pub enabled: i64,
    /// Comma-separated topics.
    pub topics: String,
    /// The frequency.
    pub frequency: String,
    /// When the last notice went out.
    pub last_sent_at: Option<i64>,
}

/// Someone with news waiting: their settings, confirmed address and language.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Waiting {
    /// The person.
    pub person_id: String,
    /// 1 when on.
    pub enabled: Option<i64>,
    /// Comma-separated topics.
    pub topics: Option<String>,
    /// The frequency.
    pub frequency: Option<String>,
    /// When the last notice went out.
    pub last_sent_at: Option<i64>,
    /// The account's confirmed address.
    pub email: Option<String>,
    /// The account's language.
    pub language: Option<String>,
}

/// A mail to deliver.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    /// The mail.
    pub id: String,
    /// To whom.
    pub to_address: String,
    /// In which language.
    pub language: String,
    /// The subject's key.
    pub subject_key: String,
    /// The body's key.
    pub body_key: String,
    /// The arguments, JSON.
    pub args: String,
    /// Tries so far.
    pub attempts: i64,
    /// When the next try is due.
    pub next_attempt_at: i64,
}

impl Store {
    /// The addresses besides the account's own that a person's notices go to, with when each
    /// was confirmed, in the order they were added.
    pub async fn notice_addresses(
        &self,
        person: &str,
    ) -> anyhow::Result<Vec<(String, Option<i64>)>> {
        Ok(sqlx::query_as(
            "SELECT address, confirmed_at FROM notice_addresses WHERE person_id = $1 \
             ORDER BY created_at, address",
        )
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Adds an address, unconfirmed; false when the person has it already.
    pub async fn add_notice_address(
        &self,
        person: &str,
        address: &str,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "INSERT INTO notice_addresses (person_id, address, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (person_id, address) DO NOTHING",
        )
        .bind(person)
        .bind(address)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Confirms an address the person still has; false when they removed it meanwhile.
    pub async fn confirm_notice_address(
        &self,
        person: &str,
        address: &str,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE notice_addresses SET confirmed_at = COALESCE(confirmed_at, $1) \
             WHERE person_id = $2 AND address = $3",
        )
        .bind(now)
        .bind(person)
        .bind(address)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Removes an address; false when the person had no such address.
    pub async fn remove_notice_address(&self, person: &str, address: &str) -> anyhow::Result<bool> {
        let done =
            sqlx::query("DELETE FROM notice_addresses WHERE person_id = $1 AND address = $2")
                .bind(person)
                .bind(address)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A person's settings, if they set any.
    pub async fn notification_settings(&self, person: &str) -> anyhow::Result<Option<SettingsRow>> {
        Ok(sqlx::query_as::<_, SettingsRow>(
            "SELECT person_id, enabled, topics, frequency, last_sent_at \
             FROM notification_settings WHERE person_id = $1",
        )
        .bind(person)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Stores a person's settings.
    pub async fn set_notification_settings(&self, row: &SettingsRow) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM notification_settings WHERE person_id = $1")
            .bind(&row.person_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO notification_settings (person_id, enabled, topics, frequency, last_sent_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&row.person_id)
        .bind(row.enabled)
        .bind(&row.topics)
        .bind(&row.frequency)
        .bind(row.last_sent_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The people with news not yet told, with what a notice to them needs.
    pub async fn waiting_people(&self) -> anyhow::Result<Vec<Waiting>> {
        Ok(sqlx::query_as::<_, Waiting>(
            "SELECT p.person_id, s.enabled, s.topics, s.frequency, s.last_sent_at, \
             CASE WHEN a.email_confirmed_at IS NULL THEN NULL ELSE a.email END AS email, a.language \
             FROM (SELECT DISTINCT person_id FROM notification_events WHERE told_at IS NULL) p \
             LEFT JOIN notification_settings s ON s.person_id = p.person_id \
             LEFT JOIN accounts a ON a.patient_id = p.person_id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The patients born on or after `day` (`YYYY-MM-DD`): the minors, whose birthdays change
    /// who may see their records; with their birth dates.
    pub async fn born_since(&self, day: &str) -> anyhow::Result<Vec<(String, String)>> {
        Ok(sqlx::query_as::<_, (String, String)>(
            "SELECT id, birth_date FROM patients WHERE birth_date IS NOT NULL AND birth_date >= $1 \
             AND deceased_at IS NULL ORDER BY id",
        )
        .bind(day)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A person's account's confirmed address and language, if they have an account.
    pub async fn notice_contact(
        &self,
        person: &str,
    ) -> anyhow::Result<Option<(Option<String>, Option<String>)>> {
        Ok(sqlx::query_as::<_, (Option<String>, Option<String>)>(
            "SELECT CASE WHEN email_confirmed_at IS NULL THEN NULL ELSE email END, language \
             FROM accounts WHERE patient_id = $1",
        )
        .bind(person)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The untold news of a person: (event id, topic, what it is about).
    pub async fn untold(
        &self,
        person: &str,
    ) -> anyhow::Result<Vec<(String, String, Option<String>)>> {
        Ok(sqlx::query_as::<_, (String, String, Option<String>)>(
            "SELECT id, topic, ref_id FROM notification_events WHERE person_id = $1 AND told_at IS NULL \
             ORDER BY created_at, id",
        )
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Mails due for a try at `now`, oldest first.
    pub async fn due_mails(&self, now: i64, limit: i64) -> anyhow::Result<Vec<OutboxRow>> {
        Ok(sqlx::query_as::<_, OutboxRow>(
            "SELECT id, to_address, language, subject_key, body_key, args, attempts, next_attempt_at \
             FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
             ORDER BY next_attempt_at, id LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Claims a mail for a try until `until` (another instance then leaves it alone); returns
    /// whether this caller got it.
    pub async fn claim_mail(&self, row: &OutboxRow, until: i64) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE mail_outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 \
             AND sent_at IS NULL",
        )
        .bind(until)
        .bind(&row.id)
        .bind(row.next_attempt_at)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a try: sent, retried at `next`, or given up (`next` none).
    pub async fn mail_tried(
        &self,
        id: &str,
        now: i64,
        sent: bool,
        next: Option<i64>,
        error: Option<&str>,
    ) -> anyhow::Result<()> {
        let query = match (sent, next) {
            (true, _) => sqlx::query(
                "UPDATE mail_outbox SET attempts = attempts + 1, sent_at = $1, last_error = $2 \
                 WHERE id = $3",
            )
            .bind(now),
            (false, Some(next)) => sqlx::query(
                "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1, \
                 last_error = $2 WHERE id = $3",
            )
            .bind(next),
            (false, None) => sqlx::query(
                "UPDATE mail_outbox SET attempts = attempts + 1, failed_at = $1, last_error = $2 \
                 WHERE id = $3",
            )
            .bind(now),
        };
        query.bind(error).bind(id).execute(&self.pool).await?;
        Ok(())
    }
}

impl Tx {
    /// Notes that `person` is told of `record`'s birthday `day`; false when they were already.
    pub async fn note_age_change_notice(
        &mut self,
        person: &str,
        record: &str,
        day: &str,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "INSERT INTO age_change_notices (person_id, record_id, birthday, queued_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, record_id, birthday) DO NOTHING",
        )
        .bind(person)
        .bind(record)
        .bind(day)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Notes news for a person, told later by the worker (`topic`: a `notify::Topic`).
    pub async fn add_news(&mut self, person: &str, topic: &str, now: i64) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO notification_events (id, person_id, topic, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(person)
        .bind(topic)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Marks news as told (or not wanted), notes the notice's time when one went out, and queues
    /// its mails (one per address).
    pub async fn tell(
        &mut self,
        person: &str,
        events: &[String],
        now: i64,
        mails: &[OutboxRow],
    ) -> anyhow::Result<()> {
        for id in events {
            sqlx::query("UPDATE notification_events SET told_at = $1 WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(&mut *self.0)
                .await?;
        }
        if !mails.is_empty() {
            sqlx::query("UPDATE notification_settings SET last_sent_at = $1 WHERE person_id = $2")
                .bind(now)
                .bind(person)
                .execute(&mut *self.0)
                .await?;
        }
        self.queue_mails(mails, now).await
    }

    /// Queues mails in the outbox, due at once.
    pub async fn queue_mails(&mut self, mails: &[OutboxRow], now: i64) -> anyhow::Result<()> {
        for m in mails {
            sqlx::query(
                "INSERT INTO mail_outbox (id, to_address, language, subject_key, body_key, args, \
                 created_at, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $7)",
            )
            .bind(&m.id)
            .bind(&m.to_address)
            .bind(&m.language)
            .bind(&m.subject_key)
            .bind(&m.body_key)
            .bind(&m.args)
            .bind(now)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }
}

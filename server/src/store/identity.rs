//! Identity in the store: sessions a person can list and end, the account's own settings,
//! single-use e-mail links, code cards (pending, active, blocked; single-use codes) and card
//! requests, and the helpdesk's view of failures.

use super::{Store, Subject};

/// A session to store.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// SHA-256 of the token.
    pub token_hash: &'a str,
    /// The account.
    pub account_id: &'a str,
    /// `code_card`, `password_reset` or an identity provider's id.
    pub method: &'a str,
    /// The client's address.
    pub client_addr: Option<&'a str>,
    /// The browser's `User-Agent`, cut to 200 characters.
    pub user_agent: Option<&'a str>,
    /// Unix seconds.
    pub now: i64,
    /// Idle expiry, Unix seconds.
    pub expires_at: i64,
}

/// A stored session, without its token.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionRow {
    /// Public id.
    pub id: String,
    /// How the person logged in.
    pub method: String,
    /// Client address.
    pub client_addr: Option<String>,
    /// Browser.
    pub user_agent: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub last_seen_at: i64,
}

/// An account's own settings.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccountProfile {
    /// The account.
    pub id: String,
    /// The patient, for a patient's account.
    pub patient_id: Option<String>,
    /// The practitioner, for a practitioner's account.
    pub practitioner_id: Option<String>,
    /// The staff member, for a staff account.
    pub staff_id: Option<String>,
    /// The chosen username.
    pub username: Option<String>,
    /// The PHC string of the password hash (`!` before a first password is chosen).
    pub password_hash: String,
    /// The e-mail address.
    pub email: Option<String>,
    /// When the address was confirmed.
    pub email_confirmed_at: Option<i64>,
    /// The language chosen.
    pub language: Option<String>,
    /// The version of the terms of use accepted.
    pub terms_version: Option<String>,
    /// Why the hospital suspended the account, if it did.
    pub suspended_reason: Option<String>,
}

inzage_domain::redacted_debug!(AccountProfile { id });

impl AccountProfile {
    /// Whom the account belongs to.
    pub fn subject(&self) -> anyhow::Result<Subject> {
        Subject::of(
            self.patient_id.clone(),
            self.practitioner_id.clone(),
            self.staff_id.clone(),
        )
    }
}

/// A code's hash on one of the account's usable cards.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CardCode {
    /// The card.
    pub card_id: String,
    /// The hash of the code at the asked position.
    pub code_hash: String,
    /// When the card became the active one (none: printed, on its way, not used yet).
    pub activated_at: Option<i64>,
    /// When this code was used (single-use cards).
    pub used_at: Option<i64>,
}

/// A code card request.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CardRequestRow {
    /// The request.
    pub id: String,
    /// `online`, `account` or `desk`.
    pub channel: String,
    /// The national number given.
    pub national_number: Option<String>,
    /// The address given.
    pub email: Option<String>,
    /// The patient found.
    pub patient_id: Option<String>,
    /// `unconfirmed`, `unknown`, `to_post`, `posted`, `printed`.
    pub status: String,
    /// The card printed for it.
    pub card_id: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub confirmed_at: Option<i64>,
}

/// A valid, unused e-mail link.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmailTokenRow {
    /// The account or request it is for.
    pub subject_id: String,
    /// The address it was sent to.
    pub email: Option<String>,
}

/// The failure counters of a key, for the helpdesk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FailureState {
    /// In the current series.
    pub consecutive: i64,
    /// Locked until, Unix seconds.
    pub locked_until: Option<i64>,
    /// Since the last success.
    pub total: i64,
}

const PROFILE_COLUMNS: &str =
    "id, patient_id, practitioner_id, staff_id, username, password_hash, \
     email, email_confirmed_at, language, terms_version, suspended_reason";

impl Store {
    /// Stores a new session by the hash of its token; returns its public id.
    pub async fn insert_session(&self, s: &NewSession<'_>) -> anyhow::Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let agent = s
            .user_agent
            .map(|a| a.chars().take(200).collect::<String>());
        sqlx::query(
            "INSERT INTO sessions (id, token_hash, account_id, method, client_addr, user_agent, \
             created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)",
        )
        .bind(&id)
        .bind(s.token_hash)
        .bind(s.account_id)
        .bind(s.method)
        .bind(s.client_addr)
        .bind(agent)
        .bind(s.now)
        .bind(s.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// The account's live sessions, most recently used first.
    pub async fn sessions_of(&self, account_id: &str, now: i64) -> anyhow::Result<Vec<SessionRow>> {
        Ok(sqlx::query_as::<_, SessionRow>(
            "SELECT id, method, client_addr, user_agent, created_at, last_seen_at FROM sessions \
             WHERE account_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC, id",
        )
        .bind(account_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Ends one of the account's sessions by its public id; false when it is not theirs.
    pub async fn end_session(&self, account_id: &str, session_id: &str) -> anyhow::Result<bool> {
        let done = sqlx::query("DELETE FROM sessions WHERE id = $1 AND account_id = $2")
            .bind(session_id)
            .bind(account_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Ends every session of an account, except the one with this public id if given.
    pub async fn end_sessions(
        &self,
        account_id: &str,
        except: Option<&str>,
    ) -> anyhow::Result<u64> {
        let done =
            sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND ($2 IS NULL OR id <> $2)")
                .bind(account_id)
                .bind(except)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected())
    }

    /// An account's settings.
    pub async fn account_profile(
        &self,
        account_id: &str,
    ) -> anyhow::Result<Option<AccountProfile>> {
        Ok(sqlx::query_as::<_, AccountProfile>(&format!(
            "SELECT {PROFILE_COLUMNS} FROM accounts WHERE id = $1"
        ))
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The account of a patient, if they have one.
    pub async fn account_of_patient(
        &self,
        patient_id: &str,
    ) -> anyhow::Result<Option<AccountProfile>> {
        Ok(sqlx::query_as::<_, AccountProfile>(&format!(
            "SELECT {PROFILE_COLUMNS} FROM accounts WHERE patient_id = $1"
        ))
        .bind(patient_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Replaces the password hash.
    pub async fn set_password(&self, account_id: &str, hash: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(account_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Sets the username; false when another account has it.
    pub async fn set_username(&self, account_id: &str, username: &str) -> anyhow::Result<bool> {
        let taken: Option<(String,)> =
            sqlx::query_as("SELECT id FROM accounts WHERE username = $1 AND id <> $2")
                .bind(username)
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await?;
        if taken.is_some() {
            return Ok(false);
        }
        // The unique index decides a race between two accounts taking the same name at once.
        match sqlx::query("UPDATE accounts SET username = $1 WHERE id = $2")
            .bind(username)
            .bind(account_id)
            .execute(&self.pool)
            .await
        {
            Ok(_) => Ok(true),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Sets the e-mail address, confirmed at `confirmed_at` or not yet.
    pub async fn set_email(
        &self,
        account_id: &str,
        email: &str,
        confirmed_at: Option<i64>,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE accounts SET email = $1, email_confirmed_at = $2 WHERE id = $3")
            .bind(email)
            .bind(confirmed_at)
            .bind(account_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Stores a single-use e-mail link by its token's hash.
    pub async fn insert_email_token(
        &self,
        token_hash: &str,
        purpose: &str,
        subject_id: &str,
        email: Option<&str>,
        now: i64,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO email_tokens (token_hash, purpose, subject_id, email, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(purpose)
        .bind(subject_id)
        .bind(email)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A link that is valid now for this purpose: known, unused and not expired.
    pub async fn email_token(
        &self,
        token_hash: &str,
        purpose: &str,
        now: i64,
    ) -> anyhow::Result<Option<EmailTokenRow>> {
        Ok(sqlx::query_as::<_, EmailTokenRow>(
            "SELECT subject_id, email FROM email_tokens WHERE token_hash = $1 AND purpose = $2 \
             AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Uses a link: true for exactly one caller, however many use it at once.
    pub async fn use_email_token(&self, token_hash: &str, now: i64) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
             AND expires_at > $1",
        )
        .bind(now)
        .bind(token_hash)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Invalidates every unused link of a subject for a purpose (a new reset link replaces the
    /// older ones; a new password ends them all).
    pub async fn revoke_email_tokens(
        &self,
        subject_id: &str,
        purpose: &str,
        now: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE subject_id = $2 AND purpose = $3 \
             AND used_at IS NULL",
        )
        .bind(now)
        .bind(subject_id)
        .bind(purpose)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The code at a position on each of the account's usable cards: the active one and a
    /// pending one (printed, not used yet), the active first.
    pub async fn card_codes(
        &self,
        account_id: &str,
        position: u8,
    ) -> anyhow::Result<Vec<CardCode>> {
        Ok(sqlx::query_as::<_, CardCode>(
            "SELECT k.id AS card_id, c.code_hash, k.activated_at, c.used_at \
             FROM code_card_codes c JOIN code_cards k ON k.id = c.card_id \
             WHERE k.account_id = $1 AND k.blocked_at IS NULL AND c.position = $2 \
             ORDER BY k.activated_at IS NULL, k.issued_at DESC",
        )
        .bind(account_id)
        .bind(i64::from(position))
        .fetch_all(&self.pool)
        .await?)
    }

    /// The positions already used on the account's active card, and whether a card is active
    /// and whether one is on its way.
    pub async fn card_state(&self, account_id: &str) -> anyhow::Result<CardState> {
        let cards: Vec<(String, Option<i64>)> = sqlx::query_as(
            "SELECT id, activated_at FROM code_cards WHERE account_id = $1 AND blocked_at IS NULL",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        let active = cards.iter().find(|c| c.1.is_some()).map(|c| c.0.clone());
        let used: Vec<(i64,)> = match &active {
            Some(card) => sqlx::query_as(
                "SELECT position FROM code_card_codes WHERE card_id = $1 AND used_at IS NOT NULL",
            )
            .bind(card)
            .fetch_all(&self.pool)
            .await?,
            None => Vec::new(),
        };
        Ok(CardState {
            has_active: active.is_some(),
            pending: cards.iter().any(|c| c.1.is_none()),
            used: used
                .into_iter()
                .filter_map(|(p,)| u8::try_from(p).ok())
                .collect(),
        })
    }

    /// Issues a printed card that becomes active at its first use (a pending card printed before
    /// and never used is blocked: only the newest letter counts).
    pub async fn issue_pending_card(
        &self,
        account_id: &str,
        code_hashes: &[(u8, String)],
        now: i64,
    ) -> anyhow::Result<String> {
        self.insert_card(account_id, code_hashes, now, false).await
    }

    /// A pending card was used: it becomes the active one and every other card is blocked.
    pub async fn activate_card(
        &self,
        account_id: &str,
        card_id: &str,
        now: i64,
    ) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE code_cards SET blocked_at = $1 WHERE account_id = $2 AND id <> $3 \
             AND blocked_at IS NULL",
        )
        .bind(now)
        .bind(account_id)
        .bind(card_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE code_cards SET activated_at = $1 WHERE id = $2 AND activated_at IS NULL",
        )
        .bind(now)
        .bind(card_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Marks a code of a single-use card as used; false when it already was (a concurrent login
    /// with the same code loses).
    pub async fn use_code(&self, card_id: &str, position: u8, now: i64) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE code_card_codes SET used_at = $1 WHERE card_id = $2 AND position = $3 \
             AND used_at IS NULL",
        )
        .bind(now)
        .bind(card_id)
        .bind(i64::from(position))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Blocks every card of an account and ends all its sessions, in one transaction: from the
    /// next request on, nothing the old card opened works.
    pub async fn block_cards(&self, account_id: &str, now: i64) -> anyhow::Result<u64> {
        let mut tx = self.pool.begin().await?;
        let blocked = sqlx::query(
            "UPDATE code_cards SET blocked_at = $1 WHERE account_id = $2 AND blocked_at IS NULL",
        )
        .bind(now)
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(blocked)
    }

    /// Files a code card request.
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_card_request(
        &self,
        channel: &str,
        national_number: Option<&str>,
        email: Option<&str>,
        patient_id: Option<&str>,
        status: &str,
        card_id: Option<&str>,
        now: i64,
        handled_by: Option<&str>,
    ) -> anyhow::Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let confirmed = (status != "unconfirmed").then_some(now);
        sqlx::query(
            "INSERT INTO code_card_requests (id, channel, national_number, email, patient_id, \
             status, card_id, created_at, confirmed_at, handled_by, handled_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&id)
        .bind(channel)
        .bind(national_number)
        .bind(email)
        .bind(patient_id)
        .bind(status)
        .bind(card_id)
        .bind(now)
        .bind(confirmed)
        .bind(handled_by)
        .bind(handled_by.map(|_| now))
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// A card request by id.
    pub async fn card_request(&self, id: &str) -> anyhow::Result<Option<CardRequestRow>> {
        Ok(sqlx::query_as::<_, CardRequestRow>(
            "SELECT id, channel, national_number, email, patient_id, status, card_id, created_at, \
             confirmed_at FROM code_card_requests WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Moves a request on from `from` to `to`; false when it was no longer in `from`.
    #[allow(clippy::too_many_arguments)]
    pub async fn advance_card_request(
        &self,
        id: &str,
        from: &str,
        to: &str,
        patient_id: Option<&str>,
        card_id: Option<&str>,
        handled_by: Option<&str>,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE code_card_requests SET status = $1, \
             patient_id = COALESCE($2, patient_id), card_id = COALESCE($3, card_id), \
             confirmed_at = COALESCE(confirmed_at, $4), \
             handled_by = COALESCE($5, handled_by), \
             handled_at = CASE WHEN $5 IS NULL THEN handled_at ELSE $4 END \
             WHERE id = $6 AND status = $7",
        )
        .bind(to)
        .bind(patient_id)
        .bind(card_id)
        .bind(now)
        .bind(handled_by)
        .bind(id)
        .bind(from)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Requests whose card waits to be posted, oldest first.
    pub async fn cards_to_post(&self) -> anyhow::Result<Vec<CardRequestRow>> {
        Ok(sqlx::query_as::<_, CardRequestRow>(
            "SELECT id, channel, national_number, email, patient_id, status, card_id, created_at, \
             confirmed_at FROM code_card_requests WHERE status = 'to_post' \
             ORDER BY confirmed_at, id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The version of the terms of use an account's person accepted.
    pub async fn terms_version_of(&self, owner: &Subject) -> anyhow::Result<Option<String>> {
        let sql = format!(
            "SELECT terms_version FROM accounts WHERE {} = $1",
            owner.column()
        );
        let row: Option<(Option<String>,)> = sqlx::query_as(&sql)
            .bind(owner.id())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| r.0))
    }

    /// Records that the person accepted this version of the terms of use.
    pub async fn accept_terms(
        &self,
        account_id: &str,
        version: &str,
        now: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("UPDATE accounts SET terms_version = $1, terms_accepted_at = $2 WHERE id = $3")
            .bind(version)
            .bind(now)
            .bind(account_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Suspends an account with a reason and ends its sessions, in one transaction.
    pub async fn suspend(
        &self,
        account_id: &str,
        reason: &str,
        staff_id: &str,
        now: i64,
    ) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE accounts SET suspended_at = $1, suspended_reason = $2, suspended_by = $3 \
             WHERE id = $4",
        )
        .bind(now)
        .bind(reason)
        .bind(staff_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Lifts a suspension.
    pub async fn resume(&self, account_id: &str) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE accounts SET suspended_at = NULL, suspended_reason = NULL, suspended_by = NULL \
             WHERE id = $1",
        )
        .bind(account_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Counts a hit for a rate limit's key in a fixed window of `window` seconds: returns the
    /// hits in the current window (this one included) and when the window began.
    pub async fn hit(&self, key: &str, window: i64, now: i64) -> anyhow::Result<(i64, i64)> {
        let row: (i64, i64) = sqlx::query_as(
            "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
               hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 \
                 ELSE rate_limits.hits + 1 END, \
               window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 \
                 ELSE rate_limits.window_start END \
             RETURNING hits, window_start",
        )
        .bind(key)
        .bind(now)
        .bind(now - window)
        .fetch_one(&self.pool)
        .await?;
        Ok(row)
    }

    /// The failure counters of a key.
    pub async fn failure_state(&self, key: &str) -> anyhow::Result<FailureState> {
        let row: Option<(i64, Option<i64>, i64)> = sqlx::query_as(
            "SELECT consecutive, locked_until, total FROM login_failures WHERE name_key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map_or_else(
            FailureState::default,
            |(consecutive, locked_until, total)| FailureState {
                consecutive,
                locked_until,
                total,
            },
        ))
    }
}

/// The code cards of an account as the login and the account page see them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardState {
    /// Whether a card is active.
    pub has_active: bool,
    /// Whether a printed card waits for its first use.
    pub pending: bool,
    /// The used positions of the active card (single use).
    pub used: Vec<u8>,
}

//! Passkeys in the store: an account's passkeys, and the server's half of a WebAuthn ceremony
//! between its two steps.

use super::Store;

/// A stored passkey.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PasskeyRow {
    /// The portal's id of the passkey.
    pub id: String,
    /// The account it logs in to.
    pub account_id: String,
    /// The WebAuthn credential id, base64url.
    pub credential_id: String,
    /// The account's WebAuthn user id (a UUID).
    pub user_handle: String,
    /// The name the person gave it.
    pub name: String,
    /// webauthn-rs's `Passkey` as JSON.
    pub passkey: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub last_used_at: Option<i64>,
}

inzage_domain::redacted_debug!(PasskeyRow {
    id,
    account_id,
    name
});

const COLUMNS: &str =
    "id, account_id, credential_id, user_handle, name, passkey, created_at, last_used_at";

impl Store {
    /// An account's passkeys, oldest first.
    pub async fn passkeys_of(&self, account_id: &str) -> anyhow::Result<Vec<PasskeyRow>> {
        Ok(sqlx::query_as::<_, PasskeyRow>(&format!(
            "SELECT {COLUMNS} FROM passkeys WHERE account_id = $1 ORDER BY created_at, id"
        ))
        .bind(account_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Stores a new passkey.
    pub async fn insert_passkey(&self, row: &PasskeyRow) -> anyhow::Result<()> {
        sqlx::query(&format!(
            "INSERT INTO passkeys ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        ))
        .bind(&row.id)
        .bind(&row.account_id)
        .bind(&row.credential_id)
        .bind(&row.user_handle)
        .bind(&row.name)
        .bind(&row.passkey)
        .bind(row.created_at)
        .bind(row.last_used_at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// After a login with a passkey: its new state (the signature counter) and when.
    pub async fn passkey_used(&self, id: &str, passkey: &str, now: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE passkeys SET passkey = $2, last_used_at = $3 WHERE id = $1")
            .bind(id)
            .bind(passkey)
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Removes one of the account's passkeys; false when the account has no passkey by that id.
    pub async fn delete_passkey(&self, account_id: &str, id: &str) -> anyhow::Result<bool> {
        let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND account_id = $2")
            .bind(id)
            .bind(account_id)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Keeps a ceremony's state until its second step.
    pub async fn insert_ceremony(
        &self,
        id: &str,
        kind: &str,
        owner: &str,
        state: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO passkey_ceremonies (id, kind, owner, state, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(kind)
        .bind(owner)
        .bind(state)
        .bind(expires_at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Takes a ceremony's state: deleted in the same statement, so it serves once; none when
    /// there is no such ceremony of this kind and owner, or it expired.
    pub async fn take_ceremony(
        &self,
        id: &str,
        kind: &str,
        owner: &str,
        now: i64,
    ) -> anyhow::Result<Option<String>> {
        let row: Option<(String, String, String, i64)> = sqlx::query_as(
            "DELETE FROM passkey_ceremonies WHERE id = $1 \
             RETURNING kind, owner, state, expires_at",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row
            .filter(|(k, o, _, expires)| k == kind && o == owner && *expires >= now)
            .map(|(_, _, state, _)| state))
    }

    /// Deletes the ceremonies that expired before `now`.
    pub async fn purge_ceremonies(&self, now: i64) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at < $1")
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

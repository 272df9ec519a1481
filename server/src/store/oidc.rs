//! Logins through an identity provider: the flows in progress and the patient a national number
//! belongs to.

use inzage_domain::wire::NationalNumber;

use super::Store;

/// A started OpenID Connect login, as stored.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OidcFlowRow {
    /// The `state` parameter sent to the provider.
    pub state: String,
    /// The provider's id in the identity file.
    pub provider: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// The PKCE code verifier.
    pub pkce_verifier: String,
    /// SHA-256 of the flow cookie's value in the browser that started the flow.
    pub browser_hash: String,
    /// When the flow started (Unix seconds).
    pub created_at: i64,
    /// When it can no longer be finished (Unix seconds).
    pub expires_at: i64,
}

inzage_domain::redacted_debug!(OidcFlowRow {
    provider,
    created_at,
    expires_at
});

impl Store {
    /// Stores a started flow.
    pub async fn insert_oidc_flow(&self, flow: &OidcFlowRow) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO oidc_flows (state, provider, nonce, pkce_verifier, browser_hash, \
             created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)",
        )
        .bind(&flow.state)
        .bind(&flow.provider)
        .bind(&flow.nonce)
        .bind(&flow.pkce_verifier)
        .bind(&flow.browser_hash)
        .bind(flow.created_at)
        .bind(flow.expires_at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Marks the flow of this state, provider and browser used and returns it; none when there
    /// is no such flow or it was used already. One statement, so two callbacks with the same
    /// state cannot both get it. Expiry is the caller's to check.
    pub async fn take_oidc_flow(
        &self,
        state: &str,
        provider: &str,
        browser_hash: &str,
        now: i64,
    ) -> anyhow::Result<Option<OidcFlowRow>> {
        let row = sqlx::query_as::<_, OidcFlowRow>(
            "UPDATE oidc_flows SET used_at = $4 \
             WHERE state = $1 AND provider = $2 AND browser_hash = $3 AND used_at IS NULL \
             RETURNING state, provider, nonce, pkce_verifier, browser_hash, created_at, expires_at",
        )
        .bind(state)
        .bind(provider)
        .bind(browser_hash)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        Ok(row)
    }

    /// Deletes the flows that expired before `now`, used or not.
    pub async fn purge_oidc_flows(&self, now: i64) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM oidc_flows WHERE expires_at < $1")
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The account of the patient with this national number (INSZ or BSN), if the patient has
    /// one.
    pub async fn patient_account_by_number(
        &self,
        number: &NationalNumber,
    ) -> anyhow::Result<Option<(String, String)>> {
        let column = match number {
            NationalNumber::Be(_) => "insz",
            NationalNumber::Nl(_) => "bsn",
        };
        let sql = format!(
            "SELECT a.id, a.patient_id FROM accounts a JOIN patients p ON p.id = a.patient_id \
             WHERE p.{column} = $1"
        );
        let row: Option<(String, String)> = sqlx::query_as(&sql)
            .bind(number.as_str())
            .fetch_optional(self.pool())
            .await?;
        Ok(row)
    }
}

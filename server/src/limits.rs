//! Rate limits for the steps that cost work or send mail before anyone is known: how many hits
//! one client address, account or e-mail address may make in a window. The counters live in the
//! database, so every server instance counts together.
//!
//! A limit on an address answers 429 with `Retry-After`. A limit on an account or an e-mail
//! address that an anonymous request names is kept silently (no mail is sent, the answer is the
//! usual one), so it never tells whether the account exists.

use time::OffsetDateTime;

use crate::error::ApiError;
use crate::store::Store;

/// A limit: at most `hits` in `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// What is limited, the first part of the counter's key.
    pub name: &'static str,
    /// Hits allowed per window.
    pub hits: i64,
    /// The window.
    pub window: time::Duration,
}

/// Login challenges (the username step) from one address: 120 per 15 minutes.
pub const CHALLENGES_PER_ADDRESS: Limit = Limit {
    name: "challenge",
    hits: 120,
    window: time::Duration::minutes(15),
};
/// Password reset requests from one address: 10 per hour.
pub const RESETS_PER_ADDRESS: Limit = Limit {
    name: "reset",
    hits: 10,
    window: time::Duration::hours(1),
};
/// Reset mails to one account: 3 per hour (silent).
pub const RESET_MAILS_PER_ACCOUNT: Limit = Limit {
    name: "reset-mail",
    hits: 3,
    window: time::Duration::hours(1),
};
/// Code card requests from one address: 10 per hour.
pub const CARD_REQUESTS_PER_ADDRESS: Limit = Limit {
    name: "card-request",
    hits: 10,
    window: time::Duration::hours(1),
};
/// Confirmation mails to one e-mail address for card requests: 3 per hour (silent).
pub const CARD_MAILS_PER_ADDRESS: Limit = Limit {
    name: "card-mail",
    hits: 3,
    window: time::Duration::hours(1),
};
/// E-mail changes by one account: 5 per hour.
pub const EMAIL_CHANGES_PER_ACCOUNT: Limit = Limit {
    name: "email-change",
    hits: 5,
    window: time::Duration::hours(1),
};
/// OpenID Connect logins started from one address: 60 per 15 minutes.
pub const OIDC_STARTS_PER_ADDRESS: Limit = Limit {
    name: "oidc-start",
    hits: 60,
    window: time::Duration::minutes(15),
};

/// Share links opened from one address: 60 per 15 minutes (a link's secret cannot be guessed;
/// this bounds the work an address can cause).
pub const SHARE_OPENINGS_PER_ADDRESS: Limit = Limit {
    name: "share-open",
    hits: 60,
    window: time::Duration::minutes(15),
};

/// Questions to the helpdesk from one address: 10 per hour (the form is open without an
/// account; this bounds what one sender can store).
pub const HELP_QUESTIONS_PER_ADDRESS: Limit = Limit {
    name: "help",
    hits: 10,
    window: time::Duration::hours(1),
};

/// Counts a hit for `subject` under `limit`; false when it is over the limit.
pub async fn allow(
    store: &Store,
    limit: Limit,
    subject: &str,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    let (hits, _) = store
        .hit(
            &format!("{}:{subject}", limit.name),
            limit.window.whole_seconds(),
            now.unix_timestamp(),
        )
        .await?;
    Ok(hits <= limit.hits)
}

/// Counts a hit for a client address (none: a client without one, as in-process tests, is not
/// limited); refuses with 429 when over the limit.
pub async fn check_address(
    store: &Store,
    limit: Limit,
    addr: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let Some(addr) = addr else { return Ok(()) };
    check(store, limit, addr, now).await
}

/// Counts a hit for a subject the person is known by (an account); refuses with 429 when over.
pub async fn check(
    store: &Store,
    limit: Limit,
    subject: &str,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let key = format!("{}:{subject}", limit.name);
    let (hits, window_start) = store
        .hit(&key, limit.window.whole_seconds(), now.unix_timestamp())
        .await?;
    if hits > limit.hits {
        let retry_after =
            (window_start + limit.window.whole_seconds() - now.unix_timestamp()).max(1);
        return Err(ApiError::TooManyRequests { retry_after });
    }
    Ok(())
}

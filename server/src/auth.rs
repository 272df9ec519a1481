//! Logging in with username, password and code card; sessions.
//!
//! Passwords and card codes are stored as Argon2id hashes (NIST SP 800-63B: look-up secrets of
//! fewer than 112 bits are salted and hashed with a password hashing scheme). Hash comparison is
//! constant-time inside `argon2`. A login always runs the same verifications (one password, two
//! codes: the active card and a card on its way), also for an unknown username (against dummy
//! hashes), so neither the answer nor its timing tells which input was wrong or whether the
//! account exists.
//!
//! Limits: five failures in a row lock an account for 15 minutes (across its three login names,
//! every session and every address); 30 from one client address lock that address; 100 since the
//! last success disable the account's login until the helpdesk unlocks it.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use inzage_domain::account::CodeCardMode;
use inzage_domain::login::{CODE_CARD_SIZE, CODE_DIGITS};
use inzage_domain::passkey::{PublicKeyCredential, RequestChallengeResponse};
use inzage_domain::wire::ValidLogin;
use inzage_domain::{CodeCardAnswer, CodeCardPosition, LoginName, Password};
use rand::Rng;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::config::HashCost;
use crate::passkeys::Passkeys;
use crate::store::{AccountAuth, NewSession, Store, Subject};

/// Consecutive failures after which a login name is locked.
pub const LOCK_THRESHOLD: i64 = 5;
/// How long a lock lasts.
pub const LOCK_DURATION: time::Duration = time::Duration::minutes(15);
/// How long a code card challenge stays valid.
pub const CHALLENGE_TTL: time::Duration = time::Duration::minutes(5);
/// A session ends after this long without a request.
pub const SESSION_IDLE: time::Duration = time::Duration::minutes(30);
/// A session ends this long after login, however active.
pub const SESSION_MAX: time::Duration = time::Duration::hours(12);

/// The Argon2id cost for card codes: lighter than for passwords because a card holds 24 of them,
/// still a memory-hard hash.
pub const CODE_COST: HashCost = HashCost {
    memory_kib: 8 * 1024,
    iterations: 1,
};

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "inzage_session";

fn argon2(cost: HashCost) -> anyhow::Result<Argon2<'static>> {
    let params = Params::new(cost.memory_kib, cost.iterations, 1, None)
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a secret into a PHC string with a fresh salt.
pub fn hash_secret(secret: &str, cost: HashCost) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let hash = argon2(cost)?
        .hash_password(secret.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing: {e}"))?;
    Ok(hash.to_string())
}

/// Verifies a secret against a PHC string; the parameters come from the string itself.
pub fn verify_secret(secret: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(secret.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A freshly printed code card: the 24 codes in clear, shown once, and their hashes to store.
#[derive(Clone)]
pub struct PrintedCard {
    /// The codes by position (index 0 is position 1).
    pub codes: Vec<CodeCardAnswer>,
}

impl std::fmt::Debug for PrintedCard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrintedCard(<redacted>)")
    }
}

impl PrintedCard {
    /// Draws 24 random codes from a cryptographic random source.
    pub fn random() -> anyhow::Result<Self> {
        Self::from_rng(&mut rand::rngs::OsRng)
    }

    /// Draws 24 codes from a given random source (deterministic demo cards).
    pub fn from_rng(rng: &mut impl Rng) -> anyhow::Result<Self> {
        let limit = 10u64.pow(CODE_DIGITS as u32);
        let codes = (0..CODE_CARD_SIZE)
            .map(|_| {
                let n = rng.gen_range(0..limit);
                CodeCardAnswer::parse(&format!("{n:0width$}", width = CODE_DIGITS))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| anyhow::anyhow!("generated code: {e}"))?;
        Ok(Self { codes })
    }

    /// The code at a position.
    pub fn code(&self, position: CodeCardPosition) -> &CodeCardAnswer {
        // INVARIANT: a card always holds CODE_CARD_SIZE codes and positions are 1..=CODE_CARD_SIZE.
        &self.codes[usize::from(position.get()) - 1]
    }

    /// The (position, hash) pairs to store.
    pub fn hashes(&self) -> anyhow::Result<Vec<(u8, String)>> {
        CodeCardPosition::all()
            .map(|p| {
                Ok((
                    p.get(),
                    hash_secret(self.code(p).expose_secret(), CODE_COST)?,
                ))
            })
            .collect()
    }
}

/// A session token: 32 random bytes, given to the browser; only its SHA-256 is stored.
pub struct SessionToken(String);

impl SessionToken {
    /// A new random token.
    pub fn generate() -> Self {
        let bytes: [u8; 32] = rand::rngs::OsRng.gen();
        Self(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The token as sent in the cookie.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The stored form of a session token.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a login attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginOutcome {
    /// All three were right: a new session for this account.
    Success {
        /// Whom the account belongs to.
        subject: Subject,
        /// The session token for the cookie.
        token: String,
    },
    /// Something was wrong; which one is not said.
    Failed,
    /// The challenge is unknown, used or expired: start again.
    ChallengeInvalid,
    /// Too many failures: locked until this instant.
    Locked {
        /// Unix seconds.
        until: i64,
    },
    /// [`DISABLE_AFTER`] failures since the last success: only the helpdesk can unlock.
    Disabled,
    /// Everything was right, but the hospital suspended the account: said only to whoever
    /// answered rightly, so a guesser learns nothing.
    Suspended {
        /// The hospital's reason.
        reason: String,
    },
}

/// Failed attempts since the last success after which an account's login is disabled until the
/// helpdesk unlocks it (NIST SP 800-63B 5.2.2: at most 100 consecutive failures).
pub const DISABLE_AFTER: i64 = 100;
/// Consecutive failures from one client address after which that address is locked (whatever
/// the accounts it tries: this is what stops guessing spread over many accounts).
pub const ADDRESS_LOCK_THRESHOLD: i64 = 30;

/// Where a login comes from, for the per-address limit and the list of sessions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Client<'a> {
    /// The client's address.
    pub addr: Option<&'a str>,
    /// The browser's `User-Agent`.
    pub user_agent: Option<&'a str>,
}

/// The key the failures of an account are counted under: the account itself when the name is
/// known (a person has up to three names; guesses spread over them count together), else the
/// name.
pub fn failure_key(account: Option<&AccountAuth>, name: &LoginName) -> String {
    match account {
        Some(a) => format!("account:{}", a.account_id),
        None => name.key(),
    }
}

/// The failure key of a client address.
pub fn address_key(addr: &str) -> String {
    format!("addr:{addr}")
}

/// What checking a code card answer (and, at login, a password) came to.
enum Check {
    /// Right: the card the code belongs to.
    Right {
        card_id: String,
        pending: bool,
    },
    Wrong,
    Locked(i64),
    Disabled,
}

/// The login service: challenges, verification, lockout and sessions.
#[derive(Clone)]
pub struct Auth {
    store: Store,
    mode: CodeCardMode,
    /// Argon2 runs on tokio's blocking threads, at most this many at once (one per core), so a
    /// flood of logins queues here instead of stalling the workers that serve everything else.
    hashing: std::sync::Arc<tokio::sync::Semaphore>,
    dummy_password_hash: String,
    dummy_code_hash: String,
    passkeys: Option<Passkeys>,
}

/// The kind of a login's passkey ceremony in the store.
const PASSKEY_LOGIN: &str = "login";

impl Auth {
    /// Prepares the dummy hashes used to keep failed logins as slow as successful ones.
    pub fn new(store: Store, password_cost: HashCost, mode: CodeCardMode) -> anyhow::Result<Self> {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        Ok(Self {
            store,
            mode,
            hashing: std::sync::Arc::new(tokio::sync::Semaphore::new(cores)),
            dummy_password_hash: hash_secret("inzage-dummy-password", password_cost)?,
            dummy_code_hash: hash_secret("00000000", CODE_COST)?,
            passkeys: None,
        })
    }

    /// Offers passkeys at login (when the portal's address can carry them).
    pub fn with_passkeys(mut self, passkeys: Option<Passkeys>) -> Self {
        self.passkeys = passkeys;
        self
    }

    /// The portal as a WebAuthn relying party, if passkeys work at its address.
    pub fn passkeys(&self) -> Option<&Passkeys> {
        self.passkeys.as_ref()
    }

    /// How the network uses its code cards.
    pub fn mode(&self) -> CodeCardMode {
        self.mode
    }

    /// Step one: picks a position for this login name, known or not (in single-use mode, one not
    /// used yet on the account's card).
    ///
    /// With passkeys on, the challenge also carries the options to log in with a passkey: the
    /// same for every name (discoverable credentials, an empty allow list), their state kept
    /// under the challenge's id and bound to the same account (or name) as the challenge.
    pub async fn challenge(
        &self,
        name: &LoginName,
        now: OffsetDateTime,
    ) -> anyhow::Result<(String, CodeCardPosition, Option<RequestChallengeResponse>)> {
        let account = self.store.find_account(name).await?;
        let key = failure_key(account.as_ref(), name);
        let (id, position) = self.challenge_for(account.as_ref(), &key, now).await?;
        let options = match &self.passkeys {
            Some(p) => {
                let (options, state) = p.start_login()?;
                let expires = (now + CHALLENGE_TTL).unix_timestamp();
                self.store
                    .insert_ceremony(&id, PASSKEY_LOGIN, &key, &state, expires)
                    .await?;
                Some(options)
            }
            None => None,
        };
        Ok((id, position, options))
    }

    async fn challenge_for(
        &self,
        account: Option<&AccountAuth>,
        key: &str,
        now: OffsetDateTime,
    ) -> anyhow::Result<(String, CodeCardPosition)> {
        let used = match (account, self.mode) {
            (Some(a), CodeCardMode::SingleUse { .. }) => {
                self.store.card_state(&a.account_id).await?.used
            }
            _ => Vec::new(),
        };
        let random: u32 = rand::rngs::OsRng.gen();
        let position = self
            .mode
            .pick(random, &used)
            .unwrap_or_else(|| CodeCardPosition::from_random(random));
        let id = SessionToken::generate().0;
        let expires = (now + CHALLENGE_TTL).unix_timestamp();
        self.store
            .insert_challenge(&id, key, position.get(), expires)
            .await?;
        Ok((id, position))
    }

    /// A challenge for an account the server already knows (the password reset, whose link
    /// names the account).
    pub async fn challenge_account(
        &self,
        account: &AccountAuth,
        now: OffsetDateTime,
    ) -> anyhow::Result<(String, CodeCardPosition)> {
        let key = format!("account:{}", account.account_id);
        self.challenge_for(Some(account), &key, now).await
    }

    /// Step two: checks the challenge, the locks, the password and the code; on success opens a
    /// session.
    pub async fn login(
        &self,
        challenge_id: &str,
        login: &ValidLogin,
        client: Client<'_>,
        now: OffsetDateTime,
    ) -> anyhow::Result<LoginOutcome> {
        let account = self.store.find_account(&login.name).await?;
        let key = failure_key(account.as_ref(), &login.name);
        let Some(position) = self.take_challenge(challenge_id, &key, now).await? else {
            return Ok(LoginOutcome::ChallengeInvalid);
        };
        let check = self
            .check(
                account.as_ref(),
                &key,
                client.addr,
                position,
                Some(&login.password),
                &login.code,
                now,
            )
            .await?;
        match (check, account) {
            (
                Check::Right { .. },
                Some(AccountAuth {
                    suspended_reason: Some(reason),
                    ..
                }),
            ) => Ok(LoginOutcome::Suspended { reason }),
            (Check::Right { card_id, pending }, Some(a)) => {
                self.card_used(&a.account_id, &card_id, pending, position, now)
                    .await?;
                let token = self
                    .open_session(&a.account_id, "code_card", client, now)
                    .await?;
                Ok(LoginOutcome::Success {
                    subject: Subject::of(a.patient_id, a.practitioner_id, a.staff_id)?,
                    token,
                })
            }
            (Check::Locked(until), _) => Ok(LoginOutcome::Locked { until }),
            (Check::Disabled, _) => Ok(LoginOutcome::Disabled),
            _ => Ok(LoginOutcome::Failed),
        }
    }

    /// Checks a code card answer for a known account without a password (the password reset,
    /// whose e-mail link is the other factor), under the same limits as a login.
    pub async fn verify_card(
        &self,
        challenge_id: &str,
        account: &AccountAuth,
        code: &CodeCardAnswer,
        client: Client<'_>,
        now: OffsetDateTime,
    ) -> anyhow::Result<LoginOutcome> {
        let key = format!("account:{}", account.account_id);
        let Some(position) = self.take_challenge(challenge_id, &key, now).await? else {
            return Ok(LoginOutcome::ChallengeInvalid);
        };
        match self
            .check(Some(account), &key, client.addr, position, None, code, now)
            .await?
        {
            Check::Right { card_id, pending } => {
                self.card_used(&account.account_id, &card_id, pending, position, now)
                    .await?;
                Ok(LoginOutcome::Success {
                    subject: Subject::of(
                        account.patient_id.clone(),
                        account.practitioner_id.clone(),
                        account.staff_id.clone(),
                    )?,
                    token: String::new(),
                })
            }
            Check::Wrong => Ok(LoginOutcome::Failed),
            Check::Locked(until) => Ok(LoginOutcome::Locked { until }),
            Check::Disabled => Ok(LoginOutcome::Disabled),
        }
    }

    async fn take_challenge(
        &self,
        challenge_id: &str,
        key: &str,
        now: OffsetDateTime,
    ) -> anyhow::Result<Option<CodeCardPosition>> {
        let Some((challenge_key, position, expires_at)) =
            self.store.take_challenge(challenge_id).await?
        else {
            return Ok(None);
        };
        if challenge_key != key || expires_at < now.unix_timestamp() {
            return Ok(None);
        }
        Ok(CodeCardPosition::new(position).ok())
    }

    /// The heart of a login: counts the attempt for the account (or name) and the address before
    /// verifying anything, refuses when either is locked or the account disabled, then always
    /// runs every hash verification, so neither the answer nor its timing tells which input was
    /// wrong or whether the account exists.
    #[allow(clippy::too_many_arguments)]
    async fn check(
        &self,
        account: Option<&AccountAuth>,
        key: &str,
        addr: Option<&str>,
        position: CodeCardPosition,
        password: Option<&Password>,
        code: &CodeCardAnswer,
        now: OffsetDateTime,
    ) -> anyhow::Result<Check> {
        let series = match self.count_attempt(account, key, addr, now).await? {
            Ok(series) => series,
            Err(refused) => return Ok(refused),
        };
        let password_hash = account
            .map(|a| a.password_hash.clone())
            .filter(|h| PasswordHash::new(h).is_ok());
        let codes = match account {
            Some(a) => self.store.card_codes(&a.account_id, position.get()).await?,
            None => Vec::new(),
        };
        // Exactly one password and two code verifications, whatever exists.
        let mut code_hashes: Vec<String> =
            codes.iter().take(2).map(|c| c.code_hash.clone()).collect();
        while code_hashes.len() < 2 {
            code_hashes.push(self.dummy_code_hash.clone());
        }
        let (password_ok, code_ok) = {
            let _permit = self.hashing.acquire().await?;
            let typed_password = password.map(|p| p.expose_secret().to_owned());
            let typed_code = code.expose_secret().to_owned();
            let ph = password_hash
                .clone()
                .unwrap_or_else(|| self.dummy_password_hash.clone());
            let hashes = code_hashes.clone();
            tokio::task::spawn_blocking(move || {
                let password_ok = match typed_password {
                    Some(p) => verify_secret(&p, &ph),
                    None => true,
                };
                let code_ok: Vec<bool> = hashes
                    .iter()
                    .map(|h| verify_secret(&typed_code, h))
                    .collect();
                (password_ok, code_ok)
            })
            .await?
        };
        let single_use = matches!(self.mode, CodeCardMode::SingleUse { .. });
        let matched = codes
            .iter()
            .zip(code_ok)
            .find(|(c, ok)| *ok && !(single_use && c.used_at.is_some()))
            .map(|(c, _)| c);
        let password_ok = password_ok && (password.is_none() || password_hash.is_some());
        match (account, matched) {
            (Some(_), Some(card)) if password_ok => {
                self.store.clear_failures(key).await?;
                Ok(Check::Right {
                    card_id: card.card_id.clone(),
                    pending: card.activated_at.is_none(),
                })
            }
            _ => self.failed(key, series, now).await,
        }
    }

    /// Counts an attempt for the account (or name) and the address *before* anything is
    /// verified, so however many guesses arrive at once, at most [`LOCK_THRESHOLD`] of them are
    /// ever checked before the lock. `Err` with the refusal when either is locked or the account
    /// disabled; else the attempt's number in the account's current series.
    async fn count_attempt(
        &self,
        account: Option<&AccountAuth>,
        key: &str,
        addr: Option<&str>,
        now: OffsetDateTime,
    ) -> anyhow::Result<Result<i64, Check>> {
        let now_s = now.unix_timestamp();
        let lock_until = (now + LOCK_DURATION).unix_timestamp();
        let attempt = self.store.begin_attempt(key, now_s).await?;
        let by_address = match addr {
            Some(a) => Some(self.store.begin_attempt(&address_key(a), now_s).await?),
            None => None,
        };
        if account.is_some() && attempt.total > DISABLE_AFTER {
            return Ok(Err(Check::Disabled));
        }
        if let Some(until) = attempt.locked_until {
            return Ok(Err(Check::Locked(until)));
        }
        if let Some(until) = by_address.and_then(|a| a.locked_until) {
            return Ok(Err(Check::Locked(until)));
        }
        if attempt.series > LOCK_THRESHOLD {
            return Ok(Err(Check::Locked(self.store.lock(key, lock_until).await?)));
        }
        if let (Some(a), Some(addr)) = (by_address, addr) {
            if a.series > ADDRESS_LOCK_THRESHOLD {
                return Ok(Err(Check::Locked(
                    self.store.lock(&address_key(addr), lock_until).await?,
                )));
            }
        }
        Ok(Ok(attempt.series))
    }

    /// A failed attempt: the last one allowed in a series locks the account (or name).
    async fn failed(&self, key: &str, series: i64, now: OffsetDateTime) -> anyhow::Result<Check> {
        if series >= LOCK_THRESHOLD {
            let lock_until = (now + LOCK_DURATION).unix_timestamp();
            return Ok(Check::Locked(self.store.lock(key, lock_until).await?));
        }
        Ok(Check::Wrong)
    }

    /// Logging in with username, password and a passkey instead of the code card: the same
    /// challenge (single use, bound to the account or name it was asked for), the same counting
    /// and locks, always one password verification (a dummy hash for an unknown name); the
    /// assertion must answer the challenge's passkey options and come from one of this account's
    /// passkeys, with the user verified. On success the passkey's counter is kept and a session
    /// opened with the method `passkey`.
    pub async fn login_with_passkey(
        &self,
        challenge_id: &str,
        name: &LoginName,
        password: &Password,
        credential: &PublicKeyCredential,
        client: Client<'_>,
        now: OffsetDateTime,
    ) -> anyhow::Result<LoginOutcome> {
        let Some(passkeys) = &self.passkeys else {
            return Ok(LoginOutcome::ChallengeInvalid);
        };
        let account = self.store.find_account(name).await?;
        let key = failure_key(account.as_ref(), name);
        let now_s = now.unix_timestamp();
        let state = self
            .store
            .take_ceremony(challenge_id, PASSKEY_LOGIN, &key, now_s)
            .await?;
        let challenge = self.take_challenge(challenge_id, &key, now).await?;
        let (Some(state), Some(_)) = (state, challenge) else {
            return Ok(LoginOutcome::ChallengeInvalid);
        };
        let series = match self
            .count_attempt(account.as_ref(), &key, client.addr, now)
            .await?
        {
            Ok(series) => series,
            Err(Check::Disabled) => return Ok(LoginOutcome::Disabled),
            Err(Check::Locked(until)) => return Ok(LoginOutcome::Locked { until }),
            Err(_) => return Ok(LoginOutcome::Failed),
        };
        let password_hash = account
            .as_ref()
            .map(|a| a.password_hash.clone())
            .filter(|h| PasswordHash::new(h).is_ok());
        let password_ok = {
            let _permit = self.hashing.acquire().await?;
            let typed = password.expose_secret().to_owned();
            let ph = password_hash
                .clone()
                .unwrap_or_else(|| self.dummy_password_hash.clone());
            tokio::task::spawn_blocking(move || verify_secret(&typed, &ph)).await?
        } && password_hash.is_some();
        // The passkey the assertion names, among this account's only.
        let used = match &account {
            Some(a) => {
                let id = crate::passkeys::credential_key(credential.get_credential_id());
                let row = self
                    .store
                    .passkeys_of(&a.account_id)
                    .await?
                    .into_iter()
                    .find(|p| p.credential_id == id);
                let handle_ok = |row: &crate::store::PasskeyRow| {
                    credential.get_user_unique_id().is_none_or(|h| {
                        uuid::Uuid::from_slice(h).is_ok_and(|u| u.to_string() == row.user_handle)
                    })
                };
                match row.filter(handle_ok) {
                    Some(row) => {
                        let passkey: webauthn_rs::prelude::Passkey =
                            serde_json::from_str(&row.passkey)?;
                        passkeys
                            .finish_login(credential, &state, &passkey)?
                            .map(|result| (row, passkey, result))
                    }
                    None => None,
                }
            }
            None => None,
        };
        match (account, used) {
            (Some(a), Some(_)) if password_ok && a.suspended_reason.is_some() => {
                self.store.clear_failures(&key).await?;
                Ok(LoginOutcome::Suspended {
                    reason: a.suspended_reason.unwrap_or_default(),
                })
            }
            (Some(a), Some((row, mut passkey, result))) if password_ok => {
                self.store.clear_failures(&key).await?;
                passkey.update_credential(&result);
                self.store
                    .passkey_used(&row.id, &serde_json::to_string(&passkey)?, now_s)
                    .await?;
                let token = self
                    .open_session(&a.account_id, "passkey", client, now)
                    .await?;
                Ok(LoginOutcome::Success {
                    subject: Subject::of(a.patient_id, a.practitioner_id, a.staff_id)?,
                    token,
                })
            }
            _ => match self.failed(&key, series, now).await? {
                Check::Locked(until) => Ok(LoginOutcome::Locked { until }),
                _ => Ok(LoginOutcome::Failed),
            },
        }
    }

    /// After a right answer: a pending card becomes the active one; a single-use code is spent.
    async fn card_used(
        &self,
        account_id: &str,
        card_id: &str,
        pending: bool,
        position: CodeCardPosition,
        now: OffsetDateTime,
    ) -> anyhow::Result<()> {
        let now_s = now.unix_timestamp();
        if pending {
            self.store.activate_card(account_id, card_id, now_s).await?;
        }
        if matches!(self.mode, CodeCardMode::SingleUse { .. }) {
            self.store.use_code(card_id, position.get(), now_s).await?;
        }
        Ok(())
    }

    /// Opens a session for an account and returns its token (for the cookie).
    pub async fn open_session(
        &self,
        account_id: &str,
        method: &str,
        client: Client<'_>,
        now: OffsetDateTime,
    ) -> anyhow::Result<String> {
        let token = SessionToken::generate();
        self.store
            .insert_session(&NewSession {
                token_hash: &token_hash(token.as_str()),
                account_id,
                method,
                client_addr: client.addr,
                user_agent: client.user_agent,
                now: now.unix_timestamp(),
                expires_at: (now + SESSION_IDLE).unix_timestamp(),
            })
            .await?;
        Ok(token.0)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use rand::SeedableRng;

    const CHEAP: HashCost = HashCost {
        memory_kib: 1024,
        iterations: 1,
    };

    #[test]
    fn hashes_verify_only_their_secret() {
        let h = hash_secret("correct horse", CHEAP).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_secret("correct horse", &h));
        assert!(!verify_secret("correct horsf", &h));
        assert!(!verify_secret("correct horse", "not a hash"));
        assert_ne!(h, hash_secret("correct horse", CHEAP).unwrap(), "salted");
    }

    #[test]
    fn cards_have_24_eight_digit_codes_and_seeded_cards_repeat() {
        let mut a = rand::rngs::StdRng::seed_from_u64(7);
        let mut b = rand::rngs::StdRng::seed_from_u64(7);
        let c1 = PrintedCard::from_rng(&mut a).unwrap();
        let c2 = PrintedCard::from_rng(&mut b).unwrap();
        assert_eq!(c1.codes.len(), 24);
        assert!(c1.codes.iter().all(|c| c.expose_secret().len() == 8));
        assert_eq!(
            c1.codes
                .iter()
                .map(|c| c.expose_secret())
                .collect::<Vec<_>>(),
            c2.codes
                .iter()
                .map(|c| c.expose_secret())
                .collect::<Vec<_>>()
        );
        assert!(!format!("{c1:?}").contains(c1.codes[0].expose_secret()));
    }

    #[test]
    fn session_tokens_are_random_and_stored_hashed() {
        let a = SessionToken::generate();
        let b = SessionToken::generate();
        assert_ne!(a.as_str(), b.as_str());
        assert_eq!(a.as_str().len(), 43);
        assert_eq!(token_hash(a.as_str()).len(), 64);
        assert_ne!(token_hash(a.as_str()), a.as_str());
    }
}

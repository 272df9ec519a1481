//! Logging in with username, password and code card; sessions.
//!
//! Passwords and card codes are stored as Argon2id hashes (NIST SP 800-63B: look-up secrets of
//! fewer than 112 bits are salted and hashed with a password hashing scheme). Hash comparison is
//! constant-time inside `argon2`. A login always runs both verifications, also for an unknown
//! username (against a dummy hash), so neither the answer nor its timing tells which of the
//! three inputs was wrong or whether the account exists.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use inzage_domain::login::{CODE_CARD_SIZE, CODE_DIGITS};
use inzage_domain::wire::ValidLogin;
use inzage_domain::{CodeCardAnswer, CodeCardPosition, LoginName};
use rand::Rng;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::config::HashCost;
use crate::store::{Store, Subject};

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
}

/// The login service: challenges, verification, lockout and sessions.
#[derive(Clone)]
pub struct Auth {
    store: Store,
    /// Argon2 runs on tokio's blocking threads, at most this many at once (one per core), so a
    /// flood of logins queues here instead of stalling the workers that serve everything else.
    hashing: std::sync::Arc<tokio::sync::Semaphore>,
    dummy_password_hash: String,
    dummy_code_hash: String,
}

impl Auth {
    /// Prepares the dummy hashes used to keep failed logins as slow as successful ones.
    pub fn new(store: Store, password_cost: HashCost) -> anyhow::Result<Self> {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        Ok(Self {
            store,
            hashing: std::sync::Arc::new(tokio::sync::Semaphore::new(cores)),
            dummy_password_hash: hash_secret("inzage-dummy-password", password_cost)?,
            dummy_code_hash: hash_secret("00000000", CODE_COST)?,
        })
    }

    /// Step one: picks a random position for this login name, known or not.
    pub async fn challenge(
        &self,
        name: &LoginName,
        now: OffsetDateTime,
    ) -> anyhow::Result<(String, CodeCardPosition)> {
        let position = CodeCardPosition::from_random(rand::rngs::OsRng.gen());
        let id = SessionToken::generate().0;
        let expires = (now + CHALLENGE_TTL).unix_timestamp();
        self.store
            .insert_challenge(&id, &name.key(), position.get(), expires)
            .await?;
        Ok((id, position))
    }

    /// Step two: checks the challenge, the lock, the password and the code.
    pub async fn login(
        &self,
        challenge_id: &str,
        login: &ValidLogin,
        now: OffsetDateTime,
    ) -> anyhow::Result<LoginOutcome> {
        let now_s = now.unix_timestamp();
        let key = login.name.key();
        let Some((challenge_key, position, expires_at)) =
            self.store.take_challenge(challenge_id).await?
        else {
            return Ok(LoginOutcome::ChallengeInvalid);
        };
        if challenge_key != key || expires_at < now_s {
            return Ok(LoginOutcome::ChallengeInvalid);
        }
        // The attempt is counted before anything is verified: however many guesses arrive at
        // once, at most LOCK_THRESHOLD of them are ever checked before the lock.
        let (attempt, locked) = self.store.begin_attempt(&key, now_s).await?;
        if let Some(until) = locked {
            return Ok(LoginOutcome::Locked { until });
        }
        let lock_until = (now + LOCK_DURATION).unix_timestamp();
        if attempt > LOCK_THRESHOLD {
            let until = self.store.lock(&key, lock_until).await?;
            return Ok(LoginOutcome::Locked { until });
        }
        let account = self.store.find_account(&login.name).await?;
        let (password_hash, code_hash) = match &account {
            Some(a) => (
                a.password_hash.clone(),
                self.store
                    .active_code_hash(&a.account_id, position)
                    .await?
                    .unwrap_or_else(|| self.dummy_code_hash.clone()),
            ),
            None => (
                self.dummy_password_hash.clone(),
                self.dummy_code_hash.clone(),
            ),
        };
        // Both checks always run: no early return reveals which input was wrong.
        let (password_ok, code_ok) = {
            let _permit = self.hashing.acquire().await?;
            let password = login.password.expose_secret().to_owned();
            let code = login.code.expose_secret().to_owned();
            let (ph, ch) = (password_hash.clone(), code_hash.clone());
            tokio::task::spawn_blocking(move || {
                (verify_secret(&password, &ph), verify_secret(&code, &ch))
            })
            .await?
        };
        match account {
            Some(a) if password_ok && code_ok && code_hash != self.dummy_code_hash => {
                self.store.clear_failures(&key).await?;
                let token = SessionToken::generate();
                self.store
                    .insert_session(
                        &token_hash(token.as_str()),
                        &a.account_id,
                        now_s,
                        (now + SESSION_IDLE).unix_timestamp(),
                    )
                    .await?;
                Ok(LoginOutcome::Success {
                    subject: Subject::of(a.patient_id, a.practitioner_id, a.staff_id)?,
                    token: token.0,
                })
            }
            _ if attempt >= LOCK_THRESHOLD => {
                let until = self.store.lock(&key, lock_until).await?;
                Ok(LoginOutcome::Locked { until })
            }
            _ => Ok(LoginOutcome::Failed),
        }
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

//! Passkeys (WebAuthn): the name a person gives one, and the wire shapes of adding one after
//! login and of logging in with one instead of the code card (the password is still asked).
//!
//! The WebAuthn options and credentials themselves are `webauthn-rs-proto`'s types: the JSON
//! the server's `webauthn-rs` writes and reads, which the browser turns into the arguments of
//! `navigator.credentials.create` and `.get` and back.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;
pub use webauthn_rs_proto::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

use crate::login::Password;
use crate::message::HasMessageKey;
use crate::wire::FieldErrors;
use crate::LoginName;

/// The most passkeys one account keeps.
pub const MAX_PASSKEYS: usize = 10;

/// The name a person gives a passkey ("telefoon", "laptop thuis"): 1 to 60 characters after
/// trimming, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasskeyName(String);

/// Why a passkey name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PasskeyNameError {
    /// Nothing but spaces.
    #[error("the name is empty")]
    Empty,
    /// More than 60 characters.
    #[error("the name is longer than 60 characters")]
    TooLong,
    /// A tab, a line break or another control character.
    #[error("the name contains a control character")]
    ControlCharacter,
}

impl HasMessageKey for PasskeyNameError {
    fn message_key(&self) -> &'static str {
        match self {
            PasskeyNameError::Empty => "passkey.name.empty",
            PasskeyNameError::TooLong => "passkey.name.too_long",
            PasskeyNameError::ControlCharacter => "passkey.name.control_character",
        }
    }
}

impl PasskeyName {
    /// The longest name, in characters.
    pub const MAX_CHARS: usize = 60;

    /// Trims and checks a name.
    /// ```
    /// use inzage_domain::passkey::{PasskeyName, PasskeyNameError};
    /// assert_eq!(PasskeyName::parse("  telefoon ").unwrap().as_str(), "telefoon");
    /// assert_eq!(PasskeyName::parse("   "), Err(PasskeyNameError::Empty));
    /// assert_eq!(PasskeyName::parse("a\tb"), Err(PasskeyNameError::ControlCharacter));
    /// assert_eq!(PasskeyName::parse(&"x".repeat(61)), Err(PasskeyNameError::TooLong));
    /// ```
    pub fn parse(input: &str) -> Result<Self, PasskeyNameError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(PasskeyNameError::Empty);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(PasskeyNameError::TooLong);
        }
        if name.chars().any(char::is_control) {
            return Err(PasskeyNameError::ControlCharacter);
        }
        Ok(Self(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One of the person's passkeys, as the account page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasskeyInfo {
    /// The passkey's id in the portal (not the credential id).
    pub id: String,
    /// The name the person gave it.
    pub name: String,
    /// When it was added.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it was last used to log in.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
}

/// The answer to starting to add a passkey: the options for `navigator.credentials.create`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasskeyRegistrationStart {
    /// Names this ceremony in the second step; single use, valid for five minutes.
    pub ceremony_id: String,
    /// The `publicKey` options, with binary fields in base64url.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub options: CreationChallengeResponse,
}

/// Finishing adding a passkey: what the authenticator created, and the name for it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasskeyRegistrationFinish {
    /// The ceremony from the first step.
    pub ceremony_id: String,
    /// The name the person chose.
    pub name: String,
    /// The result of `navigator.credentials.create`, binary fields in base64url.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub credential: RegisterPublicKeyCredential,
}

impl PasskeyRegistrationFinish {
    /// Validates the name.
    pub fn validate(&self) -> Result<PasskeyName, FieldErrors> {
        let mut errors = FieldErrors::default();
        errors
            .check("name", PasskeyName::parse(&self.name))
            .ok_or(errors)
    }
}

/// Logging in with username, password and a passkey, instead of the code card.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasskeyLoginRequest {
    /// The challenge from the login's first step (its `passkey` options were signed).
    pub challenge_id: String,
    /// The username as typed.
    pub username: String,
    /// The password as typed.
    pub password: String,
    /// The result of `navigator.credentials.get`, binary fields in base64url.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub credential: PublicKeyCredential,
}

impl std::fmt::Debug for PasskeyLoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasskeyLoginRequest")
            .field("challenge_id", &self.challenge_id)
            .finish_non_exhaustive()
    }
}

impl PasskeyLoginRequest {
    /// Validates the username and the password, like the code card login does.
    pub fn validate(&self) -> Result<(LoginName, Password), FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.check("username", LoginName::parse(&self.username));
        let password = errors.check("password", Password::for_login(&self.password));
        match (name, password) {
            (Some(n), Some(p)) if errors.is_empty() => Ok((n, p)),
            _ => Err(errors),
        }
    }
}

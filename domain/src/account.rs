//! A person's own account: choosing a password, the code card's modes, sessions, reset links and
//! card requests, and the forms the browser and the server both validate.
//!
//! The rules follow NIST SP 800-63B: a chosen password has a minimum length and no composition
//! rules, and is refused when it contains context-specific words (the username, the national
//! number, the portal's name) or is on a blocklist of common passwords (the server's list).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::contact::EmailAddress;
use crate::login::{Password, PasswordError, CODE_CARD_SIZE};
use crate::message::Message;
use crate::wire::{FieldErrors, NationalNumber};
use crate::{CodeCardAnswer, CodeCardPosition, Insz, LoginName};

/// Words no chosen password may contain, whatever the person's own names.
pub const PORTAL_WORDS: [&str; 2] = ["inzage", "wachtwoord"];

/// Checks a password a person chooses: the length rules of [`Password::new_chosen`], and none of
/// the context words (the person's usernames and numbers, and [`PORTAL_WORDS`]), compared without
/// regard to case. Words shorter than three characters are ignored.
/// ```
/// use inzage_domain::account::choose_password;
/// assert!(choose_password("lente in de kempen", &["margery"]).is_ok());
/// assert!(choose_password("Margery2024!", &["margery"]).is_err());
/// assert!(choose_password("mijn-inzage-code", &[]).is_err());
/// ```
pub fn choose_password(input: &str, context: &[&str]) -> Result<Password, PasswordError> {
    let password = Password::new_chosen(input)?;
    let lower = input.to_lowercase();
    let contains = |word: &str| {
        let word = word.trim().to_lowercase();
        word.chars().count() >= 3 && lower.contains(&word)
    };
    if context.iter().copied().chain(PORTAL_WORDS).any(contains) {
        return Err(PasswordError::ContainsName);
    }
    Ok(password)
}

/// How a hospital uses the 24 codes of a card (a setting of the network).
///
/// `Rotation` is what mynexuzhealth does: every login asks a random position of the same card,
/// so a card lasts for years, but a code seen by someone else stays valid. `SingleUse` is what
/// NIST SP 800-63B asks of look-up secrets: each code works once, the login asks a position not
/// used yet, and a new card is offered when few codes remain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "mode")]
pub enum CodeCardMode {
    /// Codes are asked in rotation and stay valid.
    #[default]
    Rotation,
    /// Each code works once; a new card is offered when at most `renew_at` codes remain.
    SingleUse {
        /// How many unused codes left make the portal offer a new card.
        renew_at: u8,
    },
}

impl CodeCardMode {
    /// The position a login asks, from a random number and the positions already used on the
    /// card (ignored in rotation). `None` when every code of a single-use card has been used.
    /// ```
    /// use inzage_domain::account::CodeCardMode;
    /// let single = CodeCardMode::SingleUse { renew_at: 4 };
    /// let used: Vec<u8> = (1..=23).collect();
    /// assert_eq!(single.pick(7, &used).map(|p| p.get()), Some(24));
    /// assert_eq!(CodeCardMode::Rotation.pick(7, &used).map(|p| p.get()), Some(8));
    /// ```
    pub fn pick(self, random: u32, used: &[u8]) -> Option<CodeCardPosition> {
        match self {
            CodeCardMode::Rotation => Some(CodeCardPosition::from_random(random)),
            CodeCardMode::SingleUse { .. } => {
                let free: Vec<CodeCardPosition> = CodeCardPosition::all()
                    .filter(|p| !used.contains(&p.get()))
                    .collect();
                if free.is_empty() {
                    return None;
                }
                let len = u32::try_from(free.len()).unwrap_or(u32::from(CODE_CARD_SIZE));
                usize::try_from(random % len)
                    .ok()
                    .and_then(|i| free.get(i).copied())
            }
        }
    }

    /// How many codes are left on a card with these positions used (all of them in rotation).
    pub fn codes_left(self, used: usize) -> u8 {
        match self {
            CodeCardMode::Rotation => CODE_CARD_SIZE,
            CodeCardMode::SingleUse { .. } => {
                CODE_CARD_SIZE.saturating_sub(u8::try_from(used).unwrap_or(CODE_CARD_SIZE))
            }
        }
    }

    /// Whether the portal offers a new card, with this many codes left.
    /// ```
    /// use inzage_domain::account::CodeCardMode;
    /// assert!(CodeCardMode::SingleUse { renew_at: 4 }.offers_new_card(4));
    /// assert!(!CodeCardMode::SingleUse { renew_at: 4 }.offers_new_card(5));
    /// assert!(!CodeCardMode::Rotation.offers_new_card(0));
    /// ```
    pub fn offers_new_card(self, codes_left: u8) -> bool {
        match self {
            CodeCardMode::Rotation => false,
            CodeCardMode::SingleUse { renew_at } => codes_left <= renew_at,
        }
    }
}

/// One of the person's open sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// The session's public id (not its token).
    pub id: String,
    /// How the person logged in: `code_card`, `password_reset` or an identity provider's id.
    pub method: String,
    /// When it started.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it was last used.
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen_at: OffsetDateTime,
    /// The client's address, as the server saw it.
    pub client_addr: Option<String>,
    /// The browser, as it announced itself.
    pub user_agent: Option<String>,
    /// Whether this is the session of the request.
    pub current: bool,
}

/// The person's account as they see it on the account page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountView {
    /// The chosen username, if any.
    pub username: Option<String>,
    /// The e-mail address for reset links and notices.
    pub email: Option<String>,
    /// Whether that address was confirmed by its link.
    pub email_confirmed: bool,
    /// How the hospital uses the card's codes.
    pub code_card_mode: CodeCardMode,
    /// Whether a card is active.
    pub has_card: bool,
    /// Codes left on the active card (24 in rotation).
    pub codes_left: u8,
    /// Whether the portal offers a new card now.
    pub offers_new_card: bool,
    /// Whether a new card is on its way (printed, not used yet).
    pub card_on_its_way: bool,
    /// The open sessions, the current one first.
    pub sessions: Vec<SessionInfo>,
    /// The passkeys the person added, oldest first.
    #[serde(default)]
    pub passkeys: Vec<crate::passkey::PasskeyInfo>,
}

/// Changing the password after login.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    /// The password now.
    pub current_password: String,
    /// The new one.
    pub new_password: String,
}

crate::redacted_debug!(PasswordChange {});

impl PasswordChange {
    /// Validates both fields; the new password against the person's context words.
    pub fn validate(&self, context: &[&str]) -> Result<(Password, Password), FieldErrors> {
        let mut errors = FieldErrors::default();
        let current = errors.check(
            "current_password",
            Password::for_login(&self.current_password),
        );
        let new = errors.check("new_password", choose_password(&self.new_password, context));
        match (current, new) {
            (Some(c), Some(n)) if errors.is_empty() => Ok((c, n)),
            _ => Err(errors),
        }
    }
}

/// Choosing a username (it becomes one of the names the person can log in with).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UsernameChange {
    /// The new username.
    pub username: String,
}

impl UsernameChange {
    /// A username must look like one: a national number or record number cannot be chosen.
    pub fn validate(&self) -> Result<crate::Username, FieldErrors> {
        let mut errors = FieldErrors::default();
        match LoginName::parse(&self.username) {
            Ok(LoginName::Username(u)) => Ok(u),
            Ok(_) => {
                errors.add("username", Message::new("account.username_is_a_number"));
                Err(errors)
            }
            Err(e) => {
                errors.check::<(), _>("username", Err(e));
                Err(errors)
            }
        }
    }
}

/// Setting the e-mail address (confirmed by a link before it is used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EmailChange {
    /// The address.
    pub email: String,
}

impl EmailChange {
    /// Validates the address.
    pub fn validate(&self) -> Result<EmailAddress, FieldErrors> {
        let mut errors = FieldErrors::default();
        errors
            .check("email", EmailAddress::parse(&self.email))
            .ok_or(errors)
    }
}

/// A link's token, from an e-mail (reset, confirmation).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LinkToken {
    /// The token from the link.
    pub token: String,
}

crate::redacted_debug!(LinkToken {});

/// Asking for a password reset link: the answer is the same whether the account exists or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The username in any of its forms.
    pub username: String,
}

impl PasswordResetRequest {
    /// Validates the username.
    pub fn validate(&self) -> Result<LoginName, FieldErrors> {
        let mut errors = FieldErrors::default();
        errors
            .check("username", LoginName::parse(&self.username))
            .ok_or(errors)
    }
}

/// The position of the code card to answer with the new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetChallenge {
    /// The challenge to send back.
    pub challenge_id: String,
    /// The code card position to answer.
    pub position: CodeCardPosition,
}

/// Completing a password reset: the link's token, a code from the card, the new password. The
/// e-mail alone never gives control of an account: the card is asked too.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetCompletion {
    /// The token from the link.
    pub token: String,
    /// The challenge from [`ResetChallenge`].
    pub challenge_id: String,
    /// The code at the asked position.
    pub code: String,
    /// The new password.
    pub new_password: String,
}

crate::redacted_debug!(PasswordResetCompletion {});

impl PasswordResetCompletion {
    /// Validates the code and the new password (against the portal's words; the server adds the
    /// account's own names).
    pub fn validate(&self, context: &[&str]) -> Result<(CodeCardAnswer, Password), FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = errors.check("code", CodeCardAnswer::parse(&self.code));
        let new = errors.check("new_password", choose_password(&self.new_password, context));
        match (code, new) {
            (Some(c), Some(n)) if errors.is_empty() => Ok((c, n)),
            _ => Err(errors),
        }
    }
}

/// Asking for a code card online: a Belgian national number (mod 97) and an e-mail address that
/// must be confirmed by a link. The card goes by post to the address the hospital holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeCardRequestForm {
    /// The Belgian national register (or BIS) number.
    pub national_number: String,
    /// Where the confirmation link goes.
    pub email: String,
}

impl CodeCardRequestForm {
    /// Validates both fields: the national number by its check digits, the e-mail address.
    /// ```
    /// use inzage_domain::account::CodeCardRequestForm;
    /// let bad = CodeCardRequestForm { national_number: "85.07.30-033.29".into(), email: "an@example.be".into() };
    /// assert_eq!(bad.validate().unwrap_err().first("national_number").map(|m| m.key.as_ref()), Some("insz.invalid_checksum"));
    /// ```
    pub fn validate(&self) -> Result<(Insz, EmailAddress), FieldErrors> {
        let mut errors = FieldErrors::default();
        let number = match NationalNumber::parse(&self.national_number) {
            Ok(NationalNumber::Be(n)) => Some(n),
            Ok(NationalNumber::Nl(_)) => {
                errors.add(
                    "national_number",
                    Message::new("account.card_needs_belgian_number"),
                );
                None
            }
            Err(m) => {
                errors.add("national_number", m);
                None
            }
        };
        let email = errors.check("email", EmailAddress::parse(&self.email));
        match (number, email) {
            (Some(n), Some(e)) if errors.is_empty() => Ok((n, e)),
            _ => Err(errors),
        }
    }
}

/// What the person gets to read after a request by e-mail link: the same whatever the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledgement {
    /// The message to show.
    pub message: Message,
}

/// A code card request in the back office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCardRequest {
    /// The request.
    pub id: String,
    /// `online`, `account` or `desk`.
    pub channel: String,
    /// The patient the card is for.
    pub patient_name: String,
    /// The hospital's record number, if known.
    pub record_number: Option<String>,
    /// The postal address the hospital holds, to post the card to.
    pub postal_address: Option<String>,
    /// When it was confirmed.
    #[serde(with = "time::serde::rfc3339")]
    pub confirmed_at: OffsetDateTime,
}

/// The helpdesk looks up an account by any of its login names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountLookup {
    /// A national number, record number or username.
    pub username: String,
}

/// What the helpdesk sees of an account: never a secret, only its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpdeskAccount {
    /// The account (none: the patient has no account yet).
    pub account_id: Option<String>,
    /// Whose it is.
    pub display_name: String,
    /// The patient, for a patient's account (to print a card at the desk).
    pub patient_id: Option<String>,
    /// Consecutive failed logins since the last success.
    pub failures: i64,
    /// Locked until then, after too many failures in a row.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub locked_until: Option<OffsetDateTime>,
    /// Disabled after 100 failures (NIST SP 800-63B) until the helpdesk unlocks it.
    pub disabled: bool,
    /// Whether a card is active.
    pub has_card: bool,
    /// Open sessions.
    pub sessions: usize,
    /// Why the hospital suspended the account, when it did.
    #[serde(default)]
    pub suspended_reason: Option<String>,
}

/// The portal's terms of use as the person is asked to accept them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Terms {
    /// The version in force.
    pub version: String,
    /// Whom to contact with questions: phone.
    pub helpdesk_phone: Option<String>,
    /// Whom to contact with questions: e-mail.
    pub helpdesk_email: Option<String>,
}

/// The person accepts a version of the terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TermsAcceptance {
    /// The version the person read (must be the one in force).
    pub version: String,
}

/// The hospital suspends an account for misuse, with a reason the person will read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Suspension {
    /// Why, in words the person understands (shown to them at login).
    pub reason: String,
}

impl Suspension {
    /// A reason is required, at most 500 characters.
    /// ```
    /// use inzage_domain::account::Suspension;
    /// assert!(Suspension { reason: "  ".into() }.validate().is_err());
    /// assert!(Suspension { reason: "Herhaald misbruik van de berichtenfunctie".into() }.validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let reason = self.reason.trim();
        let mut errors = FieldErrors::default();
        if reason.is_empty() {
            errors.add("reason", Message::new("account.suspension_reason_empty"));
        } else if reason.chars().count() > 500 {
            errors.add("reason", Message::new("account.suspension_reason_too_long"));
        }
        if errors.is_empty() {
            Ok(reason.to_owned())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn chosen_passwords_follow_nist_without_composition_rules() {
        assert!(choose_password("alleen kleine letters", &[]).is_ok());
        assert!(
            choose_password("12345678901234", &[]).is_ok(),
            "digits only is fine"
        );
        assert_eq!(
            choose_password("kort", &[]).unwrap_err(),
            PasswordError::TooShort
        );
        assert_eq!(
            choose_password(&"x".repeat(129), &[]).unwrap_err(),
            PasswordError::TooLong
        );
        assert_eq!(
            choose_password("IkBenJanPeeters", &["jan.peeters", "Jan"]).unwrap_err(),
            PasswordError::ContainsName,
            "a three-letter name counts"
        );
        assert!(
            choose_password("tuin met bloemen", &["an"]).is_ok(),
            "two letters do not"
        );
        assert_eq!(
            choose_password("85073003328 mijn nummer", &["85073003328"]).unwrap_err(),
            PasswordError::ContainsName
        );
    }

    #[test]
    fn single_use_cards_ask_only_unused_codes_and_rotation_any() {
        let mode = CodeCardMode::SingleUse { renew_at: 4 };
        let used = [1, 2, 3];
        for r in 0..200 {
            let p = mode.pick(r, &used).unwrap();
            assert!(!used.contains(&p.get()));
        }
        let all: Vec<u8> = (1..=24).collect();
        assert_eq!(mode.pick(5, &all), None);
        assert_eq!(mode.codes_left(20), 4);
        assert!(mode.offers_new_card(mode.codes_left(20)));
        assert_eq!(CodeCardMode::Rotation.codes_left(20), 24);
        assert!(CodeCardMode::Rotation.pick(3, &all).is_some());
    }

    #[test]
    fn a_username_cannot_be_a_number() {
        let e = UsernameChange {
            username: "1234567".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.first("username").map(|m| m.key.as_ref()),
            Some("account.username_is_a_number")
        );
        assert_eq!(
            UsernameChange {
                username: "An.Peeters".into()
            }
            .validate()
            .unwrap()
            .as_str(),
            "an.peeters"
        );
    }

    #[test]
    fn card_requests_need_a_belgian_number_and_an_address() {
        let form = CodeCardRequestForm {
            national_number: "111222333".into(),
            email: "geen-adres".into(),
        };
        let e = form.validate().unwrap_err();
        assert_eq!(
            e.first("national_number").map(|m| m.key.as_ref()),
            Some("account.card_needs_belgian_number")
        );
        assert!(e.first("email").is_some());
    }
}

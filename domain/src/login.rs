//! What a person types to log in: the username in its three forms, the password and the code card.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::ident::{Insz, InszError};
use crate::message::HasMessageKey;

/// How many codes a printed code card holds.
pub const CODE_CARD_SIZE: u8 = 24;

/// How many digits one code on the card has.
///
/// Eight digits give 26.6 bits of entropy, above the 20 bits NIST SP 800-63B asks of a look-up
/// secret; the card prints them as two groups of four so they are easy to type on a phone.
pub const CODE_DIGITS: usize = 8;

/// The shortest password a person may choose (NIST SP 800-63B, for a password used with a second
/// factor such as the code card).
pub const PASSWORD_MIN_CHARS: usize = 8;

/// The longest password accepted, also at login, so hashing cost stays bounded.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// The username a person logs in with, in one of the three forms the portal accepts.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum LoginName {
    /// A Belgian national register or BIS number.
    NationalNumber(Insz),
    /// The hospital's record number (patiëntnummer).
    RecordNumber(RecordNumber),
    /// A username the person chose.
    Username(Username),
}

impl LoginName {
    /// Recognises the form of a typed username and validates it.
    ///
    /// Eleven digits (with optional separators) are read as a national number, four to ten plain
    /// digits as a record number, and anything else as a chosen username.
    ///
    /// ```
    /// use inzage_domain::LoginName;
    /// assert!(matches!(LoginName::parse("85.07.30-033.28"), Ok(LoginName::NationalNumber(_))));
    /// assert!(matches!(LoginName::parse("1234567"), Ok(LoginName::RecordNumber(_))));
    /// assert!(matches!(LoginName::parse("Margery.Gibson"), Ok(LoginName::Username(_))));
    /// ```
    pub fn parse(input: &str) -> Result<Self, LoginNameError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(LoginNameError::Empty);
        }
        let numeric = s
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | ' '));
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if numeric && digits == 11 {
            return Insz::parse(s)
                .map(LoginName::NationalNumber)
                .map_err(LoginNameError::NationalNumber);
        }
        if s.chars().all(|c| c.is_ascii_digit()) {
            return RecordNumber::parse(s)
                .map(LoginName::RecordNumber)
                .map_err(LoginNameError::RecordNumber);
        }
        Username::parse(s)
            .map(LoginName::Username)
            .map_err(LoginNameError::Username)
    }

    /// A stable key for this login name, used to count failed attempts and to find the account.
    ///
    /// Distinct forms never share a key, so a username cannot collide with a record number.
    /// ```
    /// use inzage_domain::LoginName;
    /// assert_eq!(LoginName::parse("Margery").unwrap().key(), "user:margery");
    /// assert_eq!(LoginName::parse("1000001").unwrap().key(), "record:1000001");
    /// ```
    pub fn key(&self) -> String {
        match self {
            LoginName::NationalNumber(n) => format!("insz:{}", n.as_str()),
            LoginName::RecordNumber(n) => format!("record:{}", n.as_str()),
            LoginName::Username(n) => format!("user:{}", n.as_str()),
        }
    }
}

impl fmt::Debug for LoginName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A login name identifies a person: never print it in logs.
        let form = match self {
            LoginName::NationalNumber(_) => "NationalNumber",
            LoginName::RecordNumber(_) => "RecordNumber",
            LoginName::Username(_) => "Username",
        };
        write!(f, "LoginName::{form}(<redacted>)")
    }
}

/// Why a typed username is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoginNameError {
    /// Nothing was typed.
    #[error("the username is empty")]
    Empty,
    /// Eleven digits that are not a valid national number.
    #[error("not a valid national number: {0}")]
    NationalNumber(InszError),
    /// Digits that are not a valid record number.
    #[error("not a valid record number: {0}")]
    RecordNumber(RecordNumberError),
    /// Not a valid chosen username.
    #[error("not a valid username: {0}")]
    Username(UsernameError),
}

impl HasMessageKey for LoginNameError {
    fn message_key(&self) -> &'static str {
        match self {
            LoginNameError::Empty => "login.username.empty",
            LoginNameError::NationalNumber(e) => e.message_key(),
            LoginNameError::RecordNumber(e) => e.message_key(),
            LoginNameError::Username(e) => e.message_key(),
        }
    }
}

/// A hospital record number (patiëntnummer): four to ten digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordNumber(String);

impl RecordNumber {
    /// Validates a record number.
    /// ```
    /// use inzage_domain::RecordNumber;
    /// assert_eq!(RecordNumber::parse(" 1000001 ").unwrap().as_str(), "1000001");
    /// assert!(RecordNumber::parse("12a4").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, RecordNumberError> {
        let s = input.trim();
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(RecordNumberError::InvalidCharacter);
        }
        if !(4..=10).contains(&s.len()) {
            return Err(RecordNumberError::WrongLength);
        }
        Ok(Self(s.to_owned()))
    }

    /// The digits of the record number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RecordNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecordNumber(<redacted>)")
    }
}

impl fmt::Display for RecordNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for RecordNumber {
    type Error = RecordNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<RecordNumber> for String {
    fn from(value: RecordNumber) -> Self {
        value.0
    }
}

/// Why a record number is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordNumberError {
    /// Something other than digits.
    #[error("a record number has digits only")]
    InvalidCharacter,
    /// Fewer than four or more than ten digits.
    #[error("a record number has four to ten digits")]
    WrongLength,
}

impl HasMessageKey for RecordNumberError {
    fn message_key(&self) -> &'static str {
        match self {
            RecordNumberError::InvalidCharacter => "record_number.invalid_character",
            RecordNumberError::WrongLength => "record_number.wrong_length",
        }
    }
}

/// A username a person chose: 3 to 64 characters, starting with a letter, then letters, digits,
/// `.`, `_` or `-`. Compared without regard to case, stored in lowercase.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

impl Username {
    /// Validates and normalises a chosen username.
    /// ```
    /// use inzage_domain::Username;
    /// assert_eq!(Username::parse("Jan.Peeters").unwrap().as_str(), "jan.peeters");
    /// assert!(Username::parse("1jan").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, UsernameError> {
        let s = input.trim();
        let mut chars = s.chars();
        match chars.next() {
            None => return Err(UsernameError::TooShort),
            Some(c) if !c.is_alphabetic() => return Err(UsernameError::MustStartWithLetter),
            Some(_) => {}
        }
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-')))
        {
            return Err(UsernameError::InvalidCharacter(c));
        }
        let count = s.chars().count();
        if count < 3 {
            return Err(UsernameError::TooShort);
        }
        if count > 64 {
            return Err(UsernameError::TooLong);
        }
        Ok(Self(s.to_lowercase()))
    }

    /// The normalised (lowercase) username.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Username(<redacted>)")
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Username {
    type Error = UsernameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Username> for String {
    fn from(value: Username) -> Self {
        value.0
    }
}

/// Why a chosen username is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UsernameError {
    /// Fewer than three characters.
    #[error("a username has at least 3 characters")]
    TooShort,
    /// More than 64 characters.
    #[error("a username has at most 64 characters")]
    TooLong,
    /// The first character is not a letter.
    #[error("a username starts with a letter")]
    MustStartWithLetter,
    /// A character outside letters, digits, `.`, `_` and `-`.
    #[error("`{0}` is not allowed in a username")]
    InvalidCharacter(char),
}

impl HasMessageKey for UsernameError {
    fn message_key(&self) -> &'static str {
        match self {
            UsernameError::TooShort => "username.too_short",
            UsernameError::TooLong => "username.too_long",
            UsernameError::MustStartWithLetter => "username.must_start_with_letter",
            UsernameError::InvalidCharacter(_) => "username.invalid_character",
        }
    }
}

/// A password, kept out of logs.
///
/// NIST SP 800-63B: a minimum length, a generous maximum, every printable character and space
/// allowed, and no composition rules.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// A password typed at login: anything non-empty up to the maximum length.
    ///
    /// Login does not apply the minimum length, so that a policy change never locks anyone out
    /// and an attacker learns nothing from the error.
    /// ```
    /// use inzage_domain::Password;
    /// assert!(Password::for_login("kort").is_ok(), "no minimum at login");
    /// assert!(Password::for_login("").is_err());
    /// ```
    pub fn for_login(input: &str) -> Result<Self, PasswordError> {
        if input.is_empty() {
            return Err(PasswordError::Empty);
        }
        if input.chars().count() > PASSWORD_MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        Ok(Self(input.to_owned()))
    }

    /// A password a person chooses: at least [`PASSWORD_MIN_CHARS`] characters.
    /// ```
    /// use inzage_domain::Password;
    /// assert!(Password::new_chosen("vier woorden zijn genoeg").is_ok());
    /// assert!(Password::new_chosen("kort").is_err());
    /// ```
    pub fn new_chosen(input: &str) -> Result<Self, PasswordError> {
        let p = Self::for_login(input)?;
        if input.chars().count() < PASSWORD_MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        Ok(p)
    }

    /// The secret itself, to hash or verify. Never log it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Why a password is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PasswordError {
    /// Nothing was typed.
    #[error("the password is empty")]
    Empty,
    /// Shorter than the minimum.
    #[error("a password has at least 8 characters")]
    TooShort,
    /// Longer than the maximum.
    #[error("a password has at most 128 characters")]
    TooLong,
    /// Contains the username, the national number or the portal's name (NIST SP 800-63B:
    /// context-specific words).
    #[error("the password contains the username or the portal's name")]
    ContainsName,
    /// On the blocklist of commonly used passwords (checked by the server, whose list is too large
    /// for the browser).
    #[error("the password is too common")]
    Common,
}

impl HasMessageKey for PasswordError {
    fn message_key(&self) -> &'static str {
        match self {
            PasswordError::Empty => "password.empty",
            PasswordError::TooShort => "password.too_short",
            PasswordError::TooLong => "password.too_long",
            PasswordError::ContainsName => "password.contains_name",
            PasswordError::Common => "password.common",
        }
    }
}

/// A position on the code card, from 1 to 24.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "u8", into = "u8")]
pub struct CodeCardPosition(u8);

impl CodeCardPosition {
    /// Validates a position.
    /// ```
    /// use inzage_domain::CodeCardPosition;
    /// assert!(CodeCardPosition::new(24).is_ok());
    /// assert!(CodeCardPosition::new(25).is_err());
    /// ```
    pub fn new(position: u8) -> Result<Self, CodeCardPositionError> {
        if (1..=CODE_CARD_SIZE).contains(&position) {
            Ok(Self(position))
        } else {
            Err(CodeCardPositionError::OutOfRange)
        }
    }

    /// The position picked by a random number, which may be any `u32` (reduced modulo 24).
    /// ```
    /// use inzage_domain::CodeCardPosition;
    /// assert_eq!(CodeCardPosition::from_random(0).get(), 1);
    /// assert_eq!(CodeCardPosition::from_random(47).get(), 24);
    /// ```
    pub fn from_random(random: u32) -> Self {
        // The remainder is below 24, so the cast and the addition cannot overflow.
        Self((random % u32::from(CODE_CARD_SIZE)) as u8 + 1)
    }

    /// Every position of a card, in order.
    pub fn all() -> impl Iterator<Item = CodeCardPosition> {
        (1..=CODE_CARD_SIZE).map(CodeCardPosition)
    }

    /// The position as a number from 1 to 24.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for CodeCardPosition {
    type Error = CodeCardPositionError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<CodeCardPosition> for u8 {
    fn from(value: CodeCardPosition) -> Self {
        value.0
    }
}

impl fmt::Display for CodeCardPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Why a code card position is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeCardPositionError {
    /// Not between 1 and 24.
    #[error("a code card position is between 1 and 24")]
    OutOfRange,
}

impl HasMessageKey for CodeCardPositionError {
    fn message_key(&self) -> &'static str {
        "code_card.position.out_of_range"
    }
}

/// One code typed from the card: eight digits, spaces allowed between them. Kept out of logs.
#[derive(Clone, PartialEq, Eq)]
pub struct CodeCardAnswer(String);

impl CodeCardAnswer {
    /// Validates a typed code and keeps its digits.
    /// ```
    /// use inzage_domain::CodeCardAnswer;
    /// assert_eq!(CodeCardAnswer::parse("1234 5678").unwrap().printed(), "1234 5678");
    /// assert!(CodeCardAnswer::parse("1234").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, CodeCardAnswerError> {
        let mut digits = String::with_capacity(CODE_DIGITS);
        for c in input.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !matches!(c, ' ' | '-' | '\u{a0}') {
                return Err(CodeCardAnswerError::InvalidCharacter);
            }
        }
        if digits.is_empty() {
            return Err(CodeCardAnswerError::Empty);
        }
        if digits.len() != CODE_DIGITS {
            return Err(CodeCardAnswerError::WrongLength);
        }
        Ok(Self(digits))
    }

    /// The digits, to hash or verify. Never log them.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// The code as printed on the card: two groups of four digits.
    pub fn printed(&self) -> String {
        format!("{} {}", &self.0[..4], &self.0[4..])
    }
}

impl fmt::Debug for CodeCardAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeCardAnswer(<redacted>)")
    }
}

impl FromStr for CodeCardAnswer {
    type Err = CodeCardAnswerError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Why a typed code is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeCardAnswerError {
    /// Nothing was typed.
    #[error("the code is empty")]
    Empty,
    /// Something other than digits and spaces.
    #[error("a code has digits only")]
    InvalidCharacter,
    /// Not exactly eight digits.
    #[error("a code has 8 digits")]
    WrongLength,
}

impl HasMessageKey for CodeCardAnswerError {
    fn message_key(&self) -> &'static str {
        match self {
            CodeCardAnswerError::Empty => "code_card.answer.empty",
            CodeCardAnswerError::InvalidCharacter => "code_card.answer.invalid_character",
            CodeCardAnswerError::WrongLength => "code_card.answer.wrong_length",
        }
    }
}

// proptest needs an OS random source: these run natively; tests/browser.rs runs the tables in wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn form(input: &str) -> Result<&'static str, &'static str> {
        LoginName::parse(input)
            .map(|n| match n {
                LoginName::NationalNumber(_) => "national",
                LoginName::RecordNumber(_) => "record",
                LoginName::Username(_) => "username",
            })
            .map_err(|e| e.message_key())
    }

    #[test]
    fn login_names_are_recognised_by_form() {
        let table = [
            ("85.07.30-033.28", Ok("national")),
            ("85073003328", Ok("national")),
            (" 85073003328 ", Ok("national")),
            ("85073003329", Err("insz.invalid_checksum")),
            ("1234567", Ok("record")),
            ("0001", Ok("record")),
            ("123", Err("record_number.wrong_length")),
            ("12345678901234", Err("record_number.wrong_length")),
            ("margery", Ok("username")),
            ("Margery.Gibson", Ok("username")),
            ("jé-rôme_2", Ok("username")),
            ("ab", Err("username.too_short")),
            ("1abc", Err("username.must_start_with_letter")),
            ("bad name", Err("username.invalid_character")),
            ("a@b.be", Err("username.invalid_character")),
            ("", Err("login.username.empty")),
            ("   ", Err("login.username.empty")),
        ];
        for (input, expected) in table {
            assert_eq!(form(input), expected, "input {input:?}");
        }
        let long = format!("a{}", "b".repeat(64));
        assert_eq!(form(&long), Err("username.too_long"));
    }

    #[test]
    fn usernames_compare_without_case() {
        let a = LoginName::parse("Margery").unwrap();
        let b = LoginName::parse("margery").unwrap();
        assert_eq!(a.key(), b.key());
        assert_eq!(a.key(), "user:margery");
    }

    #[test]
    fn login_names_are_redacted_in_debug() {
        let n = LoginName::parse("85073003328").unwrap();
        assert!(!format!("{n:?}").contains("8507"));
    }

    #[test]
    fn passwords_follow_nist_length_rules_only() {
        assert_eq!(Password::for_login(""), Err(PasswordError::Empty));
        assert!(Password::for_login("x").is_ok());
        assert_eq!(Password::new_chosen("short"), Err(PasswordError::TooShort));
        assert!(Password::new_chosen("all lowercase words").is_ok());
        assert!(Password::new_chosen("🙂🙂🙂🙂🙂🙂🙂🙂").is_ok());
        let long = "x".repeat(PASSWORD_MAX_CHARS + 1);
        assert_eq!(Password::for_login(&long), Err(PasswordError::TooLong));
        assert!(!format!("{:?}", Password::for_login("secret").unwrap()).contains("secret"));
    }

    #[test]
    fn code_card_positions_are_1_to_24() {
        assert!(CodeCardPosition::new(0).is_err());
        assert!(CodeCardPosition::new(1).is_ok());
        assert!(CodeCardPosition::new(24).is_ok());
        assert!(CodeCardPosition::new(25).is_err());
        assert_eq!(CodeCardPosition::all().count(), 24);
        assert!(serde_json::from_str::<CodeCardPosition>("25").is_err());
        assert_eq!(
            serde_json::from_str::<CodeCardPosition>("7").unwrap().get(),
            7
        );
    }

    #[test]
    fn code_card_answers() {
        let table = [
            ("1234 5678", Ok("12345678")),
            ("12345678", Ok("12345678")),
            (" 1234-5678 ", Ok("12345678")),
            ("", Err(CodeCardAnswerError::Empty)),
            ("  ", Err(CodeCardAnswerError::Empty)),
            ("1234567", Err(CodeCardAnswerError::WrongLength)),
            ("123456789", Err(CodeCardAnswerError::WrongLength)),
            ("1234abcd", Err(CodeCardAnswerError::InvalidCharacter)),
        ];
        for (input, expected) in table {
            let got = CodeCardAnswer::parse(input);
            assert_eq!(
                got.as_ref().map(CodeCardAnswer::expose_secret),
                expected.as_ref().map(|s| *s),
                "{input:?}"
            );
        }
        assert_eq!(
            CodeCardAnswer::parse("12345678").unwrap().printed(),
            "1234 5678"
        );
    }

    proptest! {
        #[test]
        fn every_random_number_gives_a_valid_position(r in any::<u32>()) {
            let p = CodeCardPosition::from_random(r);
            prop_assert!(CodeCardPosition::new(p.get()).is_ok());
        }

        #[test]
        fn login_name_parsing_never_panics_and_is_trim_stable(s in "\\PC{0,80}") {
            let a = LoginName::parse(&s).map(|n| n.key());
            let b = LoginName::parse(&format!("  {s}  ")).map(|n| n.key());
            prop_assert_eq!(a, b);
        }
    }
}

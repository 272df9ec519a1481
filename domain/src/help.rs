//! A question to the helpdesk from a person who is stuck, with or without an account (someone
//! who cannot log in is the helpdesk's most common visitor): the form's checks, shared by the
//! browser and the server, and the answer staff send back by e-mail.
//!
//! The form goes as multipart fields beside an optional screenshot (PNG or JPEG, checked by
//! content on the server). It becomes a case in staff's back office, open until answered.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::contact::EmailAddress;
use crate::message::Message;
use crate::sharing::is_bidi_control;
use crate::wire::FieldErrors;

/// What the question is about, for the helpdesk to sort and for the person to find the FAQ's
/// answer first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HelpCategory {
    /// Logging in (username, eID, itsme, DigiD).
    Login,
    /// The printed code card: lost, blocked, not received.
    CodeCard,
    /// The password: forgotten, reset mail not received.
    Password,
    /// What the record shows, or does not.
    Record,
    /// Who can see the record; acting for someone else.
    Access,
    /// Anything else, a technical problem included.
    Other,
}

impl HelpCategory {
    /// Every category, in the order the form offers them.
    pub const ALL: [HelpCategory; 6] = [
        HelpCategory::Login,
        HelpCategory::CodeCard,
        HelpCategory::Password,
        HelpCategory::Record,
        HelpCategory::Access,
        HelpCategory::Other,
    ];

    /// The category as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            HelpCategory::Login => "login",
            HelpCategory::CodeCard => "code_card",
            HelpCategory::Password => "password",
            HelpCategory::Record => "record",
            HelpCategory::Access => "access",
            HelpCategory::Other => "other",
        }
    }

    /// The category of a stored or sent name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The longest name a question may give.
pub const HELP_NAME_MAX: usize = 200;
/// The longest question, in characters.
pub const HELP_MESSAGE_MAX: usize = 2000;
/// The longest answer, in characters.
pub const HELP_ANSWER_MAX: usize = 5000;
/// The largest screenshot, in bytes.
pub const HELP_SCREENSHOT_MAX: usize = 5 * 1024 * 1024;

/// The helpdesk form's text fields (multipart, beside the optional `screenshot`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpQuestion {
    /// A [`HelpCategory`].
    pub category: String,
    /// The person's name.
    pub name: String,
    /// Where the helpdesk answers.
    pub email: String,
    /// The question.
    pub message: String,
}

/// A checked [`HelpQuestion`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedQuestion {
    /// What it is about.
    pub category: HelpCategory,
    /// The name, trimmed.
    pub name: String,
    /// The address to answer.
    pub email: EmailAddress,
    /// The question, trimmed.
    pub message: String,
}

/// Checks a text others read: trimmed, not empty, at most `max` characters, and without text-
/// direction characters (which could disguise it); a message may have line breaks and tabs,
/// a name no control characters at all.
fn check_text(
    errors: &mut FieldErrors,
    (field, empty): (&str, &'static str),
    text: &str,
    max: usize,
    multiline: bool,
) -> String {
    let text = text.trim();
    let bad = |c: char| is_bidi_control(c) || (c.is_control() && !(multiline && c.is_whitespace()));
    if text.is_empty() {
        errors.add(field, Message::new(empty));
    } else if text.chars().count() > max {
        errors.add(
            field,
            Message::new("help.too_long").arg("max", max.to_string()),
        );
    } else if text.chars().any(bad) {
        errors.add(field, Message::new("help.control"));
    }
    text.to_owned()
}

impl HelpQuestion {
    /// Checks every field, one message per bad field.
    ///
    /// ```
    /// use inzage_domain::help::{HelpCategory, HelpQuestion};
    /// let q = HelpQuestion {
    ///     category: "code_card".into(),
    ///     name: " An Peeters ".into(),
    ///     email: "an@example.be".into(),
    ///     message: "Mijn kaart is kwijt.".into(),
    /// };
    /// let ok = q.validate().unwrap();
    /// assert_eq!((ok.category, ok.name.as_str()), (HelpCategory::CodeCard, "An Peeters"));
    /// let errors = HelpQuestion::default().validate().unwrap_err();
    /// for field in ["category", "name", "email", "message"] {
    ///     assert!(errors.first(field).is_some(), "{field}");
    /// }
    /// ```
    pub fn validate(&self) -> Result<CheckedQuestion, FieldErrors> {
        let mut errors = FieldErrors::default();
        let category = HelpCategory::parse(&self.category);
        if category.is_none() {
            errors.add("category", Message::new("help.category.unknown"));
        }
        let name = check_text(
            &mut errors,
            ("name", "help.name.empty"),
            &self.name,
            HELP_NAME_MAX,
            false,
        );
        let email = errors.check("email", EmailAddress::parse(&self.email));
        let message = check_text(
            &mut errors,
            ("message", "help.message.empty"),
            &self.message,
            HELP_MESSAGE_MAX,
            true,
        );
        match (category, email) {
            (Some(category), Some(email)) if errors.is_empty() => Ok(CheckedQuestion {
                category,
                name,
                email,
                message,
            }),
            _ => Err(errors),
        }
    }
}

/// Staff's answer to a question, sent to the person by e-mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpAnswer {
    /// The answer.
    pub answer: String,
}

impl HelpAnswer {
    /// Checks the answer: 1 to [`HELP_ANSWER_MAX`] characters; returns it trimmed.
    ///
    /// ```
    /// use inzage_domain::help::HelpAnswer;
    /// let blank = HelpAnswer { answer: "  ".into() };
    /// assert_eq!(blank.validate().unwrap_err().first("answer").unwrap().key, "help.answer.empty");
    /// ```
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::default();
        let answer = check_text(
            &mut errors,
            ("answer", "help.answer.empty"),
            &self.answer,
            HELP_ANSWER_MAX,
            true,
        );
        if errors.is_empty() {
            Ok(answer)
        } else {
            Err(errors)
        }
    }
}

/// The short reference of a question, which the person quotes when they call: `HD-` and the
/// first eight characters of its id, in capitals.
///
/// ```
/// assert_eq!(inzage_domain::help::reference("3f2a9c1b-0000-4000-8000-000000000000"), "HD-3F2A9C1B");
/// ```
pub fn reference(id: &str) -> String {
    let head: String = id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    format!("HD-{}", head.to_ascii_uppercase())
}

/// A question filed, as its sender sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpFiled {
    /// The reference to quote.
    pub reference: String,
    /// When it was filed.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
}

/// An open question as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffHelpCase {
    /// The case.
    pub id: String,
    /// Its reference.
    pub reference: String,
    /// What it is about.
    pub category: HelpCategory,
    /// The name given.
    pub name: String,
    /// The address to answer.
    pub email: String,
    /// The question.
    pub message: String,
    /// When it was filed.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
    /// The portal account it was sent from, by the name of its patient, if the person was
    /// logged in.
    #[serde(default)]
    pub account_name: Option<String>,
    /// The screenshot's size in bytes, if one came with it (at
    /// `/staff/help/{id}/screenshot`).
    #[serde(default)]
    pub screenshot_size: Option<i64>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn question(category: &str, name: &str, email: &str, message: &str) -> HelpQuestion {
        HelpQuestion {
            category: category.into(),
            name: name.into(),
            email: email.into(),
            message: message.into(),
        }
    }

    fn key(q: &HelpQuestion, field: &str) -> Option<String> {
        q.validate()
            .err()
            .and_then(|e| e.first(field).map(|m| m.key.to_string()))
    }

    #[test]
    fn each_category_round_trips() {
        for c in HelpCategory::ALL {
            assert_eq!(HelpCategory::parse(c.as_str()), Some(c));
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::json!(c.as_str())
            );
        }
        assert_eq!(HelpCategory::parse("Login"), None);
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let good = question("login", "An", "an@example.be", "Ik kan niet inloggen.");
        assert!(good.validate().is_ok());
        let cases = [
            (
                question("billing", "An", "an@example.be", "x"),
                "category",
                "help.category.unknown",
            ),
            (
                question("login", " ", "an@example.be", "x"),
                "name",
                "help.name.empty",
            ),
            (
                question("login", "An\u{202e}", "an@example.be", "x"),
                "name",
                "help.control",
            ),
            (
                question("login", "An\nPeeters", "an@example.be", "x"),
                "name",
                "help.control",
            ),
            (
                question("login", "An", "an@", "x"),
                "email",
                "contact.email.invalid",
            ),
            (
                question("login", "An", "an@example.be", ""),
                "message",
                "help.message.empty",
            ),
            (
                question("login", "An", "an@example.be", "a\u{0}b"),
                "message",
                "help.control",
            ),
        ];
        for (q, field, expected) in cases {
            let got = key(&q, field);
            assert!(
                got.as_deref() == Some(expected) || (field == "email" && got.is_some()),
                "{field}: {got:?}"
            );
        }
        // A message keeps its lines; a long one is refused with its limit.
        assert!(
            question("other", "An", "an@example.be", "Regel 1\nRegel 2\tmet tab")
                .validate()
                .is_ok()
        );
        let long = "x".repeat(HELP_MESSAGE_MAX + 1);
        let errors = question("other", "An", "an@example.be", &long)
            .validate()
            .unwrap_err();
        let m = errors.first("message").unwrap();
        assert_eq!(
            (m.key.as_ref(), m.get("max")),
            ("help.too_long", Some("2000"))
        );
    }

    #[test]
    fn an_answer_is_one_to_five_thousand_characters() {
        let answer = |s: &str| HelpAnswer { answer: s.into() }.validate();
        assert_eq!(
            answer("  Uw nieuwe kaart is onderweg. ").unwrap(),
            "Uw nieuwe kaart is onderweg."
        );
        assert!(answer("").is_err());
        assert!(answer(&"x".repeat(HELP_ANSWER_MAX + 1)).is_err());
    }
}

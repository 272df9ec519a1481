//! The JSON API's request and response shapes, shared by the browser and the server.
//!
//! These are the only serialized shapes of the API; both sides import them, so they cannot drift.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::login::{CodeCardAnswer, CodeCardPosition, LoginName, Password};
use crate::message::{HasMessageKey, Message};

/// The path prefix of every API route.
pub const API_PREFIX: &str = "/api/v1";

/// Step one of logging in: the username, to get the code card position to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginChallengeRequest {
    /// The username as typed.
    pub username: String,
}

/// The code card position the person must answer, valid for a few minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginChallengeResponse {
    /// Identifies this challenge in the second step.
    pub challenge_id: String,
    /// Which of the 24 codes to type.
    pub position: CodeCardPosition,
}

/// Step two of logging in: username, password and the code at the asked position.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The challenge from step one.
    pub challenge_id: String,
    /// The username as typed.
    pub username: String,
    /// The password as typed.
    pub password: String,
    /// The code as typed.
    pub code: String,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("challenge_id", &self.challenge_id)
            .finish_non_exhaustive()
    }
}

/// A login form that passed validation.
#[derive(Debug, Clone)]
pub struct ValidLogin {
    /// The recognised username.
    pub name: LoginName,
    /// The password.
    pub password: Password,
    /// The code.
    pub code: CodeCardAnswer,
}

impl LoginRequest {
    /// Validates every field, collecting one message per bad field.
    ///
    /// The browser shows these beside the fields; the server answers them with status 422.
    /// ```
    /// use inzage_domain::wire::LoginRequest;
    /// let form = LoginRequest {
    ///     challenge_id: "c1".into(),
    ///     username: "".into(),
    ///     password: "geheim".into(),
    ///     code: "1234 5678".into(),
    /// };
    /// let errors = form.validate().unwrap_err();
    /// assert_eq!(errors.first("username").map(|m| m.key.as_ref()), Some("login.username.empty"));
    /// ```
    pub fn validate(&self) -> Result<ValidLogin, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.check("username", LoginName::parse(&self.username));
        let password = errors.check("password", Password::for_login(&self.password));
        let code = errors.check("code", CodeCardAnswer::parse(&self.code));
        match (name, password, code) {
            (Some(name), Some(password), Some(code)) if errors.is_empty() => Ok(ValidLogin {
                name,
                password,
                code,
            }),
            _ => Err(errors),
        }
    }
}

impl LoginChallengeRequest {
    /// Validates the username.
    pub fn validate(&self) -> Result<LoginName, FieldErrors> {
        let mut errors = FieldErrors::default();
        errors
            .check("username", LoginName::parse(&self.username))
            .ok_or(errors)
    }
}

/// Validation messages by field name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub BTreeMap<String, Vec<Message>>);

impl FieldErrors {
    /// Records the error of a field, if any, and passes the value on.
    /// ```
    /// use inzage_domain::wire::FieldErrors;
    /// use inzage_domain::Username;
    /// let mut errors = FieldErrors::default();
    /// assert!(errors.check("username", Username::parse("x")).is_none());
    /// assert_eq!(errors.first("username").map(|m| m.key.as_ref()), Some("username.too_short"));
    /// ```
    pub fn check<T, E: HasMessageKey>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, Message::from(&e));
                None
            }
        }
    }

    /// Adds a message to a field.
    pub fn add(&mut self, field: &str, message: Message) {
        self.0.entry(field.to_owned()).or_default().push(message);
    }

    /// Whether no field has an error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first message of a field.
    pub fn first(&self, field: &str) -> Option<&Message> {
        self.0.get(field).and_then(|m| m.first())
    }
}

/// Who is logged in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// The name to greet the person with.
    pub display_name: String,
}

crate::redacted_debug!(Me {});

/// One report in the list.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// The report's id, for its URL.
    pub id: String,
    /// What the report is (for example "Basic Metabolic Panel").
    pub title: String,
    /// The kind of report (for example "Laboratory").
    pub category: Option<String>,
    /// The clinically relevant date.
    pub date: Date,
    /// The hospital that wrote it.
    pub hospital: String,
}

crate::redacted_debug!(ReportSummary { id });

/// The cutoff date of one hospital, to explain why older reports are missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HospitalCutoff {
    /// The hospital's name.
    pub hospital: String,
    /// Reports dated before this day are not shown.
    pub cutoff: Date,
}

/// The reports a person may read, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportList {
    /// The reports.
    pub reports: Vec<ReportSummary>,
    /// The cutoff dates of the hospitals of this record.
    pub cutoffs: Vec<HospitalCutoff>,
}

/// One measured value within a report.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultLine {
    /// What was measured.
    pub name: String,
    /// The value as text, as the lab reported it.
    pub value: String,
    /// The unit, if any.
    pub unit: Option<String>,
}

crate::redacted_debug!(ResultLine {});

/// A whole report.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDetail {
    /// The report's id.
    pub id: String,
    /// What the report is.
    pub title: String,
    /// The kind of report.
    pub category: Option<String>,
    /// The clinically relevant date.
    pub date: Date,
    /// The hospital that wrote it.
    pub hospital: String,
    /// Who wrote or validated it, if known.
    pub author: Option<String>,
    /// The author's conclusion, if any.
    pub conclusion: Option<String>,
    /// Measured values, if any.
    pub results: Vec<ResultLine>,
    /// The report's text, if it has one.
    pub text: Option<String>,
    /// How to reach the hospital with questions about it, when the network file says.
    #[serde(default)]
    pub contact: Option<HospitalContact>,
}

/// How patients reach a hospital.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HospitalContact {
    /// Telephone number, as printed.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
}

crate::redacted_debug!(ReportDetail { id });

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable code such as `validation`, `unauthenticated`, `not_found`, `locked`.
    pub error: String,
    /// What went wrong, to translate.
    pub message: Message,
    /// Per-field validation messages, for `validation` errors.
    #[serde(default, skip_serializing_if = "FieldErrors::is_empty")]
    pub fields: FieldErrors,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_login_field_is_reported() {
        let req = LoginRequest {
            challenge_id: "c".into(),
            username: "".into(),
            password: "".into(),
            code: "12".into(),
        };
        let errors = req.validate().err().unwrap_or_default();
        assert_eq!(
            errors.first("username").map(|m| m.key.as_ref()),
            Some("login.username.empty")
        );
        assert_eq!(
            errors.first("password").map(|m| m.key.as_ref()),
            Some("password.empty")
        );
        assert_eq!(
            errors.first("code").map(|m| m.key.as_ref()),
            Some("code_card.answer.wrong_length")
        );
    }

    #[test]
    fn a_good_login_validates() {
        let req = LoginRequest {
            challenge_id: "c".into(),
            username: "margery".into(),
            password: "a long passphrase".into(),
            code: "1234 5678".into(),
        };
        assert!(req.validate().is_ok());
        assert!(!format!("{req:?}").contains("passphrase"));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let json = r#"{"username":"x","extra":1}"#;
        assert!(serde_json::from_str::<LoginChallengeRequest>(json).is_err());
    }
}

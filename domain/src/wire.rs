//! The JSON API's request and response shapes, shared by the browser and the server.
//!
//! These are the only serialized shapes of the API; both sides import them, so they cannot drift.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::access::{Decision, Facts, PractitionerId, Principal};
use crate::explain::Language;
use crate::ident::{Bsn, Insz};
use crate::reuse::ReusePurpose;

use crate::login::{CodeCardAnswer, CodeCardPosition, LoginName, Password};
use crate::message::{HasMessageKey, Message};

/// The path prefix of every API route.
pub const API_PREFIX: &str = "/api/v1";

/// Step one of logging in: the username, to get the code card position to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginChallengeRequest {
    /// The username as typed.
    pub username: String,
}

/// The code card position the person must answer, valid for a few minutes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginChallengeResponse {
    /// Identifies this challenge in the second step.
    pub challenge_id: String,
    /// Which of the 24 codes to type.
    #[cfg_attr(feature = "openapi", schema(value_type = u8, minimum = 1, maximum = 24))]
    pub position: CodeCardPosition,
    /// The options for `navigator.credentials.get` to log in with a passkey instead of the code:
    /// the same for every username, known or not, with or without passkeys (an empty allow list:
    /// the authenticator offers the portal's discoverable credentials). Absent only when the
    /// portal's address cannot carry passkeys (an IP address other than the loopback).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub passkey: Option<crate::passkey::RequestChallengeResponse>,
}

/// Step two of logging in: username, password and the code at the asked position.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// The name to greet the person with.
    pub display_name: String,
    /// Whether a patient (or someone acting for one) or a care provider is logged in.
    pub kind: AccountKind,
    /// The record the person acts on by default: their own (none for a care provider).
    #[serde(default)]
    pub record: Option<String>,
    /// The language the person chose; none: the browser's.
    #[serde(default)]
    pub language: Option<Language>,
    /// The version of the terms of use the person must accept before anything else; none when
    /// accepted (or not asked of this kind of account).
    #[serde(default)]
    pub terms_to_accept: Option<String>,
}

/// The person chooses the portal's language (none: follow the browser).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LanguageChoice {
    /// `nl`, `fr` or `en`; `null` to follow the browser again.
    pub language: Option<Language>,
}

/// Whom an account belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A patient, who may also act for others.
    Patient,
    /// A care provider.
    Practitioner,
    /// Hospital staff handling requests in the back office.
    Staff,
}

crate::redacted_debug!(Me {});

/// The kind of identity provider a login route goes through, which tells the national number
/// its ID token asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum IdentityKind {
    /// The Belgian federal authentication service (CSAM/FAS: eID card reader, itsme and the
    /// other federal keys): a Belgian national register or BIS number.
    BeFas,
    /// itsme directly: a Belgian national register or BIS number.
    Itsme,
    /// DigiD (Logius): a Dutch citizen service number.
    Digid,
}

impl IdentityKind {
    /// Reads the national number claim of this kind of provider: an INSZ (mod-97 check) for the
    /// Belgian services, a BSN (eleven test) for DigiD. A number of the other country fails.
    /// ```
    /// use inzage_domain::wire::{IdentityKind, NationalNumber};
    /// assert!(matches!(IdentityKind::BeFas.national_number("85073003328"), Ok(NationalNumber::Be(_))));
    /// assert!(IdentityKind::BeFas.national_number("85073003329").is_err());
    /// assert!(matches!(IdentityKind::Digid.national_number("111222333"), Ok(NationalNumber::Nl(_))));
    /// assert!(IdentityKind::Digid.national_number("85073003328").is_err());
    /// ```
    pub fn national_number(self, claim: &str) -> Result<NationalNumber, Message> {
        match self {
            IdentityKind::BeFas | IdentityKind::Itsme => Insz::parse(claim)
                .map(NationalNumber::Be)
                .map_err(|e| Message::from(&e)),
            IdentityKind::Digid => Bsn::parse(claim)
                .map(NationalNumber::Nl)
                .map_err(|e| Message::from(&e)),
        }
    }
}

/// A text in each language of the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalText {
    /// Dutch.
    pub nl: String,
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl LocalText {
    /// The text in a language.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Nl => &self.nl,
            Language::Fr => &self.fr,
            Language::En => &self.en,
        }
    }
}

/// An identity provider the login page offers, beside username, password and code card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentityProviderInfo {
    /// The id in the provider's routes (`/api/v1/oidc/{id}/start`).
    pub id: String,
    /// Which kind of provider, and so which national number it asserts.
    pub kind: IdentityKind,
    /// The button's text.
    pub name: LocalText,
}

/// One report in the list.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HospitalCutoff {
    /// The hospital's name.
    pub hospital: String,
    /// Reports dated before this day are not shown.
    pub cutoff: Date,
}

/// The reports a person may read, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportList {
    /// The reports: one page of those that pass the filters.
    pub reports: Vec<ReportSummary>,
    /// The cutoff dates of the hospitals of this record.
    pub cutoffs: Vec<HospitalCutoff>,
    /// Which page this is, of how many reports that pass the filters.
    #[serde(default)]
    pub page: crate::listing::Page,
    /// The hospitals of all the reports the person may read, to filter on.
    #[serde(default)]
    pub hospitals: Vec<crate::listing::HospitalOption>,
}

/// One measured value within a report.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultLine {
    /// What was measured.
    pub name: String,
    /// The value as text, as the lab reported it.
    pub value: String,
    /// The unit, if any.
    pub unit: Option<String>,
    /// The reference range as the lab gave it (`3.5–5.1`, `< 200`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_range: Option<String>,
}

crate::redacted_debug!(ResultLine {});

/// A whole report.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// The documents it carries (a letter as PDF, a scan), to view or download.
    #[serde(default)]
    pub documents: Vec<ReportDocument>,
}

/// A document a report carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportDocument {
    /// Its place (1, 2, 3…), for the download's address.
    pub index: u32,
    /// Its title.
    pub title: String,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
}

/// How patients reach a hospital.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HospitalContact {
    /// Telephone number, as printed.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
}

crate::redacted_debug!(ReportDetail { id });

/// A care provider's role, as the network knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PractitionerRole {
    /// A general practitioner (huisarts).
    GeneralPractitioner,
    /// A hospital specialist.
    Specialist,
    /// A practitioner outside the network who refers patients.
    Referrer,
}

impl PractitionerRole {
    /// The role as stored and sent (`general_practitioner`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            PractitionerRole::GeneralPractitioner => "general_practitioner",
            PractitionerRole::Specialist => "specialist",
            PractitionerRole::Referrer => "referrer",
        }
    }

    /// The role of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [
            PractitionerRole::GeneralPractitioner,
            PractitionerRole::Specialist,
            PractitionerRole::Referrer,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// Someone the access page names, as the network knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonCard {
    /// Who.
    pub principal: Principal,
    /// Their name.
    pub name: String,
    /// A care provider's role.
    #[serde(default)]
    pub role: Option<PractitionerRole>,
    /// Where a care provider works.
    #[serde(default)]
    pub institution: Option<String>,
    /// How many of the record's reports they can read now.
    pub readable_reports: u32,
}

/// A referring practitioner's pending request to read the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingReferral {
    /// Who asks.
    pub practitioner: PractitionerId,
    /// Why, in their words.
    pub reason: String,
    /// When they asked.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
}

/// Where the patient's data was reused beyond care.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReuseProject {
    /// The project's name.
    pub name: String,
    /// Why the data was reused.
    pub purpose: ReusePurpose,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub used_at: OffsetDateTime,
}

/// Everything the "Toegangen" page needs: the record's facts (so the browser can run the same
/// [`crate::manage`] functions as the server), the people they name, pending requests, and
/// where the data was reused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessView {
    /// The server's clock: decide at this instant, in the browser too.
    #[serde(with = "time::serde::rfc3339")]
    pub now: OffsetDateTime,
    /// The record's facts.
    pub facts: Facts,
    /// The people the facts and requests name.
    pub people: Vec<PersonCard>,
    /// Referral requests awaiting the patient's answer.
    pub requests: Vec<PendingReferral>,
    /// Where the data was reused.
    pub projects: Vec<ReuseProject>,
}

impl AccessView {
    /// The card of a principal, if the view names them.
    pub fn card(&self, principal: &Principal) -> Option<&PersonCard> {
        self.people.iter().find(|c| &c.principal == principal)
    }
}

/// One entry of the audit trail as the patient sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Its position in the trail.
    pub seq: i64,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Who.
    pub actor: Principal,
    /// Their name at the time.
    pub actor_name: String,
    /// Their role at the time (`patient`, `person`, or a practitioner's role).
    pub actor_role: String,
    /// `read` or `change`.
    pub action: String,
    /// What was read or changed.
    pub resource: String,
    /// Whether it was allowed.
    pub permitted: bool,
    /// Why it was allowed or refused.
    pub reasons: Vec<Message>,
}

/// A page of the audit trail, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// The entries.
    pub entries: Vec<AuditEntry>,
    /// Pass as `before` to get the next (older) page; none when this is the last.
    #[serde(default)]
    pub next_before: Option<i64>,
}

/// The record as another person sees it now ("view as"), for the patient: read-only,
/// computed by the same decisions, and not logged as that person's access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViewAs {
    /// Whose view.
    pub principal: Principal,
    /// Their name.
    pub name: String,
    /// Whether they may read the record now, and why.
    pub read: Decision,
    /// The reports they would see (none when they may not read the record).
    pub reports: Vec<ReportSummary>,
}

/// A patient on a care provider's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProviderPatient {
    /// The record's id.
    pub record: String,
    /// The patient's name.
    pub name: String,
    /// Their birth date.
    #[serde(default)]
    pub birth_date: Option<Date>,
    /// Whether the provider may read the record now, and why.
    pub read: Decision,
}

/// A record as a care provider opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProviderRecord {
    /// The patient.
    pub patient: ProviderPatient,
    /// The reports the provider may read.
    pub reports: Vec<ReportSummary>,
}

/// A referring practitioner asks to read a patient's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferralRequest {
    /// The patient's Belgian national number.
    pub national_number: String,
    /// Why the practitioner needs the record, shown to the patient.
    pub reason: String,
}

/// The longest reason a referral request may give.
pub const REFERRAL_REASON_MAX: usize = 500;

impl ReferralRequest {
    /// Validates both fields.
    /// ```
    /// use inzage_domain::wire::ReferralRequest;
    /// let bad = ReferralRequest { national_number: "123".into(), reason: " ".into() };
    /// let errors = bad.validate().unwrap_err();
    /// assert_eq!(errors.first("reason").map(|m| m.key.as_ref()), Some("referral.reason.empty"));
    /// assert!(errors.first("national_number").is_some());
    /// ```
    pub fn validate(&self) -> Result<(Insz, String), FieldErrors> {
        let mut errors = FieldErrors::default();
        let insz = errors.check("national_number", Insz::parse(&self.national_number));
        let reason = self.reason.trim();
        if reason.is_empty() {
            errors.add("reason", Message::new("referral.reason.empty"));
        } else if reason.chars().count() > REFERRAL_REASON_MAX {
            errors.add(
                "reason",
                Message::new("referral.reason.too_long")
                    .arg("max", REFERRAL_REASON_MAX.to_string()),
            );
        }
        match insz {
            Some(insz) if errors.is_empty() => Ok((insz, reason.to_owned())),
            _ => Err(errors),
        }
    }
}

/// A parent asks for a link to their child's record (Belgium: the parent–child link; the
/// Netherlands: parental authority). Hospital staff check it and approve or refuse it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LinkRequest {
    /// The child's name, as the parent writes it.
    pub child_name: String,
    /// The child's national number: the Belgian national register number (11 digits) or the
    /// Dutch BSN (9 digits).
    pub child_national_number: String,
    /// The message to the hospital.
    pub message: String,
}

/// The longest name and message a link request may give.
pub const LINK_NAME_MAX: usize = 200;
/// See [`LINK_NAME_MAX`].
pub const LINK_MESSAGE_MAX: usize = 1000;

impl LinkRequest {
    /// Validates every field, collecting one message per bad field.
    /// ```
    /// use inzage_domain::wire::LinkRequest;
    /// let bad = LinkRequest { child_name: "".into(), child_national_number: "12".into(), message: "".into() };
    /// let errors = bad.validate().unwrap_err();
    /// assert_eq!(errors.first("child_name").map(|m| m.key.as_ref()), Some("link.child_name.empty"));
    /// assert!(errors.first("child_national_number").is_some());
    /// assert!(errors.first("message").is_none(), "the message may be empty");
    /// ```
    pub fn validate(&self) -> Result<(NationalNumber, String, String), FieldErrors> {
        let mut errors = FieldErrors::default();
        let number = match NationalNumber::parse(&self.child_national_number) {
            Ok(n) => Some(n),
            Err(m) => {
                errors.add("child_national_number", m);
                None
            }
        };
        let name = self.child_name.trim();
        if name.is_empty() {
            errors.add("child_name", Message::new("link.child_name.empty"));
        } else if name.chars().count() > LINK_NAME_MAX {
            errors.add(
                "child_name",
                Message::new("link.child_name.too_long").arg("max", LINK_NAME_MAX.to_string()),
            );
        }
        let message = self.message.trim();
        if message.chars().count() > LINK_MESSAGE_MAX {
            errors.add(
                "message",
                Message::new("link.message.too_long").arg("max", LINK_MESSAGE_MAX.to_string()),
            );
        }
        match number {
            Some(n) if errors.is_empty() => Ok((n, name.to_owned(), message.to_owned())),
            _ => Err(errors),
        }
    }
}

/// An application to represent an adult patient who cannot decide, by someone who does not
/// manage their record (a partner, child, parent or sibling in Belgium; the curator or mentor a
/// Dutch court appointed). Sent as multipart form fields beside the signed form (or the court's
/// decision) as a PDF; hospital staff approve it (`manage::representation`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RepresentationRequest {
    /// What is asked: `representative`, `curator` or `mentor`.
    pub kind: String,
    /// The patient's name, as the applicant writes it.
    pub patient_name: String,
    /// The patient's Belgian national register number or Dutch BSN.
    pub patient_national_number: String,
    /// Who the applicant is for the patient, and why the patient cannot decide.
    pub message: String,
}

/// A checked [`RepresentationRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Representation {
    /// What is asked.
    pub kind: crate::manage::DesignationKind,
    /// The patient's national number.
    pub number: NationalNumber,
    /// The patient's name, trimmed.
    pub patient_name: String,
    /// The message, trimmed.
    pub message: String,
}

impl RepresentationRequest {
    /// Validates every field, collecting one message per bad field; the kind must be one an
    /// applicant may ask for, and the message (who they are, why the patient cannot decide)
    /// is required.
    /// ```
    /// use inzage_domain::wire::RepresentationRequest;
    /// let bad = RepresentationRequest { kind: "trusted_person".into(), ..Default::default() };
    /// let errors = bad.validate().unwrap_err();
    /// assert_eq!(errors.first("kind").map(|m| m.key.as_ref()), Some("representation.patient_only"));
    /// assert_eq!(errors.first("patient_name").map(|m| m.key.as_ref()), Some("representation.patient_name.empty"));
    /// assert!(errors.first("patient_national_number").is_some());
    /// assert_eq!(errors.first("message").map(|m| m.key.as_ref()), Some("representation.message.empty"));
    /// ```
    pub fn validate(&self) -> Result<Representation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = match crate::manage::DesignationKind::parse(&self.kind) {
            Some(k) if k.by_applicant() => Some(k),
            Some(_) => {
                errors.add("kind", Message::new("representation.patient_only"));
                None
            }
            None => {
                errors.add("kind", Message::new("designation.kind.unknown"));
                None
            }
        };
        let number = match NationalNumber::parse(&self.patient_national_number) {
            Ok(n) => Some(n),
            Err(m) => {
                errors.add("patient_national_number", m);
                None
            }
        };
        let name = self.patient_name.trim();
        if name.is_empty() {
            errors.add(
                "patient_name",
                Message::new("representation.patient_name.empty"),
            );
        } else if name.chars().count() > LINK_NAME_MAX {
            errors.add(
                "patient_name",
                Message::new("link.child_name.too_long").arg("max", LINK_NAME_MAX.to_string()),
            );
        }
        let message = self.message.trim();
        if message.is_empty() {
            errors.add("message", Message::new("representation.message.empty"));
        } else if message.chars().count() > LINK_MESSAGE_MAX {
            errors.add(
                "message",
                Message::new("link.message.too_long").arg("max", LINK_MESSAGE_MAX.to_string()),
            );
        }
        match (kind, number) {
            (Some(kind), Some(number)) if errors.is_empty() => Ok(Representation {
                kind,
                number,
                patient_name: name.to_owned(),
                message: message.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// A record whose patient cannot decide now (an incapacity staff recorded), as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffIncapacity {
    /// The record.
    pub record: String,
    /// The patient's name.
    pub patient_name: String,
    /// The patient's birth date.
    #[serde(default)]
    pub birth_date: Option<Date>,
    /// Since when the patient cannot decide.
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
    /// The representatives who act for the patient meanwhile, by name.
    pub representatives: Vec<String>,
}

/// Staff record that a patient can decide again (from a doctor's assessment).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CapacityRegained {
    /// On what ground (required; kept in the patient's audit trail).
    pub reason: String,
}

/// A person's national number in either country the portal serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NationalNumber {
    /// Belgium: the national register (or BIS) number.
    Be(Insz),
    /// The Netherlands: the citizen service number.
    Nl(Bsn),
}

impl NationalNumber {
    /// Reads either number: 11 digits are a Belgian number, 9 a BSN (separators allowed);
    /// the error is the chosen number's own, or `national_number.wrong_length`.
    /// ```
    /// use inzage_domain::wire::NationalNumber;
    /// assert!(matches!(NationalNumber::parse("111222333"), Ok(NationalNumber::Nl(_))));
    /// assert!(matches!(NationalNumber::parse("85.07.30-033.28"), Ok(NationalNumber::Be(_))));
    /// assert_eq!(NationalNumber::parse("12345").unwrap_err().key, "national_number.wrong_length");
    /// ```
    pub fn parse(input: &str) -> Result<Self, Message> {
        let digits = input.chars().filter(char::is_ascii_digit).count();
        match digits {
            11 => Insz::parse(input)
                .map(NationalNumber::Be)
                .map_err(|e| Message::from(&e)),
            9 => Bsn::parse(input)
                .map(NationalNumber::Nl)
                .map_err(|e| Message::from(&e)),
            0 if input.trim().is_empty() => Err(Message::new("national_number.empty")),
            _ => Err(Message::new("national_number.wrong_length")),
        }
    }

    /// The digits only.
    pub fn as_str(&self) -> &str {
        match self {
            NationalNumber::Be(n) => n.as_str(),
            NationalNumber::Nl(n) => n.as_str(),
        }
    }
}

/// Where a link request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Waiting for hospital staff.
    Pending,
    /// Approved.
    Approved,
    /// Refused, with a reason.
    Refused,
}

/// A link request as the parent sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkRequestStatus {
    /// The request.
    pub id: String,
    /// The child's name as written.
    pub child_name: String,
    /// When it was filed.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
    /// Where it stands.
    pub status: RequestStatus,
    /// Staff's reason, for a refusal (or a note with an approval).
    #[serde(default)]
    pub reason: Option<String>,
    /// What is asked: none for a parent's link to a child's record; a representative, curator
    /// or mentor for an application to represent an adult ([`RepresentationRequest`]).
    #[serde(default)]
    pub kind: Option<crate::manage::DesignationKind>,
}

/// A pending link request as hospital staff see it, with the record it would link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffLinkRequest {
    /// The request.
    pub id: String,
    /// Who asks.
    pub requester_name: String,
    /// The child's name as written.
    pub child_name: String,
    /// The national number as given (digits only).
    pub child_national_number: String,
    /// The parent's message.
    pub message: String,
    /// When it was filed.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
    /// The name of the patient with that national number, if there is one.
    #[serde(default)]
    pub record_name: Option<String>,
    /// That patient's birth date.
    #[serde(default)]
    pub record_birth_date: Option<Date>,
    /// None for a parent's link request; for an application to represent an adult, what is
    /// asked (the child's fields then name the adult patient).
    #[serde(default)]
    pub kind: Option<crate::manage::DesignationKind>,
    /// The size in bytes of the application's signed form, if it has one (download it at
    /// `/staff/link-requests/{id}/form`).
    #[serde(default)]
    pub form_size: Option<i64>,
}

/// Staff's decision on a request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffDecision {
    /// Approve (true) or refuse (false).
    pub approve: bool,
    /// Why; required for a refusal, shown to the requester.
    #[serde(default)]
    pub reason: String,
    /// A parent's link request, refused because the parent has no parental authority (the
    /// Netherlands only): the child's record then names the parent with that reason, and no
    /// consent of the child gives them access later.
    #[serde(default)]
    pub without_authority: bool,
    /// Approving an application to be a Belgian patient's representative: staff established
    /// (from a doctor's assessment) that the patient cannot exercise their rights now, and the
    /// approval records it (`manage::representation`).
    #[serde(default)]
    pub incapacity: bool,
}

/// A designation request as the record's manager sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DesignationStatus {
    /// The request.
    pub id: String,
    /// What is asked.
    pub kind: crate::manage::DesignationKind,
    /// Whom it designates, as written.
    pub designee_name: String,
    /// When the form was uploaded.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
    /// Where it stands.
    pub status: RequestStatus,
    /// Staff's reason, for a refusal.
    #[serde(default)]
    pub reason: Option<String>,
}

/// A pending designation as hospital staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffDesignation {
    /// The request.
    pub id: String,
    /// Whose record.
    pub patient_name: String,
    /// What is asked.
    pub kind: crate::manage::DesignationKind,
    /// Whom it designates, as written.
    pub designee_name: String,
    /// Their national number as given (digits only).
    pub designee_national_number: String,
    /// The name of the person the network knows by that number, if any.
    #[serde(default)]
    pub designee_record_name: Option<String>,
    /// When the form was uploaded.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
    /// The form's size in bytes (download it at `/staff/designations/{id}/form`).
    pub form_size: i64,
}

/// A record the logged-in person may act on: their own, a child's, or that of someone who named
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedRecord {
    /// The record's id.
    pub record: String,
    /// The patient's name.
    pub name: String,
    /// Whether it is the person's own record.
    pub own: bool,
    /// The decision on reading it now, with its reasons.
    pub read: Decision,
    /// The next birthday on which access to it changes, with what changes.
    #[serde(default)]
    pub next_change: Option<crate::manage::AgeChange>,
    /// Whether that birthday comes within a month, by the server's clock (`AgeChange::is_soon`):
    /// the time in which the people concerned are told, and the portal highlights it.
    #[serde(default)]
    pub change_soon: bool,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// A stable code such as `validation`, `unauthenticated`, `not_found`, `locked`.
    pub error: String,
    /// What went wrong, to translate.
    pub message: Message,
    /// Per-field validation messages, for `validation` errors.
    #[serde(default, skip_serializing_if = "FieldErrors::is_empty")]
    pub fields: FieldErrors,
    /// The domain's reasons, for `forbidden` errors (why the person may not do this).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Message>,
    /// The message as a sentence in the person's language (their profile's, else the
    /// request's `Accept-Language`, else Dutch), for clients that do not translate keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The person's notification settings, with the address notices go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationView {
    /// The settings.
    pub settings: crate::notify::NotificationSettings,
    /// The account's e-mail address, if any.
    #[serde(default)]
    pub email: Option<String>,
    /// Whether that address is confirmed: notices go only to a confirmed address.
    pub email_confirmed: bool,
    /// The other addresses notices go to (once confirmed).
    #[serde(default)]
    pub addresses: Vec<crate::notify::NoticeAddress>,
}

/// A hospital a person can write to about the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageHospital {
    /// The hospital's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The phone number for urgent questions, when the hospital gave one.
    #[serde(default)]
    pub phone: Option<String>,
}

/// A thread as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadSummary {
    /// The thread.
    pub id: String,
    /// Whose record it is about.
    pub record: String,
    /// The hospital.
    pub hospital_id: String,
    /// Its name.
    pub hospital_name: String,
    /// The department.
    pub department: crate::messaging::Department,
    /// The subject.
    pub subject: String,
    /// Who started it.
    pub started_by: String,
    /// The doctor an e-consult goes to (their name); none for a department's thread.
    #[serde(default)]
    pub doctor: Option<String>,
    /// The last message's time.
    #[serde(with = "time::serde::rfc3339")]
    pub last_at: OffsetDateTime,
    /// How many messages it holds.
    pub messages: u32,
    /// How many messages from the other side this reader has not opened.
    pub unread: u32,
}

/// The messages page of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagesView {
    /// The hospitals that hold data of the record, to write to.
    pub hospitals: Vec<MessageHospital>,
    /// The doctors an e-consult can go to (`messaging::e_consult_doctors`).
    #[serde(default)]
    pub doctors: Vec<EConsultDoctor>,
    /// The threads this person may see, the most recent first.
    pub threads: Vec<ThreadSummary>,
}

/// A doctor a person can consult online about the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EConsultDoctor {
    /// The practitioner's id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their role (general practitioner, specialist).
    pub role: String,
}

/// An attached document, as a message lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentInfo {
    /// Its place in the message (1, 2, 3).
    pub index: u32,
    /// Its name as sent, made safe to show.
    pub name: String,
    /// `application/pdf`, `image/png` or `image/jpeg`, by content.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
}

/// One message of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadMessage {
    /// The message.
    pub id: String,
    /// Who wrote it (for the hospital: the department's staff member).
    pub author_name: String,
    /// Whether the hospital wrote it.
    pub from_hospital: bool,
    /// The text, plain.
    pub body: String,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub sent_at: OffsetDateTime,
    /// Its attachments.
    #[serde(default)]
    pub attachments: Vec<AttachmentInfo>,
}

/// A thread in the back office's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffThreadSummary {
    /// The thread.
    pub summary: ThreadSummary,
    /// Whose record it is about.
    pub patient_name: String,
}

/// A thread with its messages, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Thread {
    /// The thread.
    pub summary: ThreadSummary,
    /// Whose record (for staff: the patient's name).
    pub patient_name: String,
    /// The messages.
    pub messages: Vec<ThreadMessage>,
}

/// A hospital a request about the record can go to, with what the browser needs to assess the
/// form exactly as the server will.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestHospital {
    /// The hospital's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its settings for requests.
    pub policy: crate::requests::RequestPolicy,
    /// What it knows about the record (no signers: those are the form's uploads).
    pub context: crate::requests::RequestContext,
}

/// A filed request as the requester (and staff) see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestCase {
    /// The case.
    pub id: String,
    /// The hospital it went to.
    pub hospital_id: String,
    /// Its name.
    pub hospital_name: String,
    /// What was asked.
    pub form: crate::requests::RequestForm,
    /// The requester's note.
    pub note: String,
    /// Who filed it.
    pub requester_name: String,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub filed_at: OffsetDateTime,
    /// The day the hospital must answer by.
    pub due: Date,
    /// Whether the hospital is past that day and the case still open.
    pub overdue: bool,
    /// The fee, in euro cents (0: free).
    pub fee_cents: u32,
    /// What the assessment said when it was filed ("the first copy is free", "a practitioner
    /// inspects it for you").
    #[serde(default)]
    pub notes: Vec<Message>,
    /// Where it stands.
    pub status: crate::cases::CaseStatus,
    /// Staff's open or last question.
    #[serde(default)]
    pub question: Option<String>,
    /// The requester's answer to it.
    #[serde(default)]
    pub answer: Option<String>,
    /// Staff's reason, for a refusal.
    #[serde(default)]
    pub reason: Option<String>,
    /// Whose identity documents were attached.
    #[serde(default)]
    pub signed_by: Vec<crate::requests::Signer>,
    /// The size in bytes of the document staff delivered, once done.
    #[serde(default)]
    pub delivery_size: Option<u64>,
}

/// The requests page of a record: where requests can go, and the cases filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestsView {
    /// The server's clock, which the assessment in the browser uses.
    #[serde(with = "time::serde::rfc3339")]
    pub now: OffsetDateTime,
    /// The hospitals that hold data of this record.
    pub hospitals: Vec<RequestHospital>,
    /// Whether this person may also ask for corrections and destruction (they manage the
    /// record: the patient, a parent, a representative), or only for copies.
    pub may_manage: bool,
    /// The cases this person may see (their own; all of the record's when they manage it),
    /// newest first.
    pub cases: Vec<RequestCase>,
}

/// A hospital a relative can ask about a deceased patient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelativeHospital {
    /// The hospital's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its settings for requests (its law decides what a relative gets).
    pub policy: crate::requests::RequestPolicy,
}

/// What a person sees of their requests about deceased relatives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelativeRequestsView {
    /// The server's clock, which the assessment in the browser uses.
    #[serde(with = "time::serde::rfc3339")]
    pub now: OffsetDateTime,
    /// The network's hospitals.
    pub hospitals: Vec<RelativeHospital>,
    /// The cases this person filed, newest first.
    pub cases: Vec<RequestCase>,
}

/// The requester's answer to staff's question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CaseAnswer {
    /// The answer.
    pub answer: String,
}

/// An attached identity document, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseFile {
    /// Whose document it is.
    pub signer: crate::requests::Signer,
    /// `application/pdf`, `image/png` or `image/jpeg`, by content.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
}

/// A case in the back office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCase {
    /// The case as the requester sees it.
    pub case: RequestCase,
    /// Whose record it is about.
    pub patient_name: String,
    /// Whether staff attach a document to complete it (always, never, or as they decide).
    pub delivery: crate::cases::Delivery,
    /// The identity documents attached.
    pub files: Vec<CaseFile>,
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

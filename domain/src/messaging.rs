//! Messages (Berichten) between a patient, or whoever acts for them, and a hospital's
//! departments: what a new thread and a reply must hold, checked the same way in the browser and
//! on the server. Message text is plain text: the app shows it as text, never as HTML.

use serde::{Deserialize, Serialize};

use time::OffsetDateTime;

use crate::access::{Facts, PractitionerId, Principal};
use crate::manage::{overview, Group};
use crate::message::Message;
use crate::wire::FieldErrors;

/// The longest subject, in characters.
pub const SUBJECT_MAX: usize = 150;
/// The longest message, in characters.
pub const BODY_MAX: usize = 5000;
/// The most attachments one message carries.
pub const ATTACHMENTS_MAX: usize = 3;

/// The department of a hospital a thread goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Department {
    /// Patient questions that fit nowhere else ("patiëntvragen (overige)").
    PatientQuestions,
    /// Linking a parent to a child's record ("Ouder/kind-koppeling").
    ParentChildLink,
    /// Appointments.
    Appointments,
    /// The medical records office (copies, corrections).
    MedicalRecords,
    /// Invoices.
    Billing,
    /// An e-consult: a question to one of the doctors treating the patient, who answers it
    /// themselves; the exchange goes into the record.
    EConsult,
}

impl Department {
    /// Every department, in the order a form lists them.
    pub const ALL: [Department; 6] = [
        Department::PatientQuestions,
        Department::ParentChildLink,
        Department::Appointments,
        Department::MedicalRecords,
        Department::Billing,
        Department::EConsult,
    ];

    /// The snake_case name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Department::PatientQuestions => "patient_questions",
            Department::ParentChildLink => "parent_child_link",
            Department::Appointments => "appointments",
            Department::MedicalRecords => "medical_records",
            Department::Billing => "billing",
            Department::EConsult => "e_consult",
        }
    }

    /// The department named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// A new thread: the first message to a hospital's department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewThread {
    /// The hospital's id.
    pub hospital: String,
    /// Its department.
    pub department: Department,
    /// The doctor an e-consult goes to (one of [`e_consult_doctors`]); none for a department.
    #[serde(default)]
    pub doctor: Option<String>,
    /// The subject.
    pub subject: String,
    /// The message.
    pub body: String,
}

/// A reply in a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewReply {
    /// The message.
    pub body: String,
}

fn text(errors: &mut FieldErrors, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.add(field, Message::new(format!("messages.{field}.empty")));
    } else if value.chars().count() > max {
        errors.add(
            field,
            Message::new("messages.too_long").arg("max", max.to_string()),
        );
    }
}

impl NewThread {
    /// Checks every field; the hospital's existence is the server's to check.
    /// ```
    /// use inzage_domain::messaging::*;
    /// let t = NewThread { hospital: "h".into(), department: Department::Billing, doctor: None, subject: " ".into(), body: "Hallo".into() };
    /// assert_eq!(t.check().first("subject").map(|m| m.key.as_ref()), Some("messages.subject.empty"));
    /// ```
    pub fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.hospital.trim().is_empty() {
            errors.add("hospital", Message::new("request.hospital.empty"));
        }
        let doctor = self
            .doctor
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        match (self.department, doctor) {
            (Department::EConsult, None) => {
                errors.add("doctor", Message::new("messages.doctor.empty"));
            }
            (Department::EConsult, Some(_)) | (_, None) => {}
            (_, Some(_)) => errors.add("doctor", Message::new("messages.doctor.not_expected")),
        }
        text(&mut errors, "subject", &self.subject, SUBJECT_MAX);
        text(&mut errors, "body", &self.body, BODY_MAX);
        errors
    }
}

/// The doctors a person can consult online about a record: the general practitioner and the
/// practitioners treating the patient, as long as the access rules let them read the record
/// now (a GP the patient refused, an excluded or a former treating doctor is not offered, and
/// one who loses access can no longer open the exchange).
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::messaging::e_consult_doctors;
/// use time::macros::{date, datetime};
/// let gp = PractitionerId("dr-gp".into());
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1970 - 01 - 01)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![Fact::GeneralPractitioner { practitioner: gp.clone(), period: Period::since(datetime!(2020-01-01 0:00 UTC)) }],
/// };
/// assert_eq!(e_consult_doctors(&facts, datetime!(2026-11-27 12:00 UTC)), vec![gp]);
/// ```
pub fn e_consult_doctors(facts: &Facts, now: OffsetDateTime) -> Vec<PractitionerId> {
    let patient = Principal::Person {
        id: facts.patient.id.clone(),
    };
    overview(&patient, facts, now)
        .into_iter()
        .filter(|e| matches!(e.group, Group::GeneralPractitioner | Group::Treating))
        .filter(|e| e.read.is_permitted())
        .filter_map(|e| match e.principal {
            Principal::Practitioner { id } => Some(id),
            _ => None,
        })
        .collect()
}

impl NewReply {
    /// Checks the message.
    pub fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        text(&mut errors, "body", &self.body, BODY_MAX);
        errors
    }
}

/// Whether one more attachment fits a message that has `count` already.
pub fn attachment_fits(count: usize) -> Result<(), Message> {
    if count >= ATTACHMENTS_MAX {
        Err(Message::new("messages.too_many_attachments").arg("max", ATTACHMENTS_MAX.to_string()))
    } else {
        Ok(())
    }
}

/// An attachment's name as shown: without control characters or bidirectional overrides (a
/// name like "factuur" + U+202E + "fdp.exe" shows as what it is, "factuurfdp.exe"), at most 100
/// characters, never empty.
/// ```
/// use inzage_domain::messaging::display_name;
/// assert_eq!(display_name("scan\u{202e}fdp.exe"), "scanfdp.exe");
/// assert_eq!(display_name("a\0b.pdf"), "ab.pdf");
/// assert_eq!(display_name("\u{200f}"), "bijlage");
/// ```
pub fn display_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(
                    c,
                    '\u{200e}'
                        | '\u{200f}'
                        | '\u{202a}'..='\u{202e}'
                        | '\u{2066}'..='\u{2069}'
                        | '\u{feff}'
                )
        })
        .take(100)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        "bijlage".into()
    } else {
        clean.to_owned()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn thread(subject: &str, body: &str) -> NewThread {
        NewThread {
            hospital: "az".into(),
            department: Department::PatientQuestions,
            doctor: None,
            subject: subject.into(),
            body: body.into(),
        }
    }

    fn keys(e: &FieldErrors) -> Vec<(String, String)> {
        e.0.iter()
            .flat_map(|(f, ms)| ms.iter().map(move |m| (f.clone(), m.key.to_string())))
            .collect()
    }

    #[test]
    fn an_e_consult_names_its_doctor_and_a_department_names_none() {
        let mut t = thread("Vraag", "Mag ik sporten?");
        t.department = Department::EConsult;
        assert_eq!(
            keys(&t.check()),
            [("doctor".into(), "messages.doctor.empty".into())]
        );
        t.doctor = Some(" ".into());
        assert_eq!(
            keys(&t.check()),
            [("doctor".into(), "messages.doctor.empty".into())]
        );
        t.doctor = Some("dr-gp".into());
        assert!(t.check().is_empty());
        t.department = Department::Billing;
        assert_eq!(
            keys(&t.check()),
            [("doctor".into(), "messages.doctor.not_expected".into())]
        );
        assert_eq!(Department::parse("e_consult"), Some(Department::EConsult));
    }

    #[test]
    fn only_doctors_who_may_read_the_record_take_an_e_consult() {
        use crate::access::{Fact, HospitalPolicy, Patient, Period, PersonId};
        use time::macros::{date, datetime};
        let now = datetime!(2026-11-27 12:00 UTC);
        let since = Period::since(datetime!(2020-01-01 0:00 UTC));
        let gp = PractitionerId("dr-gp".into());
        let treating = PractitionerId("dr-treating".into());
        let former = PractitionerId("dr-former".into());
        let referrer = PractitionerId("dr-referrer".into());
        let mut facts = Facts {
            patient: Patient {
                id: PersonId("p1".into()),
                birth_date: Some(date!(1970 - 01 - 01)),
                died_at: None,
            },
            hospital: HospitalPolicy::belgian(),
            facts: vec![
                Fact::GeneralPractitioner {
                    practitioner: gp.clone(),
                    period: since,
                },
                Fact::TherapeuticRelationship {
                    practitioner: treating.clone(),
                    period: since,
                },
                Fact::TherapeuticRelationship {
                    practitioner: former,
                    period: Period::between(
                        datetime!(2020-01-01 0:00 UTC),
                        datetime!(2021-01-01 0:00 UTC),
                    ),
                },
                Fact::ReferrerConsent {
                    practitioner: referrer,
                    period: since,
                },
            ],
        };
        let mut doctors = e_consult_doctors(&facts, now);
        doctors.sort();
        assert_eq!(doctors, vec![gp.clone(), treating.clone()]);
        // The patient refuses the GP: no longer offered.
        facts.facts.push(Fact::GpAccessRefused { period: since });
        assert_eq!(e_consult_doctors(&facts, now), vec![treating]);
    }

    #[test]
    fn a_thread_needs_a_subject_and_a_message_of_sane_length() {
        assert!(thread("Vraag", "Wanneer is mijn afspraak?")
            .check()
            .is_empty());
        assert_eq!(
            keys(&thread("", " ").check()),
            [
                ("body".into(), "messages.body.empty".into()),
                ("subject".into(), "messages.subject.empty".into())
            ]
        );
        let long = thread(&"s".repeat(SUBJECT_MAX + 1), &"b".repeat(BODY_MAX + 1));
        assert_eq!(
            keys(&long.check()),
            [
                ("body".into(), "messages.too_long".into()),
                ("subject".into(), "messages.too_long".into())
            ]
        );
        let exact = thread(&"é".repeat(SUBJECT_MAX), &"ë".repeat(BODY_MAX));
        assert!(exact.check().is_empty(), "characters, not bytes");
        let mut nowhere = thread("a", "b");
        nowhere.hospital = String::new();
        assert_eq!(
            keys(&nowhere.check()),
            [("hospital".into(), "request.hospital.empty".into())]
        );
        assert_eq!(
            keys(&NewReply { body: "".into() }.check()),
            [("body".into(), "messages.body.empty".into())]
        );
    }

    #[test]
    fn departments_round_trip_and_attachments_are_counted() {
        for d in Department::ALL {
            assert_eq!(Department::parse(d.as_str()), Some(d));
        }
        assert_eq!(Department::parse("kitchen"), None);
        assert!(attachment_fits(0).is_ok());
        assert!(attachment_fits(ATTACHMENTS_MAX - 1).is_ok());
        assert_eq!(
            attachment_fits(ATTACHMENTS_MAX).unwrap_err().key,
            "messages.too_many_attachments"
        );
    }

    proptest! {
        /// A shown name never carries a control character or a direction override, and is
        /// never empty or longer than 100 characters.
        #[test]
        fn display_names_are_safe(name in "\\PC{0,150}|[\\x00-\\x1f\u{202a}-\u{202e}a-z.]{0,20}") {
            let shown = display_name(&name);
            prop_assert!(!shown.is_empty());
            prop_assert!(shown.chars().count() <= 100);
            let overrides = '\u{202a}'..='\u{202e}';
            let unsafe_char = shown.chars().any(|c| c.is_control() || overrides.contains(&c));
            prop_assert!(!unsafe_char, "{:?}", shown);
        }
    }
}

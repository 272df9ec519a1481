//! Requests a patient files in the portal: a copy of the record, an imaging copy, a correction,
//! an addition, destruction. Each is checked up front, so the form can say at once what is
//! missing, what it costs, when the answer is due, or why it cannot be granted (yet).

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime, Weekday};

use crate::access::{Action, Jurisdiction};
use crate::calendar::{birthday, TimeZone};
use crate::cases::Delivery;
use crate::message::Message;
use crate::wire::{FieldErrors, NationalNumber};

/// How long the hospital has to answer a request for a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// Calendar months (GDPR art. 12(3): one month from receipt).
    Months(u8),
    /// Working days, Monday to Friday (MUMC+: 20 working days for older files). Public
    /// holidays are not known to the domain and count as working days.
    WorkingDays(u16),
}

impl Term {
    /// The day the answer is due, counting from the day of receipt.
    /// ```
    /// use inzage_domain::requests::Term;
    /// use time::macros::date;
    /// assert_eq!(Term::Months(1).due(date!(2026 - 01 - 31)), date!(2026 - 02 - 28));
    /// assert_eq!(Term::WorkingDays(1).due(date!(2026 - 11 - 27)), date!(2026 - 11 - 30));
    /// ```
    pub fn due(self, received: Date) -> Date {
        match self {
            Term::Months(n) => add_months(received, n),
            Term::WorkingDays(n) => {
                let mut d = received;
                let mut left = n;
                while left > 0 {
                    d = d.next_day().unwrap_or(d);
                    if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                        left -= 1;
                    }
                }
                d
            }
        }
    }
}

/// The same day `n` months later, or the month's last day when it is shorter (31 January plus
/// one month is 28 or 29 February).
fn add_months(d: Date, n: u8) -> Date {
    let months = i32::from(u8::from(d.month())) - 1 + i32::from(n);
    let year = d.year() + months / 12;
    let month =
        Month::try_from(u8::try_from(months % 12 + 1).unwrap_or(1)).unwrap_or(Month::January);
    let last = month.length(year);
    Date::from_calendar_date(year, month, d.day().min(last)).unwrap_or(d)
}

/// A hospital's settings for requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestPolicy {
    /// Which law applies.
    pub jurisdiction: Jurisdiction,
    /// The hospital's time zone, for "today".
    #[serde(default)]
    pub time_zone: TimeZone,
    /// The term to answer a copy request.
    pub copy_term: Term,
    /// The fee for every copy after the first, in euro cents (the first copy is free: GDPR art. 15(3)).
    pub further_copy_fee_cents: u32,
    /// The fee for imaging on a DVD, in euro cents (a secure link is free).
    pub imaging_dvd_fee_cents: u32,
    /// How many years records are kept after the last treatment (NL WGBO art. 7:454: 20;
    /// BE: at least 30 for hospital records, per the hospital's configuration).
    pub retention_years: u8,
    /// How many years core data (identity, blood group, allergies) are kept after the last
    /// treatment, at least `retention_years`.
    pub core_retention_years: u8,
    /// Where psychiatric records are held, when another institution holds them (UZ Leuven:
    /// "UPC KU Leuven"): requests for them are not accepted here.
    #[serde(default)]
    pub psychiatry_held_by: Option<String>,
}

impl RequestPolicy {
    /// A Belgian hospital: one month, 30 years, core data 50 years.
    pub fn belgian() -> Self {
        Self {
            jurisdiction: Jurisdiction::Belgium,
            time_zone: TimeZone::EuropeBrussels,
            copy_term: Term::Months(1),
            further_copy_fee_cents: 1000,
            imaging_dvd_fee_cents: 1000,
            retention_years: 30,
            core_retention_years: 50,
            psychiatry_held_by: None,
        }
    }

    /// A Dutch hospital: one month, 20 years, core data 115 years.
    pub fn dutch() -> Self {
        Self {
            jurisdiction: Jurisdiction::Netherlands,
            time_zone: TimeZone::EuropeAmsterdam,
            retention_years: 20,
            core_retention_years: 115,
            ..Self::belgian()
        }
    }
}

/// Who signs a request made for someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    /// The patient (or the child the record is about).
    Patient,
    /// The first parent with parental authority.
    FirstParent,
    /// The second parent with parental authority.
    SecondParent,
    /// The partner in an IVF/ICSI treatment.
    Partner,
    /// A relative asking about a deceased patient.
    Relative,
}

/// How an imaging copy is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImagingDelivery {
    /// A DVD by post, for a fee.
    Dvd,
    /// A secure download link, free.
    SecureLink,
}

/// The kind of request, with what the form collected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RequestKind {
    /// A copy of (part of) the record.
    Copy {
        /// How many copies the patient already received.
        earlier_copies: u32,
        /// Whether it concerns psychiatric care.
        psychiatry: bool,
    },
    /// A copy of a minor's record, asked by the parents or the child.
    CopyForMinor {
        /// The child's birth date.
        child_birth_date: Date,
        /// Who signed (with an identity document uploaded).
        signed_by: Vec<Signer>,
        /// Whether the child has two parents with parental authority.
        two_parents_with_authority: bool,
    },
    /// A copy of the record of an IVF/ICSI treatment, which concerns both partners.
    CopyOfFertilityTreatment {
        /// Who signed.
        signed_by: Vec<Signer>,
    },
    /// Imaging (X-rays, scans).
    ImagingCopy {
        /// How it is delivered.
        delivery: ImagingDelivery,
    },
    /// A correction of factual data, or an addition of the patient's own statement.
    CorrectionOrAddition {
        /// The patient's statement.
        statement: String,
    },
    /// A copy of a deceased patient's record, asked by a relative.
    CopyForDeceasedRelative {
        /// The relative's degree of kinship (1: parent, child or partner; 2: sibling,
        /// grandparent, grandchild).
        degree: u8,
        /// Why the relative asks (required).
        motivation: String,
        /// The practitioner the relative names to inspect the record for them (required in
        /// Belgium, where relatives get indirect access only).
        practitioner: String,
        /// Whether the patient objected, while alive, to relatives' access after death.
        patient_objected: bool,
        /// Who signed (the relative, with an identity document).
        signed_by: Vec<Signer>,
    },
    /// Destruction of (part of) the record.
    Destruction {
        /// The last treatment or change of the data concerned.
        last_change: Date,
        /// Whether the data include core data (identity, blood group, allergies).
        core_data: bool,
    },
}

/// What the portal tells the patient before and after filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Assessment {
    /// The request can be filed: the answer is due on `due`, at this fee.
    Accepted {
        /// The day the hospital must answer by.
        due: Date,
        /// The fee in euro cents (0: free).
        fee_cents: u32,
        /// What happens, as messages (for example "your statement is added to the record").
        notes: Vec<Message>,
    },
    /// Something is missing before it can be filed.
    Incomplete {
        /// What is missing.
        missing: Vec<Message>,
    },
    /// This hospital does not hold the data: ask the named institution.
    RoutedElsewhere {
        /// The institution that holds them.
        institution: String,
    },
    /// Filed, but not answered with a copy: a practitioner the relative names inspects the
    /// record for them (Belgium, art. 9 §4), or a doctor weighs it (the Netherlands).
    Weighed {
        /// The day the hospital must answer by.
        due: Date,
        /// How it is handled.
        notes: Vec<Message>,
    },
    /// It cannot be granted, with the reason and, when it is a matter of time, from when it can.
    Refused {
        /// Why.
        reason: Message,
        /// The first day it becomes possible, if ever.
        possible_from: Option<Date>,
    },
}

/// Assesses a request received at `now` under the hospital's policy.
///
/// ```
/// use inzage_domain::requests::*;
/// use time::macros::{date, datetime};
///
/// let policy = RequestPolicy::dutch();
/// let request = RequestKind::Destruction { last_change: date!(2010 - 03 - 01), core_data: false };
/// let assessment = assess(&request, &policy, datetime!(2026-11-27 12:00 UTC));
/// assert_eq!(
///     assessment,
///     Assessment::Refused {
///         reason: inzage_domain::Message::new("request.destruction.retention").arg("years", "20"),
///         possible_from: Some(date!(2030 - 03 - 01)),
///     }
/// );
/// ```
pub fn assess(request: &RequestKind, policy: &RequestPolicy, now: OffsetDateTime) -> Assessment {
    let today = policy.time_zone.local_date(now);
    let due = policy.copy_term.due(today);
    let accepted = |fee_cents: u32, notes: Vec<Message>| Assessment::Accepted {
        due,
        fee_cents,
        notes,
    };
    match request {
        RequestKind::Copy {
            earlier_copies,
            psychiatry,
        } => {
            if let (true, Some(held_by)) = (*psychiatry, &policy.psychiatry_held_by) {
                return Assessment::RoutedElsewhere {
                    institution: held_by.clone(),
                };
            }
            if *earlier_copies == 0 {
                accepted(0, vec![Message::new("request.copy.first_free")])
            } else {
                accepted(policy.further_copy_fee_cents, vec![])
            }
        }
        RequestKind::CopyForMinor {
            child_birth_date,
            signed_by,
            two_parents_with_authority,
        } => {
            let age_reached = |years: u8| today >= birthday(*child_birth_date, years);
            let mut needed: Vec<Signer> = Vec::new();
            match policy.jurisdiction {
                Jurisdiction::Netherlands => {
                    if age_reached(16) {
                        // From 16 the child alone decides and signs.
                        needed.push(Signer::Patient);
                    } else {
                        needed.push(Signer::FirstParent);
                        if *two_parents_with_authority {
                            needed.push(Signer::SecondParent);
                        }
                        if age_reached(12) {
                            needed.push(Signer::Patient);
                        }
                    }
                }
                Jurisdiction::Belgium => {
                    // Belgium: one parent acts for a minor who cannot yet judge; from the age
                    // the hospital links parents until (15), the child signs too.
                    needed.push(Signer::FirstParent);
                    if age_reached(15) {
                        needed.push(Signer::Patient);
                    }
                }
            }
            let missing: Vec<Message> = needed
                .iter()
                .filter(|s| !signed_by.contains(s))
                .map(|s| signature_missing(*s))
                .collect();
            if missing.is_empty() {
                accepted(0, vec![])
            } else {
                Assessment::Incomplete { missing }
            }
        }
        RequestKind::CopyOfFertilityTreatment { signed_by } => {
            let missing: Vec<Message> = [Signer::Patient, Signer::Partner]
                .iter()
                .filter(|s| !signed_by.contains(s))
                .map(|s| signature_missing(*s))
                .collect();
            if missing.is_empty() {
                accepted(0, vec![])
            } else {
                Assessment::Incomplete { missing }
            }
        }
        RequestKind::ImagingCopy { delivery } => match delivery {
            ImagingDelivery::Dvd => accepted(policy.imaging_dvd_fee_cents, vec![]),
            ImagingDelivery::SecureLink => accepted(0, vec![]),
        },
        RequestKind::CorrectionOrAddition { statement } => {
            if statement.trim().is_empty() {
                Assessment::Incomplete {
                    missing: vec![Message::new("request.correction.statement_missing")],
                }
            } else {
                accepted(0, vec![Message::new("request.correction.statement_added")])
            }
        }
        RequestKind::CopyForDeceasedRelative {
            degree,
            motivation,
            practitioner,
            patient_objected,
            signed_by,
        } => {
            let mut missing = Vec::new();
            if !signed_by.contains(&Signer::Relative) {
                missing.push(signature_missing(Signer::Relative));
            }
            if motivation.trim().is_empty() {
                missing.push(Message::new("request.deceased.motivation_missing"));
            }
            if policy.jurisdiction == Jurisdiction::Belgium && practitioner.trim().is_empty() {
                missing.push(Message::new("request.deceased.practitioner_missing"));
            }
            if !missing.is_empty() {
                return Assessment::Incomplete { missing };
            }
            match policy.jurisdiction {
                Jurisdiction::Belgium if *patient_objected => Assessment::Refused {
                    reason: Message::new("request.deceased.patient_objected"),
                    possible_from: None,
                },
                Jurisdiction::Belgium if !(1..=2).contains(degree) => Assessment::Refused {
                    reason: Message::new("request.deceased.degree_too_far"),
                    possible_from: None,
                },
                Jurisdiction::Belgium => Assessment::Weighed {
                    due,
                    notes: vec![Message::new("request.deceased.through_practitioner")],
                },
                Jurisdiction::Netherlands if *degree == 0 => Assessment::Refused {
                    reason: Message::new("request.deceased.degree_too_far"),
                    possible_from: None,
                },
                Jurisdiction::Netherlands => Assessment::Weighed {
                    due,
                    notes: vec![Message::new("request.deceased.doctor_weighs")],
                },
            }
        }
        RequestKind::Destruction {
            last_change,
            core_data,
        } => {
            let years = if *core_data {
                policy.core_retention_years.max(policy.retention_years)
            } else {
                policy.retention_years
            };
            // The anniversary of the last change, `years` later (29 February: 1 March).
            let possible_from = birthday(*last_change, years);
            if today < possible_from {
                Assessment::Refused {
                    reason: Message::new("request.destruction.retention")
                        .arg("years", years.to_string()),
                    possible_from: Some(possible_from),
                }
            } else {
                accepted(0, vec![])
            }
        }
    }
}

impl Signer {
    /// Every signer, in the order a form asks for them.
    pub const ALL: [Signer; 5] = [
        Signer::Patient,
        Signer::FirstParent,
        Signer::SecondParent,
        Signer::Partner,
        Signer::Relative,
    ];

    /// The snake_case name, as in the upload field `signer_<name>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Signer::Patient => "patient",
            Signer::FirstParent => "first_parent",
            Signer::SecondParent => "second_parent",
            Signer::Partner => "partner",
            Signer::Relative => "relative",
        }
    }

    /// The form field that carries this signer's identity document.
    pub fn field(self) -> String {
        format!("signer_{}", self.as_str())
    }
}

impl RequestKind {
    /// The snake_case name of the kind, as stored and shown.
    pub fn name(&self) -> &'static str {
        match self {
            RequestKind::Copy { .. } => "copy",
            RequestKind::CopyForMinor { .. } => "copy_for_minor",
            RequestKind::CopyOfFertilityTreatment { .. } => "copy_of_fertility_treatment",
            RequestKind::ImagingCopy { .. } => "imaging_copy",
            RequestKind::CorrectionOrAddition { .. } => "correction_or_addition",
            RequestKind::CopyForDeceasedRelative { .. } => "copy_for_deceased_relative",
            RequestKind::Destruction { .. } => "destruction",
        }
    }

    /// What the requester must be allowed on the record to file it: a copy (of any kind) is
    /// [`Action::RequestCopy`], which a trusted person has; changing or destroying the record
    /// is [`Action::ManageAccess`], which only the patient or whoever acts in their place has.
    pub fn action(&self) -> Action {
        match self {
            RequestKind::CorrectionOrAddition { .. } | RequestKind::Destruction { .. } => {
                Action::ManageAccess
            }
            _ => Action::RequestCopy,
        }
    }

    /// Whether the hospital answers with a document in the portal in `jurisdiction`: always for
    /// a copy or imaging behind a secure link (staff cannot complete the case without it);
    /// when the doctor who weighs a deceased relative's request grants a copy (the
    /// Netherlands; in Belgium a practitioner inspects the record instead); never otherwise.
    pub fn delivery(&self, jurisdiction: Jurisdiction) -> Delivery {
        match self {
            RequestKind::Copy { .. }
            | RequestKind::CopyForMinor { .. }
            | RequestKind::CopyOfFertilityTreatment { .. } => Delivery::Required,
            RequestKind::ImagingCopy {
                delivery: ImagingDelivery::SecureLink,
            } => Delivery::Required,
            RequestKind::CopyForDeceasedRelative { .. }
                if jurisdiction == Jurisdiction::Netherlands =>
            {
                Delivery::Optional
            }
            RequestKind::ImagingCopy { .. }
            | RequestKind::CorrectionOrAddition { .. }
            | RequestKind::CopyForDeceasedRelative { .. }
            | RequestKind::Destruction { .. } => Delivery::None,
        }
    }
}

/// The longest free text a request accepts (a statement, a note), in characters.
pub const TEXT_MAX: usize = 4000;

/// What a person fills in on a request form about a record. Everything else the assessment
/// needs (earlier copies, the child's birth date, the last change, who signed) the server
/// knows, and [`RequestForm::kind`] takes it from a [`RequestContext`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RequestForm {
    /// A copy of (part of) the record.
    Copy {
        /// Whether it concerns psychiatric care.
        #[serde(default)]
        psychiatry: bool,
    },
    /// A copy of a minor's record (the record is the child's).
    CopyForMinor {
        /// Whether the child has two parents with parental authority.
        #[serde(default)]
        two_parents_with_authority: bool,
    },
    /// A copy of the record of an IVF/ICSI treatment.
    CopyOfFertilityTreatment,
    /// Imaging.
    ImagingCopy {
        /// How it is delivered.
        delivery: ImagingDelivery,
    },
    /// A correction of factual data, or the patient's own statement added to the record.
    CorrectionOrAddition {
        /// The statement.
        statement: String,
    },
    /// Destruction of (part of) the record.
    Destruction {
        /// Whether it includes core data (identity, blood group, allergies).
        #[serde(default)]
        core_data: bool,
    },
    /// A deceased patient's record, asked by a relative from their own account (see
    /// [`NewRelativeRequest`]).
    CopyForDeceasedRelative {
        /// The degree of kinship (1: parent, child or partner; 2: sibling, grandparent,
        /// grandchild; 3: further).
        degree: u8,
        /// Why the relative asks.
        motivation: String,
        /// The practitioner who is to inspect the record for them (Belgium).
        #[serde(default)]
        practitioner: String,
    },
}

/// A new request about a record: the hospital it goes to, what part of the record it is
/// about (free text, may be empty for "all of it"), and the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRequest {
    /// The hospital's id (one that holds data of this record).
    pub hospital: String,
    /// Which part of the record, or anything the hospital should know.
    #[serde(default)]
    pub note: String,
    /// The form.
    pub form: RequestForm,
}

impl NewRequest {
    /// Checks the free texts; the rest is for [`assess`].
    pub fn check(&self) -> crate::wire::FieldErrors {
        let mut errors = crate::wire::FieldErrors::default();
        if self.hospital.trim().is_empty() {
            errors.add("hospital", Message::new("request.hospital.empty"));
        }
        let too_long = || Message::new("request.text.too_long").arg("max", TEXT_MAX.to_string());
        if self.note.chars().count() > TEXT_MAX {
            errors.add("note", too_long());
        }
        let texts: &[(&str, &String)] = match &self.form {
            RequestForm::CorrectionOrAddition { statement } => &[("statement", statement)],
            RequestForm::CopyForDeceasedRelative {
                motivation,
                practitioner,
                ..
            } => &[("motivation", motivation), ("practitioner", practitioner)],
            _ => &[],
        };
        for (field, text) in texts {
            if text.chars().count() > TEXT_MAX {
                errors.add(field, too_long());
            }
        }
        errors
    }
}

/// A relative's request about a deceased patient's record, filed from the relative's own
/// account (death ends every portal access to the record itself): who the patient was, as the
/// relative knows them, and the request. The hospital matches the national number, birth date
/// and day of death to a patient of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRelativeRequest {
    /// The hospital's id.
    pub hospital: String,
    /// The deceased's national number (INSZ or BSN).
    pub national_number: String,
    /// The deceased's birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The day of death, `YYYY-MM-DD`.
    pub died_on: String,
    /// The degree of kinship (see [`RequestForm::CopyForDeceasedRelative`]).
    pub degree: u8,
    /// Why the relative asks.
    pub motivation: String,
    /// The practitioner who is to inspect the record (Belgium).
    #[serde(default)]
    pub practitioner: String,
    /// Anything the hospital should know (which part of the record, for example).
    #[serde(default)]
    pub note: String,
}

/// A [`NewRelativeRequest`] that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRelativeRequest {
    /// The deceased's national number.
    pub national_number: NationalNumber,
    /// The deceased's birth date.
    pub birth_date: Date,
    /// The day of death.
    pub died_on: Date,
    /// The request about the record, as any other request.
    pub request: NewRequest,
}

impl NewRelativeRequest {
    /// The request about the record it files, as any other request (with
    /// [`RequestForm::CopyForDeceasedRelative`]).
    pub fn request(&self) -> NewRequest {
        NewRequest {
            hospital: self.hospital.clone(),
            note: self.note.clone(),
            form: RequestForm::CopyForDeceasedRelative {
                degree: self.degree,
                motivation: self.motivation.clone(),
                practitioner: self.practitioner.clone(),
            },
        }
    }

    /// Checks every field (the national number by its check digits, the dates, the degree and
    /// the texts); the errors name the field and are message keys.
    /// ```
    /// use inzage_domain::requests::NewRelativeRequest;
    /// let r = NewRelativeRequest {
    ///     hospital: "az-voorbeeld".into(), national_number: "85073003328".into(),
    ///     birth_date: "1985-07-30".into(), died_on: "1985-07-29".into(), degree: 1,
    ///     motivation: "erfelijke aandoening".into(), practitioner: "dr. Peeters".into(), note: String::new(),
    /// };
    /// let errors = r.validate().unwrap_err();
    /// assert_eq!(errors.first("died_on").map(|m| m.key.as_ref()), Some("request.deceased.died_before_birth"));
    /// ```
    pub fn validate(&self) -> Result<ValidRelativeRequest, FieldErrors> {
        let request = self.request();
        let mut errors = request.check();
        let national_number = NationalNumber::parse(&self.national_number)
            .map_err(|m| errors.add("national_number", m))
            .ok();
        let mut day = |field: &str, text: &str| {
            let parsed = crate::listing::parse_day(text.trim());
            if parsed.is_none() {
                errors.add(field, Message::new("request.deceased.bad_date"));
            }
            parsed
        };
        let birth_date = day("birth_date", &self.birth_date);
        let died_on = day("died_on", &self.died_on);
        if let (Some(born), Some(died)) = (birth_date, died_on) {
            if died < born {
                errors.add(
                    "died_on",
                    Message::new("request.deceased.died_before_birth"),
                );
            }
        }
        if !(1..=3).contains(&self.degree) {
            errors.add("degree", Message::new("request.deceased.degree_unknown"));
        }
        if self.motivation.trim().is_empty() {
            errors.add(
                "motivation",
                Message::new("request.deceased.motivation_missing"),
            );
        }
        match (national_number, birth_date, died_on) {
            (Some(national_number), Some(birth_date), Some(died_on)) if errors.is_empty() => {
                Ok(ValidRelativeRequest {
                    national_number,
                    birth_date,
                    died_on,
                    request,
                })
            }
            _ => Err(errors),
        }
    }
}

/// What the hospital knows about the record when a request is filed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestContext {
    /// Copies of the record this hospital already delivered to the patient.
    pub earlier_copies: u32,
    /// The patient's birth date, if known.
    pub birth_date: Option<Date>,
    /// The last treatment or change of the record at this hospital, if it holds any.
    pub last_change: Option<Date>,
    /// Whose identity documents are attached.
    #[serde(default)]
    pub signed_by: Vec<Signer>,
    /// The day the patient died, if they did.
    #[serde(default)]
    pub died_on: Option<Date>,
    /// Whether the patient objected, while alive, to relatives' access after death.
    #[serde(default)]
    pub objected_after_death: bool,
}

impl RequestForm {
    /// The request to assess, with what the hospital knows filled in; an error when the record
    /// lacks what the kind needs (a minor's birth date, data to destroy).
    /// ```
    /// use inzage_domain::requests::*;
    /// let form = RequestForm::Copy { psychiatry: false };
    /// let ctx = RequestContext { earlier_copies: 1, ..Default::default() };
    /// assert_eq!(form.kind(&ctx), Ok(RequestKind::Copy { earlier_copies: 1, psychiatry: false }));
    /// ```
    pub fn kind(&self, ctx: &RequestContext) -> Result<RequestKind, Message> {
        Ok(match self {
            RequestForm::Copy { psychiatry } => RequestKind::Copy {
                earlier_copies: ctx.earlier_copies,
                psychiatry: *psychiatry,
            },
            RequestForm::CopyForMinor {
                two_parents_with_authority,
            } => RequestKind::CopyForMinor {
                child_birth_date: ctx
                    .birth_date
                    .ok_or_else(|| Message::new("request.minor.no_birth_date"))?,
                signed_by: ctx.signed_by.clone(),
                two_parents_with_authority: *two_parents_with_authority,
            },
            RequestForm::CopyOfFertilityTreatment => RequestKind::CopyOfFertilityTreatment {
                signed_by: ctx.signed_by.clone(),
            },
            RequestForm::ImagingCopy { delivery } => RequestKind::ImagingCopy {
                delivery: *delivery,
            },
            RequestForm::CorrectionOrAddition { statement } => RequestKind::CorrectionOrAddition {
                statement: statement.clone(),
            },
            RequestForm::Destruction { core_data } => RequestKind::Destruction {
                last_change: ctx
                    .last_change
                    .ok_or_else(|| Message::new("request.destruction.nothing_held"))?,
                core_data: *core_data,
            },
            RequestForm::CopyForDeceasedRelative {
                degree,
                motivation,
                practitioner,
            } => {
                if ctx.died_on.is_none() {
                    return Err(Message::new("request.deceased.not_deceased"));
                }
                RequestKind::CopyForDeceasedRelative {
                    degree: *degree,
                    motivation: motivation.clone(),
                    practitioner: practitioner.clone(),
                    patient_objected: ctx.objected_after_death,
                    signed_by: ctx.signed_by.clone(),
                }
            }
        })
    }

    /// The signers whose identity documents this form may carry.
    pub fn signers(&self) -> &'static [Signer] {
        match self {
            RequestForm::CopyForMinor { .. } => {
                &[Signer::FirstParent, Signer::SecondParent, Signer::Patient]
            }
            RequestForm::CopyOfFertilityTreatment => &[Signer::Patient, Signer::Partner],
            RequestForm::CopyForDeceasedRelative { .. } => &[Signer::Relative],
            _ => &[],
        }
    }
}

/// The form field a missing item of an [`Assessment::Incomplete`] belongs beside.
/// ```
/// use inzage_domain::requests::*;
/// use inzage_domain::Message;
/// let m = Message::new("request.signature_missing").arg("signer", "partner");
/// assert_eq!(missing_field(&m), "signer_partner");
/// ```
pub fn missing_field(message: &Message) -> String {
    match message.key.as_ref() {
        "request.signature_missing" => message
            .args
            .iter()
            .find(|(k, _)| k == "signer")
            .map(|(_, v)| format!("signer_{v}"))
            .unwrap_or_else(|| "form".into()),
        "request.correction.statement_missing" => "statement".into(),
        "request.deceased.motivation_missing" => "motivation".into(),
        "request.deceased.practitioner_missing" => "practitioner".into(),
        _ => "form".into(),
    }
}

fn signature_missing(signer: Signer) -> Message {
    Message::new("request.signature_missing").arg("signer", signer.as_str())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    const NOW: OffsetDateTime = datetime!(2026-11-27 12:00 UTC);

    #[test]
    fn terms_count_months_and_working_days() {
        assert_eq!(
            Term::Months(1).due(date!(2026 - 11 - 27)),
            date!(2026 - 12 - 27)
        );
        assert_eq!(
            Term::Months(1).due(date!(2026 - 01 - 31)),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            Term::Months(1).due(date!(2028 - 01 - 31)),
            date!(2028 - 02 - 29)
        );
        assert_eq!(
            Term::Months(1).due(date!(2026 - 12 - 15)),
            date!(2027 - 01 - 15)
        );
        // Friday 27 November 2026 plus 20 working days is Friday 25 December.
        assert_eq!(
            Term::WorkingDays(20).due(date!(2026 - 11 - 27)),
            date!(2026 - 12 - 25)
        );
        assert_eq!(
            Term::WorkingDays(1).due(date!(2026 - 11 - 27)),
            date!(2026 - 11 - 30)
        );
    }

    #[test]
    fn the_first_copy_is_free_and_later_ones_cost_the_fee() {
        let p = RequestPolicy::belgian();
        let first = assess(
            &RequestKind::Copy {
                earlier_copies: 0,
                psychiatry: false,
            },
            &p,
            NOW,
        );
        assert_eq!(
            first,
            Assessment::Accepted {
                due: date!(2026 - 12 - 27),
                fee_cents: 0,
                notes: vec![Message::new("request.copy.first_free")]
            }
        );
        let second = assess(
            &RequestKind::Copy {
                earlier_copies: 1,
                psychiatry: false,
            },
            &p,
            NOW,
        );
        assert!(matches!(
            second,
            Assessment::Accepted {
                fee_cents: 1000,
                ..
            }
        ));
        let mut mumc = RequestPolicy::dutch();
        mumc.copy_term = Term::WorkingDays(20);
        let older = assess(
            &RequestKind::Copy {
                earlier_copies: 0,
                psychiatry: false,
            },
            &mumc,
            NOW,
        );
        assert!(matches!(older, Assessment::Accepted { due, .. } if due == date!(2026 - 12 - 25)));
    }

    #[test]
    fn psychiatry_is_routed_where_another_institution_holds_it() {
        let mut uz = RequestPolicy::belgian();
        uz.psychiatry_held_by = Some("UPC KU Leuven".into());
        let r = RequestKind::Copy {
            earlier_copies: 0,
            psychiatry: true,
        };
        assert_eq!(
            assess(&r, &uz, NOW),
            Assessment::RoutedElsewhere {
                institution: "UPC KU Leuven".into()
            }
        );
        assert!(matches!(
            assess(&r, &RequestPolicy::belgian(), NOW),
            Assessment::Accepted { .. }
        ));
    }

    fn minor(birth: Date, signed_by: Vec<Signer>, two: bool) -> RequestKind {
        RequestKind::CopyForMinor {
            child_birth_date: birth,
            signed_by,
            two_parents_with_authority: two,
        }
    }

    fn missing(a: &Assessment) -> Vec<String> {
        match a {
            Assessment::Incomplete { missing } => missing
                .iter()
                .map(|m| m.get("signer").unwrap_or("").to_owned())
                .collect(),
            _ => vec![],
        }
    }

    #[test]
    fn dutch_copies_for_minors_need_the_right_signatures() {
        use Signer::*;
        let nl = RequestPolicy::dutch();
        // Under 12: both parents with authority.
        let a = assess(
            &minor(date!(2016 - 01 - 01), vec![FirstParent], true),
            &nl,
            NOW,
        );
        assert_eq!(missing(&a), vec!["second_parent"]);
        let a = assess(
            &minor(date!(2016 - 01 - 01), vec![FirstParent], false),
            &nl,
            NOW,
        );
        assert!(matches!(a, Assessment::Accepted { .. }));
        // 12 to 15: the child co-signs. The 12th birthday is today.
        let a = assess(
            &minor(date!(2014 - 11 - 27), vec![FirstParent, SecondParent], true),
            &nl,
            NOW,
        );
        assert_eq!(missing(&a), vec!["patient"]);
        let a = assess(
            &minor(date!(2014 - 11 - 28), vec![FirstParent, SecondParent], true),
            &nl,
            NOW,
        );
        assert!(matches!(a, Assessment::Accepted { .. }));
        // 16 and older: only the child.
        let a = assess(&minor(date!(2010 - 11 - 27), vec![Patient], true), &nl, NOW);
        assert!(matches!(a, Assessment::Accepted { .. }));
        let a = assess(
            &minor(date!(2010 - 11 - 27), vec![FirstParent, SecondParent], true),
            &nl,
            NOW,
        );
        assert_eq!(missing(&a), vec!["patient"]);
    }

    #[test]
    fn belgian_copies_for_minors() {
        use Signer::*;
        let be = RequestPolicy::belgian();
        assert!(matches!(
            assess(
                &minor(date!(2016 - 01 - 01), vec![FirstParent], true),
                &be,
                NOW
            ),
            Assessment::Accepted { .. }
        ));
        let a = assess(
            &minor(date!(2011 - 01 - 01), vec![FirstParent], true),
            &be,
            NOW,
        );
        assert_eq!(missing(&a), vec!["patient"]);
    }

    #[test]
    fn fertility_treatments_need_the_partner() {
        use Signer::*;
        let p = RequestPolicy::dutch();
        let a = assess(
            &RequestKind::CopyOfFertilityTreatment {
                signed_by: vec![Patient],
            },
            &p,
            NOW,
        );
        assert_eq!(missing(&a), vec!["partner"]);
        let a = assess(
            &RequestKind::CopyOfFertilityTreatment {
                signed_by: vec![Partner, Patient],
            },
            &p,
            NOW,
        );
        assert!(matches!(a, Assessment::Accepted { .. }));
    }

    #[test]
    fn deceased_relatives_go_through_a_practitioner_or_a_doctor() {
        let ask = |p: &RequestPolicy, degree: u8, motivation: &str, objected: bool| {
            assess(
                &RequestKind::CopyForDeceasedRelative {
                    degree,
                    motivation: motivation.into(),
                    practitioner: "dr. Peeters".into(),
                    patient_objected: objected,
                    signed_by: vec![Signer::Relative],
                },
                p,
                NOW,
            )
        };
        let be = RequestPolicy::belgian();
        let nl = RequestPolicy::dutch();
        assert_eq!(
            ask(&be, 1, " ", false),
            Assessment::Incomplete {
                missing: vec![Message::new("request.deceased.motivation_missing")]
            }
        );
        // Belgium: the relative names the practitioner who inspects; both countries want the
        // relative's identity document.
        let unsigned = RequestKind::CopyForDeceasedRelative {
            degree: 1,
            motivation: "erfelijke aandoening".into(),
            practitioner: " ".into(),
            patient_objected: false,
            signed_by: vec![],
        };
        assert_eq!(
            assess(&unsigned, &be, NOW),
            Assessment::Incomplete {
                missing: vec![
                    signature_missing(Signer::Relative),
                    Message::new("request.deceased.practitioner_missing")
                ]
            }
        );
        assert_eq!(
            assess(&unsigned, &nl, NOW),
            Assessment::Incomplete {
                missing: vec![signature_missing(Signer::Relative)]
            }
        );
        assert_eq!(
            missing_field(&Message::new("request.deceased.practitioner_missing")),
            "practitioner"
        );
        assert_eq!(
            ask(&be, 2, "erfelijke aandoening", false),
            Assessment::Weighed {
                due: date!(2026 - 12 - 27),
                notes: vec![Message::new("request.deceased.through_practitioner")]
            }
        );
        assert!(
            matches!(ask(&be, 3, "erfelijke aandoening", false), Assessment::Refused { reason, .. } if reason.key == "request.deceased.degree_too_far")
        );
        assert!(
            matches!(ask(&be, 1, "erfelijke aandoening", true), Assessment::Refused { reason, .. } if reason.key == "request.deceased.patient_objected")
        );
        assert_eq!(
            ask(&nl, 4, "erfelijke aandoening", true),
            Assessment::Weighed {
                due: date!(2026 - 12 - 27),
                notes: vec![Message::new("request.deceased.doctor_weighs")]
            }
        );
    }

    fn relative_request() -> NewRelativeRequest {
        NewRelativeRequest {
            hospital: "az-voorbeeld".into(),
            national_number: "85.07.30-033.28".into(),
            birth_date: "1985-07-30".into(),
            died_on: "2026-10-02".into(),
            degree: 1,
            motivation: "erfelijke aandoening".into(),
            practitioner: "dr. Peeters".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_relative_request_checks_the_number_the_dates_the_degree_and_the_texts() {
        let valid = relative_request().validate().unwrap();
        assert_eq!(valid.national_number.as_str(), "85073003328");
        assert_eq!(valid.birth_date, date!(1985 - 07 - 30));
        assert_eq!(valid.died_on, date!(2026 - 10 - 02));
        assert_eq!(
            valid.request.form,
            RequestForm::CopyForDeceasedRelative {
                degree: 1,
                motivation: "erfelijke aandoening".into(),
                practitioner: "dr. Peeters".into(),
            }
        );
        assert_eq!(valid.request.form.signers(), &[Signer::Relative]);
        let key = |r: NewRelativeRequest, field: &str| {
            r.validate()
                .unwrap_err()
                .first(field)
                .map(|m| m.key.to_string())
        };
        let mut r = relative_request();
        r.national_number = "85073003329".into();
        assert!(key(r, "national_number").is_some());
        let mut r = relative_request();
        r.birth_date = "30/07/1985".into();
        assert_eq!(
            key(r, "birth_date").as_deref(),
            Some("request.deceased.bad_date")
        );
        let mut r = relative_request();
        r.died_on = "1985-07-29".into();
        assert_eq!(
            key(r, "died_on").as_deref(),
            Some("request.deceased.died_before_birth")
        );
        for degree in [0, 4] {
            let mut r = relative_request();
            r.degree = degree;
            assert_eq!(
                key(r, "degree").as_deref(),
                Some("request.deceased.degree_unknown")
            );
        }
        let mut r = relative_request();
        r.motivation = "x".repeat(TEXT_MAX + 1);
        assert_eq!(
            key(r, "motivation").as_deref(),
            Some("request.text.too_long")
        );
    }

    #[test]
    fn only_a_deceased_patients_record_takes_a_relative_request() {
        let form = relative_request().validate().unwrap().request.form;
        assert_eq!(
            form.kind(&RequestContext::default()),
            Err(Message::new("request.deceased.not_deceased"))
        );
        let ctx = RequestContext {
            died_on: Some(date!(2026 - 10 - 02)),
            objected_after_death: true,
            signed_by: vec![Signer::Relative],
            ..Default::default()
        };
        assert_eq!(
            form.kind(&ctx),
            Ok(RequestKind::CopyForDeceasedRelative {
                degree: 1,
                motivation: "erfelijke aandoening".into(),
                practitioner: "dr. Peeters".into(),
                patient_objected: true,
                signed_by: vec![Signer::Relative],
            })
        );
    }

    #[test]
    fn imaging_on_dvd_costs_the_fee_a_link_is_free() {
        let p = RequestPolicy::belgian();
        assert!(matches!(
            assess(
                &RequestKind::ImagingCopy {
                    delivery: ImagingDelivery::Dvd
                },
                &p,
                NOW
            ),
            Assessment::Accepted {
                fee_cents: 1000,
                ..
            }
        ));
        assert!(matches!(
            assess(
                &RequestKind::ImagingCopy {
                    delivery: ImagingDelivery::SecureLink
                },
                &p,
                NOW
            ),
            Assessment::Accepted { fee_cents: 0, .. }
        ));
    }

    #[test]
    fn corrections_add_the_patients_statement() {
        let p = RequestPolicy::belgian();
        let a = assess(
            &RequestKind::CorrectionOrAddition {
                statement: "  ".into(),
            },
            &p,
            NOW,
        );
        assert_eq!(
            a,
            Assessment::Incomplete {
                missing: vec![Message::new("request.correction.statement_missing")]
            }
        );
        let a = assess(
            &RequestKind::CorrectionOrAddition {
                statement: "Mijn allergie is penicilline.".into(),
            },
            &p,
            NOW,
        );
        assert!(
            matches!(a, Assessment::Accepted { notes, .. } if notes == vec![Message::new("request.correction.statement_added")])
        );
    }

    #[test]
    fn destruction_waits_for_the_legal_retention() {
        let nl = RequestPolicy::dutch();
        let d = |last: Date, core: bool| {
            assess(
                &RequestKind::Destruction {
                    last_change: last,
                    core_data: core,
                },
                &nl,
                NOW,
            )
        };
        assert!(matches!(
            d(date!(2006 - 11 - 27), false),
            Assessment::Accepted { .. }
        ));
        assert_eq!(
            d(date!(2006 - 11 - 28), false),
            Assessment::Refused {
                reason: Message::new("request.destruction.retention").arg("years", "20"),
                possible_from: Some(date!(2026 - 11 - 28))
            }
        );
        assert!(
            matches!(d(date!(1990 - 01 - 01), true), Assessment::Refused { possible_from: Some(p), .. } if p == date!(2105 - 01 - 01))
        );
        assert!(matches!(
            d(date!(2004 - 02 - 29), false),
            Assessment::Accepted { .. }
        ));
        let be = RequestPolicy::belgian();
        let a = assess(
            &RequestKind::Destruction {
                last_change: date!(2000 - 01 - 01),
                core_data: false,
            },
            &be,
            NOW,
        );
        assert!(
            matches!(a, Assessment::Refused { possible_from: Some(p), .. } if p == date!(2030 - 01 - 01))
        );
    }

    #[test]
    fn forms_take_what_the_hospital_knows() {
        let ctx = RequestContext {
            earlier_copies: 2,
            birth_date: Some(date!(2013 - 05 - 01)),
            last_change: Some(date!(2020 - 01 - 01)),
            signed_by: vec![Signer::FirstParent],
            ..Default::default()
        };
        assert_eq!(
            RequestForm::CopyForMinor {
                two_parents_with_authority: true
            }
            .kind(&ctx),
            Ok(minor(
                date!(2013 - 05 - 01),
                vec![Signer::FirstParent],
                true
            ))
        );
        assert_eq!(
            RequestForm::Destruction { core_data: true }.kind(&ctx),
            Ok(RequestKind::Destruction {
                last_change: date!(2020 - 01 - 01),
                core_data: true
            })
        );
        let empty = RequestContext::default();
        assert_eq!(
            RequestForm::CopyForMinor {
                two_parents_with_authority: false
            }
            .kind(&empty)
            .unwrap_err()
            .key,
            "request.minor.no_birth_date"
        );
        assert_eq!(
            RequestForm::Destruction { core_data: false }
                .kind(&empty)
                .unwrap_err()
                .key,
            "request.destruction.nothing_held"
        );
        assert_eq!(RequestForm::Copy { psychiatry: false }.signers(), &[]);
        assert_eq!(
            RequestForm::CopyOfFertilityTreatment.signers(),
            &[Signer::Patient, Signer::Partner]
        );
    }

    #[test]
    fn copies_need_the_copy_right_changes_need_the_managers() {
        let copy = RequestKind::Copy {
            earlier_copies: 0,
            psychiatry: false,
        };
        let be = Jurisdiction::Belgium;
        let nl = Jurisdiction::Netherlands;
        assert_eq!(copy.action(), Action::RequestCopy);
        assert_eq!(copy.delivery(be), Delivery::Required);
        let fix = RequestKind::CorrectionOrAddition {
            statement: "x".into(),
        };
        assert_eq!(fix.action(), Action::ManageAccess);
        assert_eq!(fix.delivery(nl), Delivery::None);
        let destroy = RequestKind::Destruction {
            last_change: date!(2000 - 01 - 01),
            core_data: false,
        };
        assert_eq!(destroy.action(), Action::ManageAccess);
        let dvd = RequestKind::ImagingCopy {
            delivery: ImagingDelivery::Dvd,
        };
        assert_eq!(dvd.delivery(be), Delivery::None);
        assert_eq!(
            RequestKind::ImagingCopy {
                delivery: ImagingDelivery::SecureLink
            }
            .delivery(be),
            Delivery::Required
        );
        assert_eq!(dvd.name(), "imaging_copy");
        // A relative's copy: a Dutch doctor may grant one, a Belgian practitioner inspects.
        let relative = RequestKind::CopyForDeceasedRelative {
            degree: 1,
            motivation: "x".into(),
            practitioner: String::new(),
            patient_objected: false,
            signed_by: vec![Signer::Relative],
        };
        assert_eq!(relative.action(), Action::RequestCopy);
        assert_eq!(relative.delivery(nl), Delivery::Optional);
        assert_eq!(relative.delivery(be), Delivery::None);
    }

    #[test]
    fn new_requests_check_their_texts_and_missing_items_name_their_field() {
        let mut r = NewRequest {
            hospital: " ".into(),
            note: "x".repeat(TEXT_MAX + 1),
            form: RequestForm::CorrectionOrAddition {
                statement: "y".repeat(TEXT_MAX + 1),
            },
        };
        let errors = r.check();
        assert_eq!(
            errors.first("hospital").map(|m| m.key.as_ref()),
            Some("request.hospital.empty")
        );
        assert_eq!(
            errors.first("note").map(|m| m.key.as_ref()),
            Some("request.text.too_long")
        );
        assert!(errors.first("statement").is_some());
        r.hospital = "h".into();
        r.note = "é".repeat(TEXT_MAX);
        r.form = RequestForm::Copy { psychiatry: false };
        assert!(r.check().is_empty());
        assert_eq!(
            missing_field(&Message::new("request.correction.statement_missing")),
            "statement"
        );
        assert_eq!(
            missing_field(&signature_missing(Signer::FirstParent)),
            Signer::FirstParent.field()
        );
        assert_eq!(missing_field(&Message::new("other")), "form");
    }

    #[test]
    fn forms_round_trip_as_json() {
        let r = NewRequest {
            hospital: "h".into(),
            note: String::new(),
            form: RequestForm::ImagingCopy {
                delivery: ImagingDelivery::SecureLink,
            },
        };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"hospital":"h","note":"","form":{"kind":"imaging_copy","delivery":"secure_link"}}"#
        );
        assert_eq!(serde_json::from_str::<NewRequest>(&json).unwrap(), r);
        let unit: RequestForm =
            serde_json::from_str(r#"{"kind":"copy_of_fertility_treatment"}"#).unwrap();
        assert_eq!(unit, RequestForm::CopyOfFertilityTreatment);
        assert_eq!(
            serde_json::to_string(&Term::WorkingDays(20)).unwrap(),
            r#"{"working_days":20}"#
        );
    }

    proptest! {
        /// A due date is never before receipt, and a month term is 28 to 31 days.
        #[test]
        fn due_dates_are_sane(days in 0i64..20_000, n in 1u16..60) {
            let received = date!(2000 - 01 - 01) + time::Duration::days(days);
            let month = Term::Months(1).due(received);
            prop_assert!((28..=31).contains(&(month - received).whole_days()));
            let working = Term::WorkingDays(n).due(received);
            prop_assert!(working > received);
            prop_assert!(!matches!(working.weekday(), Weekday::Saturday | Weekday::Sunday));
        }

        /// Destruction becomes possible exactly once the retention has passed.
        #[test]
        fn destruction_flips_once(days in 0i64..20_000) {
            let last = date!(1990 - 01 - 01) + time::Duration::days(days);
            let nl = RequestPolicy::dutch();
            let a = assess(&RequestKind::Destruction { last_change: last, core_data: false }, &nl, NOW);
            let possible = birthday(last, 20);
            prop_assert_eq!(matches!(a, Assessment::Accepted { .. }), date!(2026 - 11 - 27) >= possible);
        }
    }
}

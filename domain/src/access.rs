//! Access decisions: one pure function from a request, the facts and "now" to a decision with
//! its reasons.
//!
//! Shaped after Cedar's authorizer. Rules come in four tiers, evaluated together:
//!
//! 1. **Overriding denies** — an exclusion of a named provider, the patient's death (for portal
//!    users), a report that is not validated, shielded, from before the hospital's cutoff date or
//!    a child's report the hospital does not show, and a deceased patient's objection. Any one
//!    of them decides, whatever permits too.
//! 2. **Permits** — the grounds on which someone may act: their own record, a treating
//!    relationship, the GP, a referrer's consent, an emergency, a parent's link or authority, a
//!    trusted person, a representative, an authorisation. Each ground allows some actions only.
//! 3. **Special outcomes** — after death, a relative's request goes *only indirectly through a
//!    practitioner* (Belgium) or *a doctor must weigh it* (the Netherlands).
//! 4. **Explanations** — when nothing permits, the rules that came close say why (a link that
//!    ended at 15, a consent that is missing, a GP access that was refused); otherwise
//!    `default-deny`.
//!
//! Facts are a set: their order and duplicates never change a decision. Every fact that can end
//! holds for a [`Period`], so a revocation at `t` removes that ground at every `t' ≥ t`.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::calendar::{birthday, has_reached_age, TimeZone};
use crate::message::Message;
use crate::release::HoldBy;

/// A natural person: a patient, a parent, a trusted person, a relative.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct PersonId(pub String);

/// A care provider (doctor, nurse) known to the hospital network.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct PractitionerId(pub String);

/// Which law a hospital follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Jurisdiction {
    /// Belgium: patient rights law of 22 August 2002, quality law of 22 April 2019.
    #[default]
    #[serde(rename = "BE")]
    Belgium,
    /// The Netherlands: WGBO (Civil Code book 7, title 7, section 5).
    #[serde(rename = "NL")]
    Netherlands,
}

/// The hospital's settings that the rules depend on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HospitalPolicy {
    /// Which law applies.
    pub jurisdiction: Jurisdiction,
    /// The hospital's time zone, where birthdays start at local midnight.
    #[serde(default)]
    pub time_zone: TimeZone,
    /// Reports dated before this day are never shown in the portal (nexuzhealth: 2016-08-15).
    #[serde(default)]
    pub report_cutoff: Option<Date>,
    /// Whether the portal shows reports from when the patient was under 18.
    #[serde(default = "yes")]
    pub shows_children_reports: bool,
    /// Belgium: the age at which a parent–child link ends (15 at nexuzhealth).
    #[serde(default = "fifteen")]
    pub parent_link_until_age: u8,
    /// Whether the portal shows the notes of consultations (consult, progress, history and
    /// physical notes), as Dutch hospitals do since patients have a right to electronic access;
    /// many Belgian hospitals show validated reports only. Off unless the hospital says so.
    #[serde(default)]
    pub shows_consultation_notes: bool,
}

fn yes() -> bool {
    true
}

fn fifteen() -> u8 {
    15
}

impl HospitalPolicy {
    /// A hospital under Belgian law with nexuzhealth's settings.
    pub fn belgian() -> Self {
        Self {
            jurisdiction: Jurisdiction::Belgium,
            time_zone: TimeZone::EuropeBrussels,
            report_cutoff: None,
            shows_children_reports: true,
            parent_link_until_age: 15,
            shows_consultation_notes: false,
        }
    }

    /// A hospital under Dutch law.
    pub fn dutch() -> Self {
        Self {
            jurisdiction: Jurisdiction::Netherlands,
            time_zone: TimeZone::EuropeAmsterdam,
            ..Self::belgian()
        }
    }
}

/// From when to when a fact holds: `from` inclusive, `until` exclusive (none: still holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// When it started.
    #[serde(with = "time::serde::rfc3339")]
    pub from: OffsetDateTime,
    /// When it ended (a revocation, a withdrawal, an end of treatment).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub until: Option<OffsetDateTime>,
}

impl Period {
    /// A period that started at `from` and has not ended.
    pub fn since(from: OffsetDateTime) -> Self {
        Self { from, until: None }
    }

    /// A period from `from` until `until`.
    pub fn between(from: OffsetDateTime, until: OffsetDateTime) -> Self {
        Self {
            from,
            until: Some(until),
        }
    }

    /// Whether the fact holds at `t`.
    /// ```
    /// use inzage_domain::access::Period;
    /// use time::macros::datetime;
    /// let p = Period::between(datetime!(2026-01-01 0:00 UTC), datetime!(2026-02-01 0:00 UTC));
    /// assert!(p.contains(datetime!(2026-01-01 0:00 UTC)));
    /// assert!(!p.contains(datetime!(2026-02-01 0:00 UTC)), "the end is exclusive");
    /// ```
    pub fn contains(&self, t: OffsetDateTime) -> bool {
        self.from <= t && self.until.is_none_or(|u| t < u)
    }

    /// Whether the fact held at some time and has ended by `t`.
    pub fn ended_by(&self, t: OffsetDateTime) -> bool {
        self.until.is_some_and(|u| u <= t) && self.from <= t
    }
}

/// The kind of an authorisation under Dutch law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuthorisationKind {
    /// A curator appointed by the court (curatele).
    Curator,
    /// A mentor appointed by the court (mentorschap).
    Mentor,
    /// A written authorisation by the patient (schriftelijk gemachtigde).
    Written,
}

/// One fact about the patient's record and the people around it.
///
/// In JSON, an object with its `kind` and the variant's fields. It is read through
/// [`FactWire`] rather than serde's derive for internally tagged enums, which buffers every
/// object and compiles a reader per variant (47 KB of the browser app's wasm); the JSON, and
/// what is refused, are the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Fact {
    /// A practitioner in the hospital network treats the patient. The patient cannot refuse
    /// this ground as such; only an [`Fact::Exclusion`] of the named practitioner overrides it.
    TherapeuticRelationship {
        /// Who.
        practitioner: PractitionerId,
        /// While the treatment lasts.
        period: Period,
    },
    /// The patient's general practitioner (huisarts).
    GeneralPractitioner {
        /// Who.
        practitioner: PractitionerId,
        /// While they are the GP.
        period: Period,
    },
    /// The patient refused or withdrew the GP's automatic access.
    GpAccessRefused {
        /// While the refusal stands; it ends when the patient restores the access.
        period: Period,
    },
    /// The patient consented to a referring practitioner's access.
    ReferrerConsent {
        /// Who.
        practitioner: PractitionerId,
        /// From the approval until the revocation.
        period: Period,
    },
    /// The patient excluded a named practitioner (uitsluiting): overrides every other ground.
    Exclusion {
        /// Who.
        practitioner: PractitionerId,
        /// Until the patient lifts it.
        period: Period,
    },
    /// The one-time consent for exchange between institutions (eHealth).
    ExchangeConsent {
        /// From the consent until its withdrawal.
        period: Period,
    },
    /// A practitioner broke the glass in an emergency, with a stated reason.
    EmergencyAccess {
        /// Who.
        practitioner: PractitionerId,
        /// The reason they gave.
        reason: String,
        /// How long the emergency access lasts.
        period: Period,
    },
    /// Belgium: a link between parent and child, approved by hospital staff.
    ParentLink {
        /// The parent.
        parent: PersonId,
        /// From the approval (the end at the age limit follows from the birth date).
        period: Period,
    },
    /// The Netherlands: a parent with parental authority (gezag).
    ParentalAuthority {
        /// The parent.
        parent: PersonId,
        /// While the authority lasts.
        period: Period,
    },
    /// The Netherlands: a parent without parental authority.
    ParentWithoutAuthority {
        /// The parent.
        parent: PersonId,
    },
    /// The Netherlands: a child of 12 to 15 consents to a parent's access.
    ChildConsent {
        /// The parent the child consents to.
        parent: PersonId,
        /// Until the child withdraws it.
        period: Period,
    },
    /// Belgium: a trusted person (vertrouwenspersoon) named by signed form.
    TrustedPerson {
        /// Who.
        person: PersonId,
        /// Until the patient revokes it.
        period: Period,
    },
    /// Belgium: a representative (vertegenwoordiger) named by signed form, who acts while the
    /// patient cannot.
    Representative {
        /// Who.
        person: PersonId,
        /// Until revoked.
        period: Period,
    },
    /// The patient cannot exercise their rights (for a representative to act).
    Incapacity {
        /// While it lasts.
        period: Period,
    },
    /// The Netherlands: a curator, mentor or written authorisation.
    Authorisation {
        /// Who.
        person: PersonId,
        /// Which kind.
        authorisation: AuthorisationKind,
        /// While it lasts.
        period: Period,
    },
    /// A relative of the patient, by degree of kinship (1: parent or child, 2: sibling,
    /// grandparent, grandchild; spouses and partners count as 1; 0 is not a kinship and is
    /// ignored).
    Relative {
        /// Who.
        person: PersonId,
        /// The degree.
        degree: u8,
    },
    /// The patient objected, while alive, to relatives' access after death (Belgium).
    ObjectionAfterDeath,
    /// The patient opted out of the reuse of their data for research outside the hospital's
    /// legal tasks (see [`crate::reuse`]); not retroactive. It changes no access decision.
    DataReuseOptOut {
        /// From the opt-out until the patient withdraws it.
        period: Period,
    },
}

/// [`Fact`]'s kinds, as its JSON names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum FactKind {
    TherapeuticRelationship,
    GeneralPractitioner,
    GpAccessRefused,
    ReferrerConsent,
    Exclusion,
    ExchangeConsent,
    EmergencyAccess,
    ParentLink,
    ParentalAuthority,
    ParentWithoutAuthority,
    ChildConsent,
    TrustedPerson,
    Representative,
    Incapacity,
    Authorisation,
    Relative,
    ObjectionAfterDeath,
    DataReuseOptOut,
}

impl FactKind {
    /// The fields of this kind's object, besides `kind`.
    fn fields(self) -> &'static [&'static str] {
        match self {
            FactKind::TherapeuticRelationship
            | FactKind::GeneralPractitioner
            | FactKind::ReferrerConsent
            | FactKind::Exclusion => &["practitioner", "period"],
            FactKind::EmergencyAccess => &["practitioner", "reason", "period"],
            FactKind::GpAccessRefused
            | FactKind::ExchangeConsent
            | FactKind::Incapacity
            | FactKind::DataReuseOptOut => &["period"],
            FactKind::ParentLink | FactKind::ParentalAuthority | FactKind::ChildConsent => {
                &["parent", "period"]
            }
            FactKind::ParentWithoutAuthority => &["parent"],
            FactKind::TrustedPerson | FactKind::Representative => &["person", "period"],
            FactKind::Authorisation => &["person", "authorisation", "period"],
            FactKind::Relative => &["person", "degree"],
            FactKind::ObjectionAfterDeath => &[],
        }
    }
}

/// Every field a [`Fact`]'s object may have, whatever its kind.
const FACT_FIELDS: &[&str] = &[
    "kind",
    "practitioner",
    "period",
    "reason",
    "parent",
    "person",
    "authorisation",
    "degree",
];

/// A [`Fact`] as read from JSON: its kind and every field any kind has, each present or not.
/// One reader for all kinds; [`FactWire::into_fact`] then asks for exactly the kind's fields.
#[derive(Default)]
struct FactWire {
    kind: Option<FactKind>,
    practitioner: Option<PractitionerId>,
    period: Option<Period>,
    reason: Option<String>,
    parent: Option<PersonId>,
    person: Option<PersonId>,
    authorisation: Option<AuthorisationKind>,
    degree: Option<u8>,
}

/// A field the kind needs, or serde's error for its absence.
fn needed<T, E: serde::de::Error>(field: &mut Option<T>, name: &'static str) -> Result<T, E> {
    field.take().ok_or_else(|| E::missing_field(name))
}

/// Reads one field's value into its slot; a field given twice is refused, as serde does.
fn read_field<'de, T: Deserialize<'de>, A: serde::de::MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(serde::de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl<'de> serde::de::Visitor<'de> for FactWire {
    type Value = FactWire;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a fact: an object with its `kind`")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(mut self, mut map: A) -> Result<FactWire, A::Error> {
        use serde::de::Error;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let key = key.as_ref();
            // A field the kind (when already read) does not have is refused at once, naming
            // the kind's fields, as serde's derive does.
            if let Some(kind) = self.kind {
                if key != "kind" && !kind.fields().contains(&key) {
                    return Err(A::Error::unknown_field(key, kind.fields()));
                }
            }
            match key {
                "kind" => read_field(&mut map, &mut self.kind, "kind")?,
                "practitioner" => read_field(&mut map, &mut self.practitioner, "practitioner")?,
                "period" => read_field(&mut map, &mut self.period, "period")?,
                "reason" => read_field(&mut map, &mut self.reason, "reason")?,
                "parent" => read_field(&mut map, &mut self.parent, "parent")?,
                "person" => read_field(&mut map, &mut self.person, "person")?,
                "authorisation" => read_field(&mut map, &mut self.authorisation, "authorisation")?,
                "degree" => read_field(&mut map, &mut self.degree, "degree")?,
                _ => return Err(A::Error::unknown_field(key, FACT_FIELDS)),
            }
        }
        Ok(self)
    }
}

impl FactWire {
    /// The fact, when the object has exactly its kind's fields.
    fn into_fact<E: serde::de::Error>(mut self) -> Result<Fact, E> {
        let w = &mut self;
        let kind = needed(&mut w.kind, "kind")?;
        let fact = match kind {
            FactKind::TherapeuticRelationship => Fact::TherapeuticRelationship {
                practitioner: needed(&mut w.practitioner, "practitioner")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::GeneralPractitioner => Fact::GeneralPractitioner {
                practitioner: needed(&mut w.practitioner, "practitioner")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::GpAccessRefused => Fact::GpAccessRefused {
                period: needed(&mut w.period, "period")?,
            },
            FactKind::ReferrerConsent => Fact::ReferrerConsent {
                practitioner: needed(&mut w.practitioner, "practitioner")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::Exclusion => Fact::Exclusion {
                practitioner: needed(&mut w.practitioner, "practitioner")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::ExchangeConsent => Fact::ExchangeConsent {
                period: needed(&mut w.period, "period")?,
            },
            FactKind::EmergencyAccess => Fact::EmergencyAccess {
                practitioner: needed(&mut w.practitioner, "practitioner")?,
                reason: needed(&mut w.reason, "reason")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::ParentLink => Fact::ParentLink {
                parent: needed(&mut w.parent, "parent")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::ParentalAuthority => Fact::ParentalAuthority {
                parent: needed(&mut w.parent, "parent")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::ParentWithoutAuthority => Fact::ParentWithoutAuthority {
                parent: needed(&mut w.parent, "parent")?,
            },
            FactKind::ChildConsent => Fact::ChildConsent {
                parent: needed(&mut w.parent, "parent")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::TrustedPerson => Fact::TrustedPerson {
                person: needed(&mut w.person, "person")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::Representative => Fact::Representative {
                person: needed(&mut w.person, "person")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::Incapacity => Fact::Incapacity {
                period: needed(&mut w.period, "period")?,
            },
            FactKind::Authorisation => Fact::Authorisation {
                person: needed(&mut w.person, "person")?,
                authorisation: needed(&mut w.authorisation, "authorisation")?,
                period: needed(&mut w.period, "period")?,
            },
            FactKind::Relative => Fact::Relative {
                person: needed(&mut w.person, "person")?,
                degree: needed(&mut w.degree, "degree")?,
            },
            FactKind::ObjectionAfterDeath => Fact::ObjectionAfterDeath,
            FactKind::DataReuseOptOut => Fact::DataReuseOptOut {
                period: needed(&mut w.period, "period")?,
            },
        };
        // What is left is another kind's field, read before the kind was known: unknown to
        // this one.
        let left = [
            ("practitioner", w.practitioner.is_some()),
            ("period", w.period.is_some()),
            ("reason", w.reason.is_some()),
            ("parent", w.parent.is_some()),
            ("person", w.person.is_some()),
            ("authorisation", w.authorisation.is_some()),
            ("degree", w.degree.is_some()),
        ];
        match left.iter().find(|(_, present)| *present) {
            Some((name, _)) => Err(E::unknown_field(name, kind.fields())),
            None => Ok(fact),
        }
    }
}

impl<'de> Deserialize<'de> for Fact {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(FactWire::default())?
            .into_fact()
    }
}

/// The variants that hold for a period, for both accessors below: one list keeps them in step.
macro_rules! period_of {
    ($fact:expr) => {
        match $fact {
            Fact::TherapeuticRelationship { period, .. }
            | Fact::GeneralPractitioner { period, .. }
            | Fact::GpAccessRefused { period }
            | Fact::ReferrerConsent { period, .. }
            | Fact::Exclusion { period, .. }
            | Fact::ExchangeConsent { period }
            | Fact::EmergencyAccess { period, .. }
            | Fact::ParentLink { period, .. }
            | Fact::ParentalAuthority { period, .. }
            | Fact::ChildConsent { period, .. }
            | Fact::TrustedPerson { period, .. }
            | Fact::Representative { period, .. }
            | Fact::Incapacity { period }
            | Fact::DataReuseOptOut { period }
            | Fact::Authorisation { period, .. } => Some(period),
            Fact::ParentWithoutAuthority { .. }
            | Fact::Relative { .. }
            | Fact::ObjectionAfterDeath => None,
        }
    };
}

impl Fact {
    /// The period the fact holds for; `None` for facts that do not end (a kinship, an
    /// objection, a parent without authority).
    pub fn period(&self) -> Option<&Period> {
        period_of!(self)
    }
}

/// The patient the record is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// Who.
    pub id: PersonId,
    /// Their birth date, when known.
    #[serde(default)]
    pub birth_date: Option<Date>,
    /// When they died, if they did.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub died_at: Option<OffsetDateTime>,
}

/// Everything known about one record: the patient, the hospital, and the facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The patient.
    pub patient: Patient,
    /// The hospital's settings.
    pub hospital: HospitalPolicy,
    /// The facts, in any order.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl Facts {
    /// Whether the patient cannot exercise their rights at `now` (an incapacity holds), so a
    /// Belgian representative acts for them.
    pub fn incapable(&self, now: OffsetDateTime) -> bool {
        self.facts
            .iter()
            .any(|f| matches!(f, Fact::Incapacity { period } if period.contains(now)))
    }
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Principal {
    /// A person logged in to the portal: the patient, or someone acting for them.
    Person {
        /// Who.
        id: PersonId,
    },
    /// A care provider.
    Practitioner {
        /// Who.
        id: PractitionerId,
    },
}

/// What the principal wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Read the record (or one report of it, see [`Resource`]).
    Read,
    /// Read the record from another institution, through the eHealth exchange.
    ReadThroughExchange,
    /// Ask for a copy of the record.
    RequestCopy,
    /// Grant, revoke or exclude access on the patient's behalf.
    ManageAccess,
    /// Opt the record out of reuse for research.
    OptOutOfDataReuse,
    /// Book, move or cancel the patient's appointments (where the hospital offers it online,
    /// see [`crate::appointments`]): the patient, or whoever acts in their place.
    ManageAppointments,
}

impl Action {
    /// Every action, for what-if comparisons.
    pub const ALL: [Action; 6] = [
        Action::Read,
        Action::ReadThroughExchange,
        Action::RequestCopy,
        Action::ManageAccess,
        Action::OptOutOfDataReuse,
        Action::ManageAppointments,
    ];
}

/// Whether a report has been validated by its author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Final, amended or corrected: the author signed it off.
    Validated,
    /// Preliminary, registered, cancelled or entered in error.
    NotValidated,
}

/// The facts about one report that the rules look at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFacts {
    /// Whether the report is validated.
    pub status: ReportStatus,
    /// Whether the care team shielded it (therapeutic exception or third-party data).
    pub shielded: bool,
    /// The clinically relevant date of the report.
    pub date: Date,
    /// Whether it is a note of a consultation rather than a report (a letter, an imaging or
    /// lab report): shown only where the hospital releases such notes.
    #[serde(default)]
    pub consultation_note: bool,
    /// Whether the care team or the patient's own choice holds it back for now (see
    /// [`crate::release`]); `None` when nothing does.
    #[serde(default)]
    pub held: Option<crate::release::Hold>,
}

/// A part of the record other than the reports, each a page of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// A laboratory value or a measurement (an Observation).
    Result,
    /// An allergy or intolerance.
    Allergy,
    /// The blood group.
    BloodGroup,
    /// A risk or condition on the problem list.
    Risk,
    /// A medication, current or past.
    Medication,
    /// An appointment, upcoming or past.
    Appointment,
    /// A patient leaflet the care team linked to the record.
    Leaflet,
}

impl Section {
    /// Every section, in the order the portal shows them.
    pub const ALL: [Section; 7] = [
        Section::Result,
        Section::Allergy,
        Section::BloodGroup,
        Section::Risk,
        Section::Medication,
        Section::Appointment,
        Section::Leaflet,
    ];

    /// Whether the hospital's report cutoff and its choice about children's reports apply to
    /// this section's items as they do to reports. Results are clinical findings like reports;
    /// allergies, the blood group, risks and medications are safety information that stays
    /// visible however old it is, and an appointment is not a clinical finding at all.
    pub fn follows_report_dates(self) -> bool {
        matches!(self, Section::Result)
    }
}

/// What the request is about: the whole record, one report of it, or one item of a section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Resource {
    /// The record as a whole.
    Record,
    /// One report.
    Report {
        /// Its facts.
        report: ReportFacts,
    },
    /// One item of a section (a lab value, an allergy, a medication, an appointment…): never
    /// shown unless validated and not shielded, like a report; dated rules as
    /// [`Section::follows_report_dates`] says.
    Item {
        /// Which section.
        section: Section,
        /// Its facts, with the same meaning as a report's.
        item: ReportFacts,
    },
}

/// The request to decide: who, what, on which part of the record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// Who is asking.
    pub principal: Principal,
    /// What they want to do.
    pub action: Action,
    /// On what.
    pub resource: Resource,
}

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Allowed.
    Permit,
    /// Not allowed.
    Deny,
    /// Not directly: only through a practitioner, on a motivated request (Belgium, after death).
    IndirectOnly,
    /// A doctor must weigh the request (the Netherlands, after death).
    DoctorWeighs,
}

/// The rules of the catalogue, by stable id. See each variant for its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// Nothing permitted the request.
    DefaultDeny,
    /// A patient acts on their own record (BE patient rights law art. 9; NL WGBO art. 7:456).
    OwnRecord,
    /// A child has no portal access of their own before the age at which they exercise their
    /// rights: 12 in the Netherlands (WGBO art. 7:465), the parent-link limit (15) in Belgium.
    OwnRecordTooYoung,
    /// A practitioner of the network treating the patient reads the record while the treatment
    /// lasts; the patient cannot refuse it as such, only exclude a named practitioner (BE quality
    /// law of 22 April 2019 on the therapeutic relationship; NL WGBO art. 7:457 §2).
    TreatingRelationship,
    /// The GP reads the record automatically unless the patient refused (mynexuzhealth).
    GeneralPractitioner,
    /// The patient refused or withdrew the GP's automatic access.
    GpAccessRefused,
    /// A referring practitioner reads with the patient's consent, revocable.
    ReferrerConsent,
    /// A referrer's consent was revoked.
    ReferrerConsentRevoked,
    /// An excluded practitioner never reads (BE quality law of 22 April 2019, art. 37).
    Exclusion,
    /// Exchange between institutions needs the eHealth consent and a treating relationship.
    ExchangeWithConsent,
    /// No eHealth consent, or no treating relationship now.
    ExchangeNotAllowed,
    /// Emergency access with a stated reason.
    EmergencyAccess,
    /// Belgium: a linked parent acts for a child under the age limit (15 at nexuzhealth).
    BeParentLink,
    /// Belgium: the parent–child link ended at the age limit.
    BeParentLinkEnded,
    /// The Netherlands: a parent with authority for a child under 12 (WGBO art. 7:465 §1).
    #[serde(rename = "nl-parent-under-12")]
    NlParentUnder12,
    /// The Netherlands: a parent with authority for a child of 12–15 with the child's consent
    /// (WGBO art. 7:457 and 7:465 §3).
    NlParentWithChildConsent,
    /// The Netherlands: a child of 12–15 has not consented.
    NlChildConsentMissing,
    /// The Netherlands: from 16 the child alone decides (WGBO art. 7:447).
    NlChildDecidesAlone,
    /// The Netherlands: a parent without parental authority has no access through the portal.
    NlParentWithoutAuthority,
    /// Belgium: a trusted person may be informed, inspect and ask for a copy (art. 7 §2, 9 §2).
    BeTrustedPerson,
    /// Belgium: a representative acts while the patient cannot (art. 14).
    BeRepresentative,
    /// Belgium: the representative acts only while the patient cannot.
    BeRepresentativeNotNeeded,
    /// The Netherlands: a curator, mentor or written authorisation (WGBO art. 7:465 §3).
    NlAuthorisation,
    /// A designation or authorisation was revoked.
    DesignationRevoked,
    /// Portal access ends at death for the patient's account and every proxy.
    Death,
    /// Belgium: a relative up to the second degree inspects after death only indirectly, through
    /// a practitioner, on a motivated request, and gets no copy (art. 9 §4).
    BeRelativeAfterDeath,
    /// Belgium: the patient objected to relatives' access after death.
    BeObjectionAfterDeath,
    /// The Netherlands: after death a doctor weighs a relative's request (presumed consent or a
    /// vital interest, WGBO art. 7:458a).
    NlRelativeAfterDeath,
    /// Only the patient may opt out of data reuse.
    DataReuseOnlyPatient,
    /// A report that is not validated is never shown in the portal.
    ReportNotValidated,
    /// A shielded report is never shown in the portal.
    ReportShielded,
    /// A report dated before its hospital's cutoff date is never shown.
    ReportBeforeCutoff,
    /// The hospital does not show children's reports in the portal.
    ChildReportHidden,
    /// The hospital does not release the notes of consultations in the portal.
    ConsultationNoteNotReleased,
    /// The care team holds new items of this kind for some days, to discuss them first.
    HeldByCareTeam,
    /// The patient chose to see new items of this kind later (see [`crate::release`]).
    HeldAtPatientsChoice,
}

impl RuleId {
    /// Every rule of the catalogue.
    pub const ALL: [RuleId; 36] = [
        RuleId::DefaultDeny,
        RuleId::OwnRecord,
        RuleId::OwnRecordTooYoung,
        RuleId::TreatingRelationship,
        RuleId::GeneralPractitioner,
        RuleId::GpAccessRefused,
        RuleId::ReferrerConsent,
        RuleId::ReferrerConsentRevoked,
        RuleId::Exclusion,
        RuleId::ExchangeWithConsent,
        RuleId::ExchangeNotAllowed,
        RuleId::EmergencyAccess,
        RuleId::BeParentLink,
        RuleId::BeParentLinkEnded,
        RuleId::NlParentUnder12,
        RuleId::NlParentWithChildConsent,
        RuleId::NlChildConsentMissing,
        RuleId::NlChildDecidesAlone,
        RuleId::NlParentWithoutAuthority,
        RuleId::BeTrustedPerson,
        RuleId::BeRepresentative,
        RuleId::BeRepresentativeNotNeeded,
        RuleId::NlAuthorisation,
        RuleId::DesignationRevoked,
        RuleId::Death,
        RuleId::BeRelativeAfterDeath,
        RuleId::BeObjectionAfterDeath,
        RuleId::NlRelativeAfterDeath,
        RuleId::DataReuseOnlyPatient,
        RuleId::ReportNotValidated,
        RuleId::ReportShielded,
        RuleId::ReportBeforeCutoff,
        RuleId::ChildReportHidden,
        RuleId::ConsultationNoteNotReleased,
        RuleId::HeldByCareTeam,
        RuleId::HeldAtPatientsChoice,
    ];

    /// The stable id, as it appears in JSON and in the documentation.
    /// ```
    /// use inzage_domain::access::RuleId;
    /// assert_eq!(RuleId::NlParentUnder12.as_str(), "nl-parent-under-12");
    /// assert_eq!(RuleId::NlParentUnder12.reason_key(), "reason.nl_parent_under_12");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::DefaultDeny => "default-deny",
            RuleId::OwnRecord => "own-record",
            RuleId::OwnRecordTooYoung => "own-record-too-young",
            RuleId::TreatingRelationship => "treating-relationship",
            RuleId::GeneralPractitioner => "general-practitioner",
            RuleId::GpAccessRefused => "gp-access-refused",
            RuleId::ReferrerConsent => "referrer-consent",
            RuleId::ReferrerConsentRevoked => "referrer-consent-revoked",
            RuleId::Exclusion => "exclusion",
            RuleId::ExchangeWithConsent => "exchange-with-consent",
            RuleId::ExchangeNotAllowed => "exchange-not-allowed",
            RuleId::EmergencyAccess => "emergency-access",
            RuleId::BeParentLink => "be-parent-link",
            RuleId::BeParentLinkEnded => "be-parent-link-ended",
            RuleId::NlParentUnder12 => "nl-parent-under-12",
            RuleId::NlParentWithChildConsent => "nl-parent-with-child-consent",
            RuleId::NlChildConsentMissing => "nl-child-consent-missing",
            RuleId::NlChildDecidesAlone => "nl-child-decides-alone",
            RuleId::NlParentWithoutAuthority => "nl-parent-without-authority",
            RuleId::BeTrustedPerson => "be-trusted-person",
            RuleId::BeRepresentative => "be-representative",
            RuleId::BeRepresentativeNotNeeded => "be-representative-not-needed",
            RuleId::NlAuthorisation => "nl-authorisation",
            RuleId::DesignationRevoked => "designation-revoked",
            RuleId::Death => "death",
            RuleId::BeRelativeAfterDeath => "be-relative-after-death",
            RuleId::BeObjectionAfterDeath => "be-objection-after-death",
            RuleId::NlRelativeAfterDeath => "nl-relative-after-death",
            RuleId::DataReuseOnlyPatient => "data-reuse-only-patient",
            RuleId::ReportNotValidated => "report-not-validated",
            RuleId::ReportShielded => "report-shielded",
            RuleId::ReportBeforeCutoff => "report-before-cutoff",
            RuleId::ChildReportHidden => "child-report-hidden",
            RuleId::ConsultationNoteNotReleased => "consultation-note-not-released",
            RuleId::HeldByCareTeam => "held-by-care-team",
            RuleId::HeldAtPatientsChoice => "held-at-patients-choice",
        }
    }

    /// The translation key of this rule's reason.
    pub fn reason_key(self) -> &'static str {
        match self {
            RuleId::DefaultDeny => "reason.default_deny",
            RuleId::OwnRecord => "reason.own_record",
            RuleId::OwnRecordTooYoung => "reason.own_record_too_young",
            RuleId::TreatingRelationship => "reason.treating_relationship",
            RuleId::GeneralPractitioner => "reason.general_practitioner",
            RuleId::GpAccessRefused => "reason.gp_access_refused",
            RuleId::ReferrerConsent => "reason.referrer_consent",
            RuleId::ReferrerConsentRevoked => "reason.referrer_consent_revoked",
            RuleId::Exclusion => "reason.exclusion",
            RuleId::ExchangeWithConsent => "reason.exchange_with_consent",
            RuleId::ExchangeNotAllowed => "reason.exchange_not_allowed",
            RuleId::EmergencyAccess => "reason.emergency_access",
            RuleId::BeParentLink => "reason.be_parent_link",
            RuleId::BeParentLinkEnded => "reason.be_parent_link_ended",
            RuleId::NlParentUnder12 => "reason.nl_parent_under_12",
            RuleId::NlParentWithChildConsent => "reason.nl_parent_with_child_consent",
            RuleId::NlChildConsentMissing => "reason.nl_child_consent_missing",
            RuleId::NlChildDecidesAlone => "reason.nl_child_decides_alone",
            RuleId::NlParentWithoutAuthority => "reason.nl_parent_without_authority",
            RuleId::BeTrustedPerson => "reason.be_trusted_person",
            RuleId::BeRepresentative => "reason.be_representative",
            RuleId::BeRepresentativeNotNeeded => "reason.be_representative_not_needed",
            RuleId::NlAuthorisation => "reason.nl_authorisation",
            RuleId::DesignationRevoked => "reason.designation_revoked",
            RuleId::Death => "reason.death",
            RuleId::BeRelativeAfterDeath => "reason.be_relative_after_death",
            RuleId::BeObjectionAfterDeath => "reason.be_objection_after_death",
            RuleId::NlRelativeAfterDeath => "reason.nl_relative_after_death",
            RuleId::DataReuseOnlyPatient => "reason.data_reuse_only_patient",
            RuleId::ReportNotValidated => "reason.report_not_validated",
            RuleId::ReportShielded => "reason.report_shielded",
            RuleId::ReportBeforeCutoff => "reason.report_before_cutoff",
            RuleId::ChildReportHidden => "reason.child_report_hidden",
            RuleId::ConsultationNoteNotReleased => "reason.consultation_note_not_released",
            RuleId::HeldByCareTeam => "reason.held_by_care_team",
            RuleId::HeldAtPatientsChoice => "reason.held_at_patients_choice",
        }
    }
}

/// A decision: its effect, the rules that determined it, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    /// The outcome.
    pub effect: Effect,
    /// The rules that determined it, sorted, without duplicates.
    pub rules: Vec<RuleId>,
    /// One reason per determining rule, in the same order.
    pub reasons: Vec<Message>,
}

impl Decision {
    /// Whether the action is allowed.
    pub fn is_permitted(&self) -> bool {
        self.effect == Effect::Permit
    }
}

/// A date as `YYYY-MM-DD`, written directly: `Date`'s `Display` goes through the general
/// formatting machinery, which costs more than the rest of a decision.
fn iso_date(d: Date) -> String {
    let (y, m, day) = (d.year(), u8::from(d.month()), d.day());
    let mut out = String::with_capacity(10);
    for digit in [y / 1000 % 10, y / 100 % 10, y / 10 % 10, y % 10] {
        out.push(char::from(
            b'0' + u8::try_from(digit.unsigned_abs() % 10).unwrap_or(0),
        ));
    }
    out.push('-');
    out.push(char::from(b'0' + m / 10));
    out.push(char::from(b'0' + m % 10));
    out.push('-');
    out.push(char::from(b'0' + day / 10));
    out.push(char::from(b'0' + day % 10));
    out
}

/// Which actions a ground allows.
const READ: &[Action] = &[Action::Read];
const PATIENT: &[Action] = &[
    Action::Read,
    Action::RequestCopy,
    Action::ManageAccess,
    Action::OptOutOfDataReuse,
    Action::ManageAppointments,
];
const PROXY: &[Action] = &[
    Action::Read,
    Action::RequestCopy,
    Action::ManageAccess,
    Action::ManageAppointments,
];
const INSPECT: &[Action] = &[Action::Read, Action::RequestCopy];

/// The rules that matched, by tier.
#[derive(Default)]
struct Matches {
    overriding: Vec<(RuleId, Message)>,
    permits: Vec<(RuleId, Message)>,
    special: Vec<(Effect, RuleId, Message)>,
    explanations: Vec<(RuleId, Message)>,
}

impl Matches {
    fn reason(rule: RuleId) -> Message {
        Message::new(rule.reason_key())
    }

    fn deny(&mut self, rule: RuleId, message: Message) {
        self.overriding.push((rule, message));
    }

    /// Records a ground. Once an overriding deny matched, grounds cannot change the decision,
    /// so they are not collected (callers build their message lazily for the same reason).
    fn permit(&mut self, action: Action, allowed: &[Action], rule: RuleId, message: Message) {
        if self.overriding.is_empty() && allowed.contains(&action) {
            self.permits.push((rule, message));
        }
    }

    fn explain(&mut self, rule: RuleId, message: Message) {
        if self.overriding.is_empty() {
            self.explanations.push((rule, message));
        }
    }

    fn special(&mut self, effect: Effect, rule: RuleId) {
        if self.overriding.is_empty() {
            self.special.push((effect, rule, Self::reason(rule)));
        }
    }

    fn into_decision(self) -> Decision {
        let (effect, mut chosen): (Effect, Vec<(RuleId, Message)>) = if !self.overriding.is_empty()
        {
            (Effect::Deny, self.overriding)
        } else if !self.permits.is_empty() {
            (Effect::Permit, self.permits)
        } else if !self.special.is_empty() {
            // IndirectOnly is the stricter of the two special outcomes.
            let effect = if self.special.iter().any(|s| s.0 == Effect::IndirectOnly) {
                Effect::IndirectOnly
            } else {
                Effect::DoctorWeighs
            };
            let chosen = self
                .special
                .into_iter()
                .filter(|s| s.0 == effect)
                .map(|s| (s.1, s.2))
                .collect();
            (effect, chosen)
        } else if !self.explanations.is_empty() {
            (Effect::Deny, self.explanations)
        } else {
            (
                Effect::Deny,
                vec![(RuleId::DefaultDeny, Self::reason(RuleId::DefaultDeny))],
            )
        };
        // One reason per rule: a rule met twice (a curator and a mentor, say) keeps the first
        // of its reasons in their order, so the decision is the same whatever the facts' order.
        chosen.sort();
        chosen.dedup_by(|later, first| later.0 == first.0);
        let (rules, reasons) = chosen.into_iter().unzip();
        Decision {
            effect,
            rules,
            reasons,
        }
    }
}

/// Decides a request about the record described by `facts`, at instant `now`. Pure: the same
/// inputs always give the same decision, natively and in wasm32.
///
/// ```
/// use inzage_domain::access::*;
/// use time::macros::{date, datetime};
///
/// let me = PersonId("p1".into());
/// let facts = Facts {
///     patient: Patient { id: me.clone(), birth_date: Some(date!(1948 - 11 - 08)), died_at: None },
///     hospital: HospitalPolicy { report_cutoff: Some(date!(2016 - 08 - 15)), ..HospitalPolicy::belgian() },
///     facts: vec![],
/// };
/// let request = Request {
///     principal: Principal::Person { id: me },
///     action: Action::Read,
///     resource: Resource::Report {
///         report: ReportFacts { status: ReportStatus::Validated, shielded: false, date: date!(2020 - 01 - 01), consultation_note: false, held: None },
///     },
/// };
/// let decision = decide(&request, &facts, datetime!(2026-11-27 12:00 UTC));
/// assert!(decision.is_permitted());
/// assert_eq!(decision.rules, vec![RuleId::OwnRecord]);
/// ```
pub fn decide(request: &Request, facts: &Facts, now: OffsetDateTime) -> Decision {
    let mut m = Matches::default();
    let action = request.action;
    let patient = &facts.patient;
    let hospital = &facts.hospital;
    let dead = patient.died_at.is_some_and(|d| d <= now);

    match &request.principal {
        Principal::Practitioner { id } => practitioner_rules(&mut m, id, action, facts, now),
        Principal::Person { id } => {
            // The report rules go first: when one of them denies, the grounds need not be
            // collected at all.
            match &request.resource {
                Resource::Record => {}
                Resource::Report { report } => {
                    report_rules(&mut m, report, true, patient, hospital, now);
                }
                Resource::Item { section, item } => {
                    report_rules(
                        &mut m,
                        item,
                        section.follows_report_dates(),
                        patient,
                        hospital,
                        now,
                    );
                }
            }
            if dead {
                person_after_death(&mut m, id, action, facts);
            } else if m.overriding.is_empty() {
                // A living patient's grounds only add permits and explanations, which an
                // overriding deny (a report rule) makes moot.
                person_rules(&mut m, id, action, facts, now);
            }
        }
    }
    m.into_decision()
}

fn practitioner_rules(
    m: &mut Matches,
    id: &PractitionerId,
    action: Action,
    facts: &Facts,
    now: OffsetDateTime,
) {
    let reason = |rule: RuleId| Matches::reason(rule).arg("practitioner", id.0.clone());
    let mut treating = false;
    let mut gp = false;
    let mut gp_refused = false;
    let mut exchange_consent = false;
    let mut referrer_revoked = false;
    for fact in &facts.facts {
        match fact {
            Fact::Exclusion {
                practitioner,
                period,
            } if practitioner == id && period.contains(now) => {
                m.deny(RuleId::Exclusion, reason(RuleId::Exclusion));
            }
            Fact::TherapeuticRelationship {
                practitioner,
                period,
            } if practitioner == id && period.contains(now) => treating = true,
            Fact::GeneralPractitioner {
                practitioner,
                period,
            } if practitioner == id && period.contains(now) => gp = true,
            Fact::GpAccessRefused { period } if period.contains(now) => gp_refused = true,
            Fact::ReferrerConsent {
                practitioner,
                period,
            } if practitioner == id => {
                if period.contains(now) {
                    m.permit(
                        action,
                        READ,
                        RuleId::ReferrerConsent,
                        reason(RuleId::ReferrerConsent),
                    );
                } else if period.ended_by(now) {
                    referrer_revoked = true;
                }
            }
            Fact::EmergencyAccess {
                practitioner,
                reason: why,
                period,
            } if practitioner == id && period.contains(now) && !why.trim().is_empty() => {
                m.permit(
                    action,
                    READ,
                    RuleId::EmergencyAccess,
                    reason(RuleId::EmergencyAccess).arg("reason", why.trim()),
                );
            }
            Fact::ExchangeConsent { period } if period.contains(now) => exchange_consent = true,
            _ => {}
        }
    }
    if treating {
        m.permit(
            action,
            READ,
            RuleId::TreatingRelationship,
            reason(RuleId::TreatingRelationship),
        );
    }
    if gp {
        if gp_refused {
            m.explain(RuleId::GpAccessRefused, reason(RuleId::GpAccessRefused));
        } else {
            m.permit(
                action,
                READ,
                RuleId::GeneralPractitioner,
                reason(RuleId::GeneralPractitioner),
            );
        }
    }
    if referrer_revoked {
        m.explain(
            RuleId::ReferrerConsentRevoked,
            reason(RuleId::ReferrerConsentRevoked),
        );
    }
    if action == Action::ReadThroughExchange {
        if exchange_consent && treating {
            m.permit(
                action,
                &[Action::ReadThroughExchange],
                RuleId::ExchangeWithConsent,
                reason(RuleId::ExchangeWithConsent),
            );
        } else {
            m.explain(
                RuleId::ExchangeNotAllowed,
                reason(RuleId::ExchangeNotAllowed),
            );
        }
    }
    if action == Action::OptOutOfDataReuse {
        m.explain(
            RuleId::DataReuseOnlyPatient,
            Matches::reason(RuleId::DataReuseOnlyPatient),
        );
    }
}

fn person_rules(
    m: &mut Matches,
    id: &PersonId,
    action: Action,
    facts: &Facts,
    now: OffsetDateTime,
) {
    let patient = &facts.patient;
    let hospital = &facts.hospital;
    if *id == patient.id {
        // A child uses the portal once they exercise their rights themselves; before that the
        // parents act for them. Without a birth date the patient is taken to be an adult.
        let own_age = match hospital.jurisdiction {
            Jurisdiction::Netherlands => 12,
            Jurisdiction::Belgium => hospital.parent_link_until_age,
        };
        let old_enough = patient
            .birth_date
            .is_none_or(|b| has_reached_age(b, own_age, now, hospital.time_zone));
        if old_enough {
            m.permit(
                action,
                PATIENT,
                RuleId::OwnRecord,
                Matches::reason(RuleId::OwnRecord),
            );
        } else {
            m.explain(
                RuleId::OwnRecordTooYoung,
                Matches::reason(RuleId::OwnRecordTooYoung).arg("age", own_age.to_string()),
            );
        }
        return;
    }
    if action == Action::OptOutOfDataReuse {
        m.explain(
            RuleId::DataReuseOnlyPatient,
            Matches::reason(RuleId::DataReuseOnlyPatient),
        );
        return;
    }
    let reached = |years: u8| {
        patient
            .birth_date
            .map(|b| has_reached_age(b, years, now, hospital.time_zone))
    };
    let incapable = facts.incapable(now);
    let mut authority = false;
    let mut child_consent = false;
    let mut without_authority = false;
    for fact in &facts.facts {
        match fact {
            Fact::ParentLink { parent, period }
                if parent == id && hospital.jurisdiction == Jurisdiction::Belgium =>
            {
                let limit = hospital.parent_link_until_age;
                let until = patient
                    .birth_date
                    .map(|b| iso_date(birthday(b, limit)))
                    .unwrap_or_default();
                match (period.contains(now), reached(limit)) {
                    (true, Some(false)) => m.permit(
                        action,
                        PROXY,
                        RuleId::BeParentLink,
                        Matches::reason(RuleId::BeParentLink).arg("until", until),
                    ),
                    // Without a birth date the age limit cannot be checked: the link does not
                    // count (the stricter reading).
                    (true, _) => m.explain(
                        RuleId::BeParentLinkEnded,
                        Matches::reason(RuleId::BeParentLinkEnded)
                            .arg("age", limit.to_string())
                            .arg("since", until),
                    ),
                    (false, _) if period.ended_by(now) => m.explain(
                        RuleId::DesignationRevoked,
                        Matches::reason(RuleId::DesignationRevoked),
                    ),
                    _ => {}
                }
            }
            Fact::ParentalAuthority { parent, period }
                if parent == id
                    && hospital.jurisdiction == Jurisdiction::Netherlands
                    && period.contains(now) =>
            {
                authority = true;
            }
            Fact::ParentWithoutAuthority { parent }
                if parent == id && hospital.jurisdiction == Jurisdiction::Netherlands =>
            {
                without_authority = true;
            }
            // Only a consent the child gave at 12 or older counts: a younger child's consent
            // has no legal weight (WGBO art. 7:465).
            Fact::ChildConsent { parent, period }
                if parent == id
                    && period.contains(now)
                    && patient.birth_date.is_some_and(|b| {
                        hospital.time_zone.local_date(period.from) >= birthday(b, 12)
                    }) =>
            {
                child_consent = true;
            }
            Fact::TrustedPerson { person, period }
                if person == id && hospital.jurisdiction == Jurisdiction::Belgium =>
            {
                if period.contains(now) {
                    m.permit(
                        action,
                        INSPECT,
                        RuleId::BeTrustedPerson,
                        Matches::reason(RuleId::BeTrustedPerson),
                    );
                } else if period.ended_by(now) {
                    m.explain(
                        RuleId::DesignationRevoked,
                        Matches::reason(RuleId::DesignationRevoked),
                    );
                }
            }
            Fact::Representative { person, period }
                if person == id && hospital.jurisdiction == Jurisdiction::Belgium =>
            {
                if period.contains(now) && incapable {
                    m.permit(
                        action,
                        PROXY,
                        RuleId::BeRepresentative,
                        Matches::reason(RuleId::BeRepresentative),
                    );
                } else if period.contains(now) {
                    m.explain(
                        RuleId::BeRepresentativeNotNeeded,
                        Matches::reason(RuleId::BeRepresentativeNotNeeded),
                    );
                } else if period.ended_by(now) {
                    m.explain(
                        RuleId::DesignationRevoked,
                        Matches::reason(RuleId::DesignationRevoked),
                    );
                }
            }
            Fact::Authorisation {
                person,
                authorisation,
                period,
            } if person == id && hospital.jurisdiction == Jurisdiction::Netherlands => {
                if period.contains(now) {
                    let kind = match authorisation {
                        AuthorisationKind::Curator => "curator",
                        AuthorisationKind::Mentor => "mentor",
                        AuthorisationKind::Written => "written",
                    };
                    m.permit(
                        action,
                        PROXY,
                        RuleId::NlAuthorisation,
                        Matches::reason(RuleId::NlAuthorisation).arg("authorisation", kind),
                    );
                } else if period.ended_by(now) {
                    m.explain(
                        RuleId::DesignationRevoked,
                        Matches::reason(RuleId::DesignationRevoked),
                    );
                }
            }
            _ => {}
        }
    }
    if hospital.jurisdiction == Jurisdiction::Netherlands {
        if without_authority && !authority {
            m.explain(
                RuleId::NlParentWithoutAuthority,
                Matches::reason(RuleId::NlParentWithoutAuthority),
            );
        }
        if authority {
            match (reached(12), reached(16)) {
                (Some(false), _) => m.permit(
                    action,
                    PROXY,
                    RuleId::NlParentUnder12,
                    Matches::reason(RuleId::NlParentUnder12),
                ),
                (Some(true), Some(false)) if child_consent => m.permit(
                    action,
                    INSPECT,
                    RuleId::NlParentWithChildConsent,
                    Matches::reason(RuleId::NlParentWithChildConsent),
                ),
                (Some(true), Some(false)) => m.explain(
                    RuleId::NlChildConsentMissing,
                    Matches::reason(RuleId::NlChildConsentMissing),
                ),
                // 16 or older, or no birth date to prove otherwise: the child decides alone.
                _ => m.explain(
                    RuleId::NlChildDecidesAlone,
                    Matches::reason(RuleId::NlChildDecidesAlone),
                ),
            }
        }
    }
}

/// After death: the account and every proxy lose portal access; relatives may get the special
/// outcomes of their jurisdiction.
fn person_after_death(m: &mut Matches, id: &PersonId, action: Action, facts: &Facts) {
    // The closest kinship counts, whatever order the facts come in.
    let relative_degree = facts
        .facts
        .iter()
        .filter_map(|f| match f {
            Fact::Relative { person, degree } if person == id => Some(*degree),
            _ => None,
        })
        .min();
    let objected = facts
        .facts
        .iter()
        .any(|f| matches!(f, Fact::ObjectionAfterDeath));
    let reading = matches!(action, Action::Read | Action::RequestCopy);
    match (relative_degree, facts.hospital.jurisdiction) {
        // Belgium grants relatives indirect inspection only, not a copy (art. 9 §4).
        (Some(degree), Jurisdiction::Belgium)
            if (1..=2).contains(&degree) && action == Action::Read =>
        {
            if objected {
                m.deny(
                    RuleId::BeObjectionAfterDeath,
                    Matches::reason(RuleId::BeObjectionAfterDeath),
                );
            } else {
                m.special(Effect::IndirectOnly, RuleId::BeRelativeAfterDeath);
            }
        }
        (Some(degree), Jurisdiction::Netherlands) if degree >= 1 && reading => {
            m.special(Effect::DoctorWeighs, RuleId::NlRelativeAfterDeath);
        }
        // No portal ground survives death: the special outcomes above are not portal access.
        _ => m.deny(RuleId::Death, Matches::reason(RuleId::Death)),
    }
}

/// The portal shows only validated, unshielded reports from the cutoff on, and children's
/// reports only where the hospital shows them.
/// The rules on one report or item; `dated` says whether the cutoff and the children's rule
/// apply to it.
fn report_rules(
    m: &mut Matches,
    report: &ReportFacts,
    dated: bool,
    patient: &Patient,
    hospital: &HospitalPolicy,
    now: OffsetDateTime,
) {
    if report.status != ReportStatus::Validated {
        m.deny(
            RuleId::ReportNotValidated,
            Matches::reason(RuleId::ReportNotValidated),
        );
    }
    if report.shielded {
        m.deny(
            RuleId::ReportShielded,
            Matches::reason(RuleId::ReportShielded),
        );
    }
    if report.consultation_note && !hospital.shows_consultation_notes {
        m.deny(
            RuleId::ConsultationNoteNotReleased,
            Matches::reason(RuleId::ConsultationNoteNotReleased),
        );
    }
    if let Some(hold) = report.held.filter(|h| h.holds_at(now)) {
        let rule = match hold.by {
            HoldBy::CareTeam => RuleId::HeldByCareTeam,
            HoldBy::Patient => RuleId::HeldAtPatientsChoice,
        };
        m.deny(rule, Matches::reason(rule));
    }
    if !dated {
        return;
    }
    if let Some(cutoff) = hospital.report_cutoff {
        if report.date < cutoff {
            m.deny(
                RuleId::ReportBeforeCutoff,
                Matches::reason(RuleId::ReportBeforeCutoff).arg("cutoff", iso_date(cutoff)),
            );
        }
    }
    if !hospital.shows_children_reports {
        // A child's report is one written before the patient's 18th birthday (the stricter
        // reading: it stays hidden once the patient is an adult).
        if let Some(birth) = patient.birth_date {
            if report.date < birthday(birth, 18) {
                m.deny(
                    RuleId::ChildReportHidden,
                    Matches::reason(RuleId::ChildReportHidden),
                );
            }
        }
    }
}

/// One change whose consequences the patient sees before confirming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// A fact is added (a grant, an exclusion, a designation).
    Add {
        /// The new fact.
        fact: Fact,
    },
    /// Every fact equal to this one ends at `at` (a revocation, a lifted exclusion).
    End {
        /// The fact as it stands.
        fact: Fact,
        /// When it ends.
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    /// Time moves on to `at` (for example a child's birthday), the facts unchanged.
    TimePasses {
        /// The later instant.
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
}

/// What one person gains or loses through a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// Who.
    pub principal: Principal,
    /// Which action.
    pub action: Action,
    /// The decision before the change.
    pub before: Decision,
    /// The decision after it.
    pub after: Decision,
}

/// Applies a change to the facts and the clock, returning the new facts and the instant to decide at.
/// ```
/// use inzage_domain::access::*;
/// use time::macros::{date, datetime};
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let consent = Fact::ExchangeConsent { period: Period::since(datetime!(2020-01-01 0:00 UTC)) };
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1970 - 01 - 01)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![consent.clone()],
/// };
/// let (after, at) = apply(&facts, &Change::End { fact: consent, at: now }, now);
/// assert_eq!(at, now);
/// assert!(matches!(&after.facts[0], Fact::ExchangeConsent { period } if period.until == Some(now)));
/// ```
pub fn apply(facts: &Facts, change: &Change, now: OffsetDateTime) -> (Facts, OffsetDateTime) {
    let mut after = facts.clone();
    match change {
        Change::Add { fact } => {
            after.facts.push(fact.clone());
            (after, now)
        }
        Change::End { fact, at } => {
            for f in after.facts.iter_mut().filter(|f| *f == fact) {
                if let Some(period) = period_mut(f) {
                    period.until = Some(period.until.map_or(*at, |u| u.min(*at)));
                }
            }
            (after, now.max(*at))
        }
        Change::TimePasses { at } => (after, now.max(*at)),
    }
}

fn period_mut(fact: &mut Fact) -> Option<&mut Period> {
    period_of!(fact)
}

/// Everyone the facts name, and the patient: the people a change can affect.
/// ```
/// use inzage_domain::access::*;
/// use time::macros::datetime;
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: None, died_at: None },
///     hospital: HospitalPolicy::dutch(),
///     facts: vec![Fact::ParentWithoutAuthority { parent: PersonId("dad".into()) }],
/// };
/// assert_eq!(principals(&facts).len(), 2);
/// ```
pub fn principals(facts: &Facts) -> Vec<Principal> {
    let mut out = vec![Principal::Person {
        id: facts.patient.id.clone(),
    }];
    for f in &facts.facts {
        let p = match f {
            Fact::TherapeuticRelationship { practitioner, .. }
            | Fact::GeneralPractitioner { practitioner, .. }
            | Fact::ReferrerConsent { practitioner, .. }
            | Fact::Exclusion { practitioner, .. }
            | Fact::EmergencyAccess { practitioner, .. } => Principal::Practitioner {
                id: practitioner.clone(),
            },
            Fact::ParentLink { parent, .. }
            | Fact::ParentalAuthority { parent, .. }
            | Fact::ParentWithoutAuthority { parent }
            | Fact::ChildConsent { parent, .. } => Principal::Person { id: parent.clone() },
            Fact::TrustedPerson { person, .. }
            | Fact::Representative { person, .. }
            | Fact::Authorisation { person, .. }
            | Fact::Relative { person, .. } => Principal::Person { id: person.clone() },
            Fact::GpAccessRefused { .. }
            | Fact::ExchangeConsent { .. }
            | Fact::Incapacity { .. }
            | Fact::DataReuseOptOut { .. }
            | Fact::ObjectionAfterDeath => continue,
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// What each person named in the facts gains or loses through a change, for every action on
/// the record: only the decisions whose effect changes are listed.
/// ```
/// use inzage_domain::access::*;
/// use time::macros::{date, datetime};
/// let gp = Fact::GeneralPractitioner {
///     practitioner: PractitionerId("dr-janssens".into()),
///     period: Period::since(datetime!(2020-01-01 0:00 UTC)),
/// };
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1970 - 01 - 01)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![gp],
/// };
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let refuse = Change::Add { fact: Fact::GpAccessRefused { period: Period::since(now) } };
/// let diffs = what_if(&facts, &refuse, now);
/// assert_eq!(diffs.len(), 1);
/// assert_eq!(diffs[0].after.rules, vec![RuleId::GpAccessRefused]);
/// ```
pub fn what_if(facts: &Facts, change: &Change, now: OffsetDateTime) -> Vec<Difference> {
    effects(facts, std::slice::from_ref(change), now)
}

/// Like [`what_if`], for several changes applied in order (one command of the patient can end
/// more than one fact).
pub fn effects(facts: &Facts, changes: &[Change], now: OffsetDateTime) -> Vec<Difference> {
    let mut after_facts = facts.clone();
    let mut after_now = now;
    for change in changes {
        (after_facts, after_now) = apply(&after_facts, change, after_now);
    }
    let mut people = principals(facts);
    for p in principals(&after_facts) {
        if !people.contains(&p) {
            people.push(p);
        }
    }
    let mut out = Vec::new();
    for principal in people {
        for action in Action::ALL {
            let request = Request {
                principal: principal.clone(),
                action,
                resource: Resource::Record,
            };
            let before = decide(&request, facts, now);
            let after = decide(&request, &after_facts, after_now);
            if before.effect != after.effect {
                out.push(Difference {
                    principal: principal.clone(),
                    action,
                    before,
                    after,
                });
            }
        }
    }
    out
}

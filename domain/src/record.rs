//! The record's sections beside the reports, as the JSON API sends them: lab results over time,
//! the medical summary (allergies, blood group, risks), medications and appointments.
//!
//! Every item in these shapes was decided readable by [`crate::decide`] with
//! [`crate::Resource::Item`] before the server put it in; the browser only shows them.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::results::{Flag, ReferenceRange};
use crate::wire::HospitalCutoff;

/// One measured value of a test.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultValue {
    /// The item's id.
    pub id: String,
    /// When it was measured.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The value as the lab gave it (a number keeps its decimals, a text result its words).
    pub value: String,
    /// The value as a number, when it is one (what the chart draws).
    pub number: Option<f64>,
    /// The unit.
    pub unit: Option<String>,
    /// The reference range, when the lab gave one as numbers.
    pub range: Option<ReferenceRange>,
    /// The reference range as the lab wrote it, when it is only text.
    pub range_text: Option<String>,
    /// How the value stands against the range.
    pub flag: Flag,
    /// The hospital whose lab measured it.
    pub hospital: String,
}

crate::redacted_debug!(ResultValue { id });

/// One test (a code such as LOINC 2339-0 "Glucose") and its values.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultSeries {
    /// The test's code, the key of its page.
    pub code: String,
    /// What was measured.
    pub name: String,
    /// The kind of result ("laboratory", "vital-signs", …).
    pub category: Option<String>,
    /// The values, oldest first.
    pub values: Vec<ResultValue>,
}

crate::redacted_debug!(ResultSeries { code });

/// One test in the overview: its latest value and how many there are.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultSummary {
    /// The test's code.
    pub code: String,
    /// What was measured.
    pub name: String,
    /// The kind of result.
    pub category: Option<String>,
    /// The most recent value.
    pub latest: ResultValue,
    /// How many values there are.
    pub count: u32,
}

crate::redacted_debug!(ResultSummary { code });

/// The results of a record: one line per test, the most recently measured first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultsOverview {
    /// The tests.
    pub tests: Vec<ResultSummary>,
    /// The cutoff dates of the record's hospitals (older results are not shown).
    pub cutoffs: Vec<HospitalCutoff>,
    /// Which page of tests this is, of how many tests that pass the filters.
    #[serde(default)]
    pub page: crate::listing::Page,
    /// The hospitals of all the results the person may read, to filter on.
    #[serde(default)]
    pub hospitals: Vec<crate::listing::HospitalOption>,
}

/// An allergy or intolerance.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AllergyItem {
    /// The item's id.
    pub id: String,
    /// To what ("Allergy to peanuts").
    pub name: String,
    /// food, medication, environment or biologic.
    pub category: Option<String>,
    /// low, high or unable-to-assess.
    pub criticality: Option<String>,
    /// active, inactive or resolved.
    pub clinical_status: Option<String>,
    /// When it was recorded.
    pub recorded: Date,
    /// The hospital that recorded it.
    pub hospital: String,
}

crate::redacted_debug!(AllergyItem { id });

/// A risk or condition on the problem list.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskItem {
    /// The item's id.
    pub id: String,
    /// What it is ("Hypertension").
    pub name: String,
    /// active, recurrence, relapse, inactive, remission or resolved.
    pub clinical_status: Option<String>,
    /// Since when.
    pub onset: Date,
    /// Until when, if it ended.
    pub ended: Option<Date>,
    /// The hospital that recorded it.
    pub hospital: String,
}

crate::redacted_debug!(RiskItem { id });

/// The blood group as last determined.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BloodGroup {
    /// The group as the lab wrote it ("A Rh(D) positive").
    pub value: String,
    /// When it was determined.
    pub determined: Date,
    /// The hospital whose lab determined it.
    pub hospital: String,
}

crate::redacted_debug!(BloodGroup {});

/// The patient's own statement, added to the record at their request (a correction or an
/// addition): it stays in the record whatever the hospital decides about a correction, so
/// everyone who reads the record reads the patient's side too.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PatientStatement {
    /// When it was filed.
    pub filed: Date,
    /// The hospital it was filed with.
    pub hospital: String,
    /// The statement, as the patient wrote it (shown as text).
    pub text: String,
    /// Where the request stands (a correction of facts is weighed by the hospital).
    pub status: crate::cases::CaseStatus,
}

crate::redacted_debug!(PatientStatement { status });

/// An e-consult with a treating doctor, as it stands in the record: the whole exchange, so
/// that everyone who reads the record reads what was asked and advised.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EConsultNote {
    /// When it was asked.
    pub asked: Date,
    /// The doctor it went to.
    pub doctor: String,
    /// The subject.
    pub subject: String,
    /// The messages, oldest first.
    pub exchange: Vec<EConsultLine>,
}

crate::redacted_debug!(EConsultNote { asked });

/// One message of an e-consult.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EConsultLine {
    /// Who wrote it.
    pub author: String,
    /// When.
    pub sent: Date,
    /// What (shown as text).
    pub text: String,
}

crate::redacted_debug!(EConsultLine { sent });

/// The patient's personal data as the hospitals hold them, and where a correction can go.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalData {
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Birth date, when known.
    pub birth_date: Option<Date>,
    /// Administrative gender as recorded (`female`, `male`, `other`, `unknown`).
    pub gender: Option<String>,
    /// The Belgian national number or Dutch BSN, written as on a card.
    pub national_number: Option<String>,
    /// The hospital's record number.
    pub record_number: Option<String>,
    /// The postal address, one line per line.
    pub postal_address: Option<String>,
    /// Whether this person may ask for a correction (the patient, or whoever acts in their
    /// place); others only read.
    pub may_request_correction: bool,
    /// The hospitals that hold data of the record, to send a correction to.
    pub hospitals: Vec<crate::listing::HospitalOption>,
}

crate::redacted_debug!(PersonalData {
    may_request_correction
});

/// The personal data a correction request can be about, as the page names them.
pub const PERSONAL_FIELDS: [&str; 5] = [
    "name",
    "birth_date",
    "gender",
    "national_number",
    "postal_address",
];

/// Allergies, blood group and risks: what a doctor should know first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MedicalSummary {
    /// Allergies and intolerances, active ones first.
    pub allergies: Vec<AllergyItem>,
    /// The blood group, when known.
    pub blood_group: Option<BloodGroup>,
    /// Risks and conditions, active ones first.
    pub risks: Vec<RiskItem>,
    /// The patient's own statements added to the record, newest first.
    #[serde(default)]
    pub statements: Vec<PatientStatement>,
    /// E-consults with treating doctors, the most recent first.
    #[serde(default)]
    pub e_consults: Vec<EConsultNote>,
}

/// A medication.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MedicationItem {
    /// The item's id.
    pub id: String,
    /// The product ("Hydrochlorothiazide 25 MG").
    pub name: String,
    /// How to take it, as prescribed.
    pub dosage: Option<String>,
    /// Whether it is taken now (active, on-hold) rather than in the past.
    pub current: bool,
    /// The FHIR status (active, completed, stopped, …).
    pub status: String,
    /// Since when.
    pub start: Date,
    /// Until when, when known.
    pub end: Option<Date>,
    /// Who prescribed it.
    pub prescriber: Option<String>,
    /// The hospital.
    pub hospital: String,
}

crate::redacted_debug!(MedicationItem { id });

/// A record's medications, current ones first, then past ones, each newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MedicationList {
    /// The medications.
    pub medications: Vec<MedicationItem>,
}

/// An appointment or a past visit.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppointmentItem {
    /// The item's id.
    pub id: String,
    /// What it is for ("Consultation cardiology").
    pub description: String,
    /// When it starts.
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    /// When it ends, when known.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub end: Option<OffsetDateTime>,
    /// booked, arrived, fulfilled, cancelled, noshow, …
    pub status: String,
    /// Where (a department, a room, a campus).
    pub location: Option<String>,
    /// With whom.
    pub practitioner: Option<String>,
    /// Whether it is a video consultation.
    #[serde(default)]
    pub video: bool,
    /// The hospital.
    pub hospital: String,
    /// What the person can do with it online now (move, cancel), as
    /// [`crate::appointments::changes_of`] decided under its hospital's settings.
    #[serde(default)]
    pub changes: Vec<crate::appointments::AppointmentChange>,
    /// Why it can no longer be changed online although the hospital offers that (its deadline
    /// passed): the person calls the hospital.
    #[serde(default)]
    pub change_closed: Option<crate::message::Message>,
}

crate::redacted_debug!(AppointmentItem { id });

/// A record's appointments: the upcoming ones soonest first, then the past ones latest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppointmentList {
    /// Appointments from now on.
    pub upcoming: Vec<AppointmentItem>,
    /// Earlier appointments and visits.
    pub past: Vec<AppointmentItem>,
    /// Whether the person can book a new appointment online: they are the patient, or act in
    /// their place, and a hospital of the network offers booking.
    #[serde(default)]
    pub can_book: bool,
}

/// A patient leaflet the care team linked to the record: a page of the hospital's website
/// ("Na uw knieoperatie").
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeafletItem {
    /// The item's id.
    pub id: String,
    /// What it is about.
    pub title: String,
    /// When the care team linked it.
    pub linked: Date,
    /// Where to read it (http or https).
    pub url: String,
    /// The hospital.
    pub hospital: String,
}

crate::redacted_debug!(LeafletItem { id });

/// A record's leaflets, the most recently linked first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeafletList {
    /// The leaflets.
    pub leaflets: Vec<LeafletItem>,
}

/// Where in the record a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A report; the hit's id is the report's.
    Report,
    /// A test's results; the hit's id is the test's code, its date the latest value's.
    Result,
    /// An allergy or intolerance.
    Allergy,
    /// The blood group.
    BloodGroup,
    /// A risk.
    Risk,
    /// A medication.
    Medication,
    /// An appointment or visit.
    Appointment,
    /// A patient leaflet.
    Leaflet,
}

/// One thing in the record that matches a search.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// Which section it is in.
    pub kind: HitKind,
    /// The report's id, the test's code, or the item's id: what its page is found by.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Its day (a test's latest value's).
    pub date: Date,
    /// The hospital.
    pub hospital: String,
}

crate::redacted_debug!(SearchHit { kind, id });

/// A page of what matches a search across the record, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    /// The hits on this page.
    pub hits: Vec<SearchHit>,
    /// Which page, of how many hits.
    pub page: crate::listing::Page,
    /// The hospitals of everything the person may read, to filter on.
    pub hospitals: Vec<crate::listing::HospitalOption>,
}

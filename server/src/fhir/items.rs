//! Import of the record's sections beside the reports, one [`ItemImport`] per item:
//!
//! | FHIR resource | section | shown when (validated) | the day the rules look at |
//! |---|---|---|---|
//! | Observation (laboratory, vital-signs, exam or no category) | result | status final, amended or corrected | effective\[x\], else issued |
//! | Observation with LOINC 882-1, 883-9 or 10331-7 | blood group | as above | as above |
//! | AllergyIntolerance | allergy | not entered-in-error or refuted | recordedDate, else onset |
//! | Condition | risk | not entered-in-error or refuted | onset, else recordedDate |
//! | MedicationRequest, MedicationStatement | medication | not entered-in-error, draft, cancelled or not-taken | authoredOn / effective\[x\] / dateAsserted |
//! | Appointment, Encounter | appointment | not entered-in-error | start |
//! | DocumentReference of LOINC type 69730-0 (instructions) with a web address | leaflet | status current | date |
//!
//! Observations of other categories (survey, social-history) are not results and are left out;
//! an Observation with components (a blood pressure) gives one result per component. Appointments
//! and encounters without a start are left out (they cannot be placed in time). The hospital is
//! the resource's own organisation where FHIR gives it one (an Observation's performer, else the
//! performer of the DiagnosticReport that lists it; an encounter's serviceProvider; an
//! appointment's Location's managingOrganization; the export's hospital extension), else that of
//! the patient's latest encounter in the bundle; a resource with neither is refused, naming it.

use inzage_domain::results::{Flag, ReferenceRange};
use inzage_domain::Section;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::{array, concept_text, day, err, id_of, shielded, str_at, Context, ImportError};
use crate::config::parse_date;

/// Blood group codes (LOINC): ABO and Rh group, ABO group, Rh type.
const BLOOD_GROUP_CODES: [&str; 3] = ["882-1", "883-9", "10331-7"];

/// One item ready to store.
#[derive(Clone, PartialEq)]
pub struct ItemImport {
    /// `Type/id` of the FHIR resource, with `#n` for the n-th component.
    pub id: String,
    /// The patient.
    pub patient_id: String,
    /// The hospital (Organization id).
    pub hospital_id: String,
    /// Which section.
    pub section: Section,
    /// The day the rules look at, `YYYY-MM-DD`.
    pub item_date: String,
    /// The instant, where there is one.
    pub starts_at: Option<OffsetDateTime>,
    /// The end, where there is one.
    pub ends_at: Option<OffsetDateTime>,
    /// Results: the code that groups a series.
    pub code: Option<String>,
    /// What it is.
    pub title: String,
    /// The FHIR status as given.
    pub fhir_status: String,
    /// Shown at all (see the module's table).
    pub validated: bool,
    /// Shielded by a confidentiality label.
    pub shielded: bool,
    /// The section's own details.
    pub detail: ItemDetail,
    /// Results: when the value was made available (`issued`), if given.
    pub issued: Option<OffsetDateTime>,
}

inzage_domain::redacted_debug!(ItemImport { id, patient_id });

/// What each section keeps beyond the common columns, stored as JSON (`{"result": {…}}`).
/// Externally tagged on purpose: an internally tagged enum buffers its fields, and numbers in a
/// buffer do not read back when serde_json's `arbitrary_precision` is on somewhere in the build.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemDetail {
    /// A lab value or measurement.
    Result(ResultDetail),
    /// The blood group.
    BloodGroup {
        /// As the lab wrote it.
        value: String,
    },
    /// An allergy.
    Allergy {
        /// food, medication, environment, biologic.
        category: Option<String>,
        /// low, high, unable-to-assess.
        criticality: Option<String>,
        /// active, inactive, resolved.
        clinical_status: Option<String>,
    },
    /// A risk or condition.
    Risk {
        /// active, resolved, …
        clinical_status: Option<String>,
    },
    /// A medication.
    Medication {
        /// How to take it.
        dosage: Option<String>,
        /// Whether it is taken now.
        current: bool,
        /// Who prescribed it.
        prescriber: Option<String>,
    },
    /// An appointment or visit.
    Appointment {
        /// Where.
        location: Option<String>,
        /// With whom.
        practitioner: Option<String>,
        /// What for, as the hospital names the service (FHIR `serviceType`, or the slot's for
        /// one booked in the portal): it is moved only to a slot for the same service.
        #[serde(default)]
        service: Option<String>,
        /// The doctor's practitioner id, where the appointment names one by reference (or, in
        /// Inzage's own export, by identifier): the one who may open its video room.
        #[serde(default)]
        practitioner_id: Option<String>,
        /// A video consultation (FHIR `appointmentType` or an Encounter's class coded `VR`,
        /// "virtual", in HL7 v3 ActCode).
        #[serde(default)]
        video: bool,
    },
    /// A patient leaflet.
    Leaflet {
        /// Where to read it (http or https).
        url: String,
    },
}

/// A lab value or measurement.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultDetail {
    /// The value as given.
    pub value: String,
    /// The value as a number, when it is one.
    pub number: Option<f64>,
    /// The unit.
    pub unit: Option<String>,
    /// The numeric reference range.
    pub range: Option<ReferenceRange>,
    /// The reference range as text.
    pub range_text: Option<String>,
    /// The flag, from the lab's interpretation or the range.
    pub flag: Flag,
    /// laboratory, vital-signs, exam.
    pub category: Option<String>,
}

/// The items of one resource (none when it is not part of any section).
pub(super) fn items(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
) -> Result<Vec<ItemImport>, ImportError> {
    match str_at(r, "resourceType") {
        Some("Observation") => observation(ctx, name, r),
        Some("AllergyIntolerance") => allergy(ctx, name, r).map(|i| vec![i]),
        Some("Condition") => risk(ctx, name, r).map(|i| vec![i]),
        Some("MedicationRequest" | "MedicationStatement") => {
            medication(ctx, name, r).map(|i| vec![i])
        }
        Some("Appointment") => appointment(ctx, name, r).map(|i| i.into_iter().collect()),
        Some("Encounter") => encounter(ctx, name, r).map(|i| i.into_iter().collect()),
        Some("DocumentReference") if is_leaflet(r) => leaflet(ctx, name, r).map(|i| vec![i]),
        _ => Ok(Vec::new()),
    }
}

/// The fields every section fills the same way.
struct Common {
    patient_id: String,
    hospital_id: String,
    item_date: String,
    fhir_status: String,
    validated: bool,
}

impl Common {
    fn item(
        self,
        id: String,
        section: Section,
        title: String,
        r: &Value,
        detail: ItemDetail,
    ) -> ItemImport {
        ItemImport {
            id,
            patient_id: self.patient_id,
            hospital_id: self.hospital_id,
            section,
            item_date: self.item_date,
            starts_at: None,
            ends_at: None,
            code: None,
            title,
            fhir_status: self.fhir_status,
            validated: self.validated,
            shielded: shielded(r),
            detail,
            issued: None,
        }
    }
}

fn resource_id(r: &Value) -> String {
    format!(
        "{}/{}",
        str_at(r, "resourceType").unwrap_or_default(),
        id_of(r)
    )
}

/// The patient a resource is about, from `field` (`subject` or `patient`).
fn patient_of(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
    field: &str,
) -> Result<String, ImportError> {
    let s = r.get(field).ok_or_else(|| err(name, field, "is missing"))?;
    match ctx.resolve(name, field, s)? {
        (ty, id) if ty == "Patient" => Ok(id),
        (ty, _) => Err(err(name, field, format!("refers to a {ty}, not a Patient"))),
    }
}

/// The hospital of an item: its encounter's, else the patient's latest encounter's.
fn hospital_of(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
    patient: &str,
    own: Option<String>,
) -> Result<String, ImportError> {
    if let Some(h) = own {
        return Ok(h);
    }
    let named = array(r, "extension")
        .iter()
        .find(|e| str_at(e, "url") == Some(super::export::EXT_HOSPITAL))
        .and_then(|e| e.get("valueReference"));
    if let Some(reference) = named {
        return match ctx.resolve(name, "extension.valueReference", reference)? {
            (ty, id) if ty == "Organization" => Ok(id),
            (ty, _) => Err(err(
                name,
                "extension.valueReference",
                format!("refers to a {ty}, not an Organization"),
            )),
        };
    }
    if let Some(h) = super::encounter_hospital(ctx, name, r, "encounter")? {
        return Ok(h);
    }
    ctx.latest_encounter_hospital(patient).ok_or_else(|| {
        err(
            name,
            "encounter",
            "is missing, and the bundle has no encounter of this patient naming a serviceProvider",
        )
    })
}

/// The first of `fields` present, as (field, value).
fn first_of<'a>(r: &'a Value, fields: &[(&'static str, &str)]) -> Option<(&'static str, &'a str)> {
    fields.iter().find_map(|(label, path)| {
        let mut v = r;
        for key in path.split('.') {
            v = v.get(key)?;
        }
        v.as_str().map(|s| (*label, s))
    })
}

/// A FHIR instant or dateTime (a bare date is its midnight UTC).
pub(super) fn instant(name: &str, field: &str, s: &str) -> Result<OffsetDateTime, ImportError> {
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(t);
    }
    let d = parse_date(s.get(..10).unwrap_or(s))
        .map_err(|_| err(name, field, format!("`{s}` is not a FHIR dateTime")))?;
    Ok(d.midnight().assume_utc())
}

fn coded_status<'a>(r: &'a Value, field: &str) -> Option<&'a str> {
    r.get(field)
        .and_then(|c| array(c, "coding").first())
        .and_then(|c| str_at(c, "code"))
}

fn observation(ctx: &Context<'_>, name: &str, r: &Value) -> Result<Vec<ItemImport>, ImportError> {
    let category = array(r, "category")
        .iter()
        .flat_map(|c| array(c, "coding"))
        .find_map(|c| str_at(c, "code"))
        .map(str::to_owned);
    let code = r
        .get("code")
        .and_then(|c| array(c, "coding").iter().find_map(|c| str_at(c, "code")))
        .map(str::to_owned);
    let blood_group = code
        .as_deref()
        .is_some_and(|c| BLOOD_GROUP_CODES.contains(&c));
    if !blood_group
        && !matches!(
            category.as_deref(),
            None | Some("laboratory" | "vital-signs" | "exam")
        )
    {
        return Ok(Vec::new());
    }
    let status = str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))?;
    let validated = match status {
        "final" | "amended" | "corrected" => true,
        "registered" | "preliminary" | "cancelled" | "entered-in-error" | "unknown" => false,
        other => {
            return Err(err(
                name,
                "status",
                format!("`{other}` is not an Observation status"),
            ))
        }
    };
    let title = r
        .get("code")
        .and_then(concept_text)
        .ok_or_else(|| err(name, "code", "is missing"))?;
    let (field, when) = first_of(
        r,
        &[
            ("effectiveDateTime", "effectiveDateTime"),
            ("effectivePeriod.start", "effectivePeriod.start"),
            ("effectiveInstant", "effectiveInstant"),
            ("issued", "issued"),
        ],
    )
    .ok_or_else(|| err(name, "effective[x]", "is missing (and so is issued)"))?;
    let at = instant(name, field, when)?;
    let issued = str_at(r, "issued")
        .map(|s| instant(name, "issued", s))
        .transpose()?;
    let patient_id = patient_of(ctx, name, r, "subject")?;
    let own_hospital = array(r, "performer")
        .iter()
        .find_map(|p| {
            ctx.resolve(name, "performer", p)
                .ok()
                .filter(|(ty, _)| ty == "Organization")
                .map(|(_, id)| id)
        })
        .or_else(|| reporting_hospital(ctx, &id_of(r)));
    let hospital_id = hospital_of(ctx, name, r, &patient_id, own_hospital)?;
    let common = || Common {
        patient_id: patient_id.clone(),
        hospital_id: hospital_id.clone(),
        item_date: at.date().to_string(),
        fhir_status: status.to_owned(),
        validated,
    };
    if blood_group {
        let (value, _) = super::observation_value(r);
        let mut item = common().item(
            resource_id(r),
            Section::BloodGroup,
            title,
            r,
            ItemDetail::BloodGroup { value },
        );
        item.starts_at = Some(at);
        item.code = code;
        return Ok(vec![item]);
    }
    let parts: Vec<(String, Option<String>, &Value)> = if array(r, "component").is_empty() {
        vec![(title, code, r)]
    } else {
        array(r, "component")
            .iter()
            .map(|c| {
                let c_code = c
                    .get("code")
                    .and_then(|cc| array(cc, "coding").iter().find_map(|x| str_at(x, "code")))
                    .map(str::to_owned);
                let c_title = c
                    .get("code")
                    .and_then(concept_text)
                    .unwrap_or_else(|| title.clone());
                (c_title, c_code, c)
            })
            .collect()
    };
    let single = parts.len() == 1;
    Ok(parts
        .into_iter()
        .enumerate()
        .filter(|(_, (_, code, _))| code.is_some())
        .map(|(i, (part_title, part_code, v))| {
            let id = if single {
                resource_id(r)
            } else {
                format!("{}#{i}", resource_id(r))
            };
            let mut item = common().item(
                id,
                Section::Result,
                part_title,
                r,
                ItemDetail::Result(result_detail(v, category.clone())),
            );
            item.starts_at = Some(at);
            item.code = part_code;
            item.issued = issued;
            item
        })
        .collect())
}

/// The hospital of the DiagnosticReport in the bundle that lists Observation `id` among its
/// results (its performing Organization), for a value that names no hospital itself.
fn reporting_hospital(ctx: &Context<'_>, id: &str) -> Option<String> {
    ctx.resources
        .iter()
        .filter(|(key, _)| key.starts_with("DiagnosticReport/"))
        .filter(|(key, report)| {
            array(report, "result").iter().any(|res| {
                ctx.resolve(key, "result", res)
                    .is_ok_and(|(ty, rid)| ty == "Observation" && rid == id)
            })
        })
        .find_map(|(key, report)| {
            array(report, "performer").iter().find_map(|p| {
                ctx.resolve(key, "performer", p)
                    .ok()
                    .filter(|(ty, _)| ty == "Organization")
                    .map(|(_, org)| org)
            })
        })
}

fn result_detail(v: &Value, category: Option<String>) -> ResultDetail {
    let (value, unit) = super::observation_value(v);
    let number = v
        .get("valueQuantity")
        .and_then(|q| q.get("value"))
        .and_then(Value::as_f64);
    let range_json = array(v, "referenceRange").first();
    let bound = |key: &str| {
        range_json
            .and_then(|r| r.get(key))
            .and_then(|b| b.get("value"))
            .and_then(Value::as_f64)
    };
    let range = Some(ReferenceRange {
        low: bound("low"),
        high: bound("high"),
    })
    .filter(|r| r.low.is_some() || r.high.is_some());
    let range_text = range_json
        .and_then(|r| str_at(r, "text"))
        .map(str::to_owned);
    let interpretation = array(v, "interpretation")
        .first()
        .and_then(|i| array(i, "coding").first())
        .and_then(|c| str_at(c, "code"));
    ResultDetail {
        flag: Flag::of(number, range, interpretation),
        value,
        number,
        unit,
        range,
        range_text,
        category,
    }
}

/// Shown unless the verification status says it was wrong.
fn verified(r: &Value) -> bool {
    !matches!(
        coded_status(r, "verificationStatus"),
        Some("entered-in-error" | "refuted")
    )
}

/// What an allergy and a risk share: the concept as title, the day (the first of `dates`
/// present, else the error `missing` names), the patient (in `patient_field`), the hospital,
/// and the verification status.
fn verified_entry(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
    patient_field: &str,
    dates: &[(&'static str, &str)],
    missing: (&str, &str),
) -> Result<(String, Common), ImportError> {
    let title = r
        .get("code")
        .and_then(concept_text)
        .ok_or_else(|| err(name, "code", "is missing"))?;
    let (field, when) = first_of(r, dates).ok_or_else(|| err(name, missing.0, missing.1))?;
    let patient_id = patient_of(ctx, name, r, patient_field)?;
    let hospital_id = hospital_of(ctx, name, r, &patient_id, None)?;
    let common = Common {
        patient_id,
        hospital_id,
        item_date: day(name, field, when)?,
        fhir_status: coded_status(r, "verificationStatus")
            .unwrap_or("unconfirmed")
            .to_owned(),
        validated: verified(r),
    };
    Ok((title, common))
}

fn allergy(ctx: &Context<'_>, name: &str, r: &Value) -> Result<ItemImport, ImportError> {
    let (title, common) = verified_entry(
        ctx,
        name,
        r,
        "patient",
        &[
            ("recordedDate", "recordedDate"),
            ("onsetDateTime", "onsetDateTime"),
            ("onsetPeriod.start", "onsetPeriod.start"),
        ],
        ("recordedDate", "is missing (and so is onset[x])"),
    )?;
    Ok(common.item(
        resource_id(r),
        Section::Allergy,
        title,
        r,
        ItemDetail::Allergy {
            category: array(r, "category")
                .first()
                .and_then(Value::as_str)
                .map(str::to_owned),
            criticality: str_at(r, "criticality").map(str::to_owned),
            clinical_status: coded_status(r, "clinicalStatus").map(str::to_owned),
        },
    ))
}

fn risk(ctx: &Context<'_>, name: &str, r: &Value) -> Result<ItemImport, ImportError> {
    let (title, common) = verified_entry(
        ctx,
        name,
        r,
        "subject",
        &[
            ("onsetDateTime", "onsetDateTime"),
            ("onsetPeriod.start", "onsetPeriod.start"),
            ("recordedDate", "recordedDate"),
        ],
        ("onset[x]", "is missing (and so is recordedDate)"),
    )?;
    let ended = first_of(
        r,
        &[
            ("abatementDateTime", "abatementDateTime"),
            ("abatementPeriod.end", "abatementPeriod.end"),
        ],
    )
    .map(|(f, s)| instant(name, f, s))
    .transpose()?;
    let mut item = common.item(
        resource_id(r),
        Section::Risk,
        title,
        r,
        ItemDetail::Risk {
            clinical_status: coded_status(r, "clinicalStatus").map(str::to_owned),
        },
    );
    item.ends_at = ended;
    Ok(item)
}

/// The name of a medication: its concept, or the Medication it refers to (contained or in the
/// bundle).
fn medication_name(ctx: &Context<'_>, name: &str, r: &Value) -> Result<String, ImportError> {
    if let Some(text) = r.get("medicationCodeableConcept").and_then(concept_text) {
        return Ok(text);
    }
    let reference = r
        .get("medicationReference")
        .ok_or_else(|| err(name, "medication[x]", "is missing"))?;
    let medication = match str_at(reference, "reference") {
        Some(local) if local.starts_with('#') => array(r, "contained")
            .iter()
            .find(|c| str_at(c, "id") == Some(&local[1..]))
            .cloned(),
        _ => {
            let (ty, id) = ctx.resolve(name, "medicationReference", reference)?;
            ctx.resource(&ty, &id).cloned()
        }
    };
    medication
        .as_ref()
        .and_then(|m| m.get("code"))
        .and_then(concept_text)
        .or_else(|| str_at(reference, "display").map(str::to_owned))
        .ok_or_else(|| {
            err(
                name,
                "medicationReference",
                "names no medication with a code",
            )
        })
}

fn medication(ctx: &Context<'_>, name: &str, r: &Value) -> Result<ItemImport, ImportError> {
    let request = str_at(r, "resourceType") == Some("MedicationRequest");
    let status = str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))?;
    let known = if request {
        [
            "active",
            "on-hold",
            "cancelled",
            "completed",
            "entered-in-error",
            "stopped",
            "draft",
            "unknown",
        ]
        .contains(&status)
    } else {
        [
            "active",
            "completed",
            "entered-in-error",
            "intended",
            "stopped",
            "on-hold",
            "unknown",
            "not-taken",
        ]
        .contains(&status)
    };
    if !known {
        return Err(err(
            name,
            "status",
            format!(
                "`{status}` is not a {} status",
                if request {
                    "MedicationRequest"
                } else {
                    "MedicationStatement"
                }
            ),
        ));
    }
    let title = medication_name(ctx, name, r)?;
    let (field, when) = first_of(
        r,
        &[
            ("authoredOn", "authoredOn"),
            ("effectiveDateTime", "effectiveDateTime"),
            ("effectivePeriod.start", "effectivePeriod.start"),
            (
                "dispenseRequest.validityPeriod.start",
                "dispenseRequest.validityPeriod.start",
            ),
            ("dateAsserted", "dateAsserted"),
        ],
    )
    .ok_or_else(|| {
        err(
            name,
            "authoredOn",
            "is missing (and so are effective[x] and dateAsserted)",
        )
    })?;
    let patient_id = patient_of(ctx, name, r, "subject")?;
    let hospital_id = hospital_of(ctx, name, r, &patient_id, None)?;
    let end = first_of(
        r,
        &[
            ("effectivePeriod.end", "effectivePeriod.end"),
            (
                "dispenseRequest.validityPeriod.end",
                "dispenseRequest.validityPeriod.end",
            ),
        ],
    )
    .map(|(f, s)| instant(name, f, s))
    .transpose()?;
    let dosage = array(
        r,
        if request {
            "dosageInstruction"
        } else {
            "dosage"
        },
    )
    .iter()
    .filter_map(|d| str_at(d, "text"))
    .collect::<Vec<_>>()
    .join("; ");
    let prescriber = r
        .get(if request {
            "requester"
        } else {
            "informationSource"
        })
        .and_then(|p| {
            ctx.resolve(name, "requester", p)
                .ok()
                .and_then(|(ty, id)| ctx.practitioner_name(&ty, &id))
                .or_else(|| str_at(p, "display").map(str::to_owned))
        });
    let mut item = Common {
        patient_id,
        hospital_id,
        item_date: day(name, field, when)?,
        fhir_status: status.to_owned(),
        validated: !matches!(
            status,
            "entered-in-error" | "draft" | "cancelled" | "not-taken"
        ),
    }
    .item(
        resource_id(r),
        Section::Medication,
        title,
        r,
        ItemDetail::Medication {
            dosage: (!dosage.is_empty()).then_some(dosage),
            current: matches!(status, "active" | "on-hold" | "intended"),
            prescriber,
        },
    );
    item.ends_at = end;
    Ok(item)
}

fn appointment(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
) -> Result<Option<ItemImport>, ImportError> {
    let status = str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))?;
    let Some(start) = str_at(r, "start") else {
        return Ok(None);
    };
    let start = instant(name, "start", start)?;
    let end = str_at(r, "end")
        .map(|e| instant(name, "end", e))
        .transpose()?;
    let mut patient_id = None;
    let mut practitioner = None;
    let mut practitioner_id = None;
    let mut location = None;
    let mut own_hospital = None;
    for (i, p) in array(r, "participant").iter().enumerate() {
        let Some(actor) = p.get("actor") else {
            continue;
        };
        let field = format!("participant[{i}].actor");
        if actor.get("reference").is_none() {
            // A participant named only by type and display (as the export writes them).
            let display = str_at(actor, "display").map(str::to_owned);
            match str_at(actor, "type") {
                Some("Practitioner") if practitioner.is_none() => {
                    practitioner = display;
                    practitioner_id = actor
                        .get("identifier")
                        .filter(|i| str_at(i, "system") == Some(PRACTITIONER_SYSTEM))
                        .and_then(|i| str_at(i, "value"))
                        .map(str::to_owned);
                }
                Some("Location") if location.is_none() => location = display,
                _ => {}
            }
            continue;
        }
        let (ty, id) = ctx.resolve(name, &field, actor)?;
        match ty.as_str() {
            "Patient" if patient_id.is_none() => patient_id = Some(id),
            "Practitioner" if practitioner.is_none() => {
                practitioner = ctx
                    .practitioner_name(&ty, &id)
                    .or_else(|| str_at(actor, "display").map(str::to_owned));
                practitioner_id = Some(id);
            }
            "Location" if location.is_none() => {
                let place = ctx.resource(&ty, &id);
                location = place
                    .and_then(|l| str_at(l, "name"))
                    .or_else(|| str_at(actor, "display"))
                    .map(str::to_owned);
                own_hospital = place
                    .and_then(|l| l.get("managingOrganization"))
                    .and_then(|o| ctx.resolve(name, "managingOrganization", o).ok())
                    .filter(|(t, _)| t == "Organization")
                    .map(|(_, o)| o);
            }
            _ => {}
        }
    }
    let patient_id = patient_id.ok_or_else(|| err(name, "participant", "names no Patient"))?;
    let hospital_id = hospital_of(ctx, name, r, &patient_id, own_hospital)?;
    let service = array(r, "serviceType").first().and_then(concept_text);
    let description = str_at(r, "description")
        .map(str::to_owned)
        .or_else(|| service.clone())
        .or_else(|| r.get("appointmentType").and_then(concept_text))
        .ok_or_else(|| {
            err(
                name,
                "description",
                "is missing (and so are serviceType and appointmentType)",
            )
        })?;
    let mut item = Common {
        patient_id,
        hospital_id,
        item_date: start.date().to_string(),
        fhir_status: status.to_owned(),
        validated: status != "entered-in-error",
    }
    .item(
        resource_id(r),
        Section::Appointment,
        description,
        r,
        ItemDetail::Appointment {
            location,
            practitioner,
            service,
            practitioner_id,
            video: r.get("appointmentType").is_some_and(is_virtual),
        },
    );
    item.starts_at = Some(start);
    item.ends_at = end;
    Ok(Some(item))
}

/// The identifier system of the practitioner ids Inzage's own export writes on an
/// appointment's doctor (who is named by display, without a Practitioner resource).
pub const PRACTITIONER_SYSTEM: &str = "urn:inzage:practitioner";
/// HL7 v3 ActCode, whose `VR` ("virtual") marks a video consultation.
pub const ACT_CODE_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/// Whether a Coding is ActCode `VR`.
fn is_virtual_coding(coding: &Value) -> bool {
    str_at(coding, "code") == Some("VR")
        && str_at(coding, "system").is_none_or(|s| s == ACT_CODE_SYSTEM)
}

/// Whether a CodeableConcept has ActCode `VR`.
fn is_virtual(concept: &Value) -> bool {
    array(concept, "coding").iter().any(is_virtual_coding)
}

/// A past (or planned) visit, shown with the appointments in the status an Appointment would
/// have.
fn encounter(ctx: &Context<'_>, name: &str, r: &Value) -> Result<Option<ItemImport>, ImportError> {
    let status = str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))?;
    let as_appointment = match status {
        "planned" => "booked",
        "arrived" | "triaged" | "in-progress" | "onleave" => "arrived",
        "finished" => "fulfilled",
        "cancelled" => "cancelled",
        "entered-in-error" => "entered-in-error",
        "unknown" => "unknown",
        other => {
            return Err(err(
                name,
                "status",
                format!("`{other}` is not an Encounter status"),
            ))
        }
    };
    let Some(start) = r.get("period").and_then(|p| str_at(p, "start")) else {
        return Ok(None);
    };
    let start = instant(name, "period.start", start)?;
    let end = r
        .get("period")
        .and_then(|p| str_at(p, "end"))
        .map(|e| instant(name, "period.end", e))
        .transpose()?;
    let patient_id = patient_of(ctx, name, r, "subject")?;
    let own_hospital = r
        .get("serviceProvider")
        .and_then(|sp| ctx.resolve(name, "serviceProvider", sp).ok())
        .filter(|(t, _)| t == "Organization")
        .map(|(_, o)| o);
    let hospital_id = hospital_of(ctx, name, r, &patient_id, own_hospital)?;
    let description = array(r, "type")
        .first()
        .and_then(concept_text)
        .or_else(|| r.get("serviceType").and_then(concept_text))
        .or_else(|| {
            r.get("class")
                .and_then(|c| str_at(c, "display").or_else(|| str_at(c, "code")))
                .map(str::to_owned)
        })
        .ok_or_else(|| {
            err(
                name,
                "type",
                "is missing (and so are serviceType and class)",
            )
        })?;
    let practitioner = array(r, "participant").iter().find_map(|p| {
        let (ty, id) = ctx
            .resolve(name, "participant.individual", p.get("individual")?)
            .ok()?;
        ctx.practitioner_name(&ty, &id)
    });
    let location = array(r, "location").iter().find_map(|l| {
        let loc = l.get("location")?;
        ctx.resolve(name, "location", loc)
            .ok()
            .and_then(|(ty, id)| ctx.resource(&ty, &id))
            .and_then(|place| str_at(place, "name"))
            .or_else(|| str_at(loc, "display"))
            .map(str::to_owned)
    });
    let mut item = Common {
        patient_id,
        hospital_id,
        item_date: start.date().to_string(),
        fhir_status: as_appointment.to_owned(),
        // A visit whose status nobody knows is not shown as if it happened.
        validated: !matches!(status, "entered-in-error" | "unknown"),
    }
    .item(
        resource_id(r),
        Section::Appointment,
        description,
        r,
        ItemDetail::Appointment {
            location,
            practitioner,
            service: r.get("serviceType").and_then(concept_text),
            practitioner_id: None,
            video: r.get("class").is_some_and(is_virtual_coding),
        },
    );
    item.starts_at = Some(start);
    item.ends_at = end;
    Ok(Some(item))
}

/// The LOINC document type of patient instructions: a leaflet the care team gives the patient.
pub const LEAFLET_TYPE: &str = "69730-0";

/// Whether a DocumentReference is a patient leaflet (of type [`LEAFLET_TYPE`]) rather than a
/// report.
pub(super) fn is_leaflet(r: &Value) -> bool {
    r.get("type")
        .map(|t| array(t, "coding"))
        .unwrap_or_default()
        .iter()
        .any(|c| {
            str_at(c, "system") == Some("http://loinc.org")
                && str_at(c, "code") == Some(LEAFLET_TYPE)
        })
}

/// A leaflet: its title (description, else the attachment's title), the day it was linked, and
/// its web address; the portal links to the hospital's page and stores no copy.
fn leaflet(ctx: &Context<'_>, name: &str, r: &Value) -> Result<ItemImport, ImportError> {
    let status = str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))?;
    let attachment = array(r, "content")
        .iter()
        .find_map(|c| c.get("attachment"))
        .ok_or_else(|| err(name, "content.attachment", "is missing"))?;
    let url = str_at(attachment, "url")
        .filter(|u| {
            (u.starts_with("https://") || u.starts_with("http://"))
                && !u.chars().any(|c| c.is_whitespace() || c.is_control())
        })
        .ok_or_else(|| {
            err(
                name,
                "content.attachment.url",
                "must be the leaflet's web address (http or https)",
            )
        })?;
    let title = str_at(r, "description")
        .or_else(|| str_at(attachment, "title"))
        .map(str::to_owned)
        .ok_or_else(|| {
            err(
                name,
                "description",
                "is missing (and so is the attachment's title)",
            )
        })?;
    let when = str_at(r, "date").ok_or_else(|| err(name, "date", "is missing"))?;
    let patient_id = patient_of(ctx, name, r, "subject")?;
    let own = match r.get("custodian") {
        Some(c) => match ctx.resolve(name, "custodian", c)? {
            (ty, id) if ty == "Organization" => Some(id),
            (ty, _) => {
                return Err(err(
                    name,
                    "custodian",
                    format!("refers to a {ty}, not an Organization"),
                ))
            }
        },
        None => None,
    };
    let hospital_id = hospital_of(ctx, name, r, &patient_id, own)?;
    Ok(Common {
        patient_id,
        hospital_id,
        item_date: day(name, "date", when)?,
        fhir_status: status.to_owned(),
        validated: status == "current",
    }
    .item(
        resource_id(r),
        Section::Leaflet,
        title,
        r,
        ItemDetail::Leaflet {
            url: url.to_owned(),
        },
    ))
}

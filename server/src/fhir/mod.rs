//! Import of FHIR R4 bundles: patients, hospitals, and their reports.
//!
//! The mapping is faithful to FHIR: a DiagnosticReport is validated when its status is final,
//! amended, corrected or appended; a DocumentReference when its docStatus is final or amended
//! (a missing docStatus counts as not validated: the stricter reading). A resource is shielded
//! when its security labels (`meta.security`, or `securityLabel` on a DocumentReference) carry
//! the confidentiality code R (restricted) or V (very restricted). A bad bundle is refused whole,
//! with the resource and field named.

pub mod export;
mod items;
mod slots;

use std::collections::HashMap;

use base64::Engine;
use inzage_domain::wire::{PractitionerRole, ResultLine};
use inzage_domain::{Bsn, Insz};
use serde_json::Value;
use time::{Date, OffsetDateTime};

use crate::config::parse_date;
use crate::store::{ExistsTable, HospitalRow, PatientRow, PractitionerRow, Store};

pub use items::{ItemDetail, ItemImport, ResultDetail};
pub use slots::SlotImport;

/// The FHIR system of Belgian national numbers (INSZ / SSIN).
pub const SYSTEM_SSIN: &str = "https://www.ehealth.fgov.be/standards/fhir/NamingSystem/ssin";
/// The FHIR system of Dutch BSNs.
pub const SYSTEM_BSN: &str = "http://fhir.nl/fhir/NamingSystem/bsn";
/// The OID form of the BSN system.
pub const SYSTEM_BSN_OID: &str = "urn:oid:2.16.840.1.113883.2.4.6.3";
const CONFIDENTIALITY: &str = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

/// A report ready to store.
#[derive(Clone, PartialEq, Eq)]
pub struct ReportImport {
    /// FHIR id.
    pub id: String,
    /// Patient id.
    pub patient_id: String,
    /// Organization id.
    pub hospital_id: String,
    /// `DiagnosticReport` or `DocumentReference`.
    pub source_type: String,
    /// Title.
    pub title: String,
    /// Category.
    pub category: Option<String>,
    /// `YYYY-MM-DD`.
    pub report_date: String,
    /// FHIR status as given.
    pub fhir_status: String,
    /// Validated by its author.
    pub validated: bool,
    /// Shielded by a confidentiality label.
    pub shielded: bool,
    /// Whether it is a note of a consultation rather than a report ([`CONSULTATION_NOTE_TYPES`]).
    pub consultation_note: bool,
    /// When it was made available (`issued`; a DocumentReference's `date`), if given: release
    /// holds count from it.
    pub issued: Option<OffsetDateTime>,
    /// Author's name.
    pub author: Option<String>,
    /// Conclusion.
    pub conclusion: Option<String>,
    /// Plain text of the report.
    pub text_body: Option<String>,
    /// Result lines as JSON.
    pub results_json: String,
    /// The documents it carries (a discharge letter as PDF, a scan), in their order.
    pub documents: Vec<DocumentImport>,
}

/// A document a report carries: an inline PDF or image attachment, checked by content.
#[derive(Clone, PartialEq, Eq)]
pub struct DocumentImport {
    /// The attachment's title, or the report's.
    pub title: String,
    /// By content: `application/pdf`, `image/png` or `image/jpeg`.
    pub media_type: String,
    /// The bytes.
    pub data: Vec<u8>,
}

/// The largest document a report may carry.
pub const DOCUMENT_MAX_BYTES: usize = 50 * 1024 * 1024;

inzage_domain::redacted_debug!(ReportImport {
    id,
    patient_id,
    hospital_id
});

/// Everything one bundle brings, ready for [`Store::import`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportBatch {
    /// Organizations.
    pub hospitals: Vec<HospitalRow>,
    /// Patients.
    pub patients: Vec<PatientRow>,
    /// Reports.
    pub reports: Vec<ReportImport>,
    /// Care providers, as specialists of the hospital whose encounters they took part in.
    pub practitioners: Vec<PractitionerRow>,
    /// The items of the record's other sections (results, allergies, medications, …).
    pub items: Vec<ItemImport>,
    /// Appointment slots the hospitals publish.
    pub slots: Vec<SlotImport>,
    /// Patient ids referenced but not in the bundle: they must already be stored.
    pub external_patients: Vec<String>,
    /// Organization ids referenced but not in the bundle: they must already be stored.
    pub external_hospitals: Vec<String>,
}

/// Why a bundle cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{resource}: `{field}` {problem}")]
pub struct ImportError {
    /// Which resource, as `Type/id` or `entry[n]`.
    pub resource: String,
    /// Which field, as a FHIR path.
    pub field: String,
    /// What is wrong with it.
    pub problem: String,
}

fn err(resource: &str, field: &str, problem: impl Into<String>) -> ImportError {
    ImportError {
        resource: resource.to_owned(),
        field: field.to_owned(),
        problem: problem.into(),
    }
}

/// Parses a bundle and imports it in one transaction; nothing is stored when anything is wrong.
pub async fn import_bundle(
    store: &Store,
    json: &str,
    default_cutoff: Option<Date>,
) -> anyhow::Result<ImportSummary> {
    let batch = parse_bundle(json, default_cutoff)?;
    for id in &batch.external_patients {
        if !store.exists(ExistsTable::Patient, id).await? {
            return Err(err(
                &format!("Patient/{id}"),
                "id",
                "is referenced but neither in the bundle nor stored",
            )
            .into());
        }
    }
    for id in &batch.external_hospitals {
        if !store.exists(ExistsTable::Hospital, id).await? {
            return Err(err(
                &format!("Organization/{id}"),
                "id",
                "is referenced but neither in the bundle nor stored",
            )
            .into());
        }
    }
    store.import(&batch).await?;
    Ok(ImportSummary {
        hospitals: batch.hospitals.len(),
        patients: batch.patients.len(),
        reports: batch.reports.len(),
        items: batch.items.len(),
        slots: batch.slots.len(),
    })
}

/// What an import stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    /// Organizations.
    pub hospitals: usize,
    /// Patients.
    pub patients: usize,
    /// Reports.
    pub reports: usize,
    /// Items of the other sections.
    pub items: usize,
    /// Appointment slots.
    pub slots: usize,
}

/// A resource of the bundle with the name to use in errors.
struct Entry<'a> {
    name: String,
    resource: &'a Value,
}

/// Parses a bundle into rows, resolving references inside it.
pub fn parse_bundle(json: &str, default_cutoff: Option<Date>) -> Result<ImportBatch, ImportError> {
    let root: Value = serde_json::from_str(json)
        .map_err(|e| err("Bundle", "(document)", format!("is not valid JSON: {e}")))?;
    if root.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        return Err(err("(document)", "resourceType", "must be `Bundle`"));
    }
    let bundle_type = str_at(&root, "type").ok_or_else(|| err("Bundle", "type", "is missing"))?;
    if !matches!(
        bundle_type,
        "transaction" | "batch" | "collection" | "searchset" | "document" | "message"
    ) {
        return Err(err(
            "Bundle",
            "type",
            format!("`{bundle_type}` is not a bundle of resources to import"),
        ));
    }
    let entries = match root.get("entry") {
        None => &[][..],
        Some(Value::Array(a)) => a.as_slice(),
        Some(_) => return Err(err("Bundle", "entry", "must be an array")),
    };

    // References may use the entry's fullUrl (urn:uuid:…) or `Type/id`: map both to (type, id).
    let mut by_ref: HashMap<String, (String, String)> = HashMap::new();
    let mut resources: Vec<Entry<'_>> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let resource = entry
            .get("resource")
            .ok_or_else(|| err(&format!("entry[{i}]"), "resource", "is missing"))?;
        let rtype = str_at(resource, "resourceType").ok_or_else(|| {
            err(
                &format!("entry[{i}]"),
                "resource.resourceType",
                "is missing",
            )
        })?;
        let id = str_at(resource, "id")
            .ok_or_else(|| err(&format!("entry[{i}] ({rtype})"), "id", "is missing"))?;
        if !is_fhir_id(id) {
            return Err(err(
                &format!("{rtype}/{id}"),
                "id",
                "is not a valid FHIR id",
            ));
        }
        let value = (rtype.to_owned(), id.to_owned());
        if let Some(full) = str_at(entry, "fullUrl") {
            by_ref.insert(full.to_owned(), value.clone());
        }
        by_ref.insert(format!("{rtype}/{id}"), value);
        resources.push(Entry {
            name: format!("{rtype}/{id}"),
            resource,
        });
    }
    let ctx = Context {
        by_ref: &by_ref,
        resources: resources
            .iter()
            .map(|e| (e.name.clone(), e.resource))
            .collect(),
    };

    let mut batch = ImportBatch::default();
    for e in &resources {
        match str_at(e.resource, "resourceType") {
            Some("Organization") => batch.hospitals.push(HospitalRow {
                id: id_of(e.resource),
                name: str_at(e.resource, "name")
                    .ok_or_else(|| err(&e.name, "name", "is missing"))?
                    .to_owned(),
                report_cutoff: default_cutoff.map(|d| d.to_string()),
            }),
            Some("Patient") => batch.patients.push(patient(&e.name, e.resource)?),
            Some("Practitioner") => batch
                .practitioners
                .push(practitioner(&ctx, &resources, &e.name, e.resource)?),
            Some("DiagnosticReport") => batch
                .reports
                .push(diagnostic_report(&ctx, &e.name, e.resource)?),
            Some("Slot") => batch.slots.push(slots::slot(&ctx, &e.name, e.resource)?),
            Some("DocumentReference") if items::is_leaflet(e.resource) => {
                batch.items.extend(items::items(&ctx, &e.name, e.resource)?)
            }
            Some("DocumentReference") => batch
                .reports
                .push(document_reference(&ctx, &e.name, e.resource)?),
            _ => batch.items.extend(items::items(&ctx, &e.name, e.resource)?),
        }
    }
    let in_bundle = |ty: &str, id: &str| ctx.resources.contains_key(&format!("{ty}/{id}"));
    let referenced: Vec<(String, String)> = batch
        .reports
        .iter()
        .map(|r| (r.patient_id.clone(), r.hospital_id.clone()))
        .chain(
            batch
                .items
                .iter()
                .map(|i| (i.patient_id.clone(), i.hospital_id.clone())),
        )
        .collect();
    for slot in &batch.slots {
        if !in_bundle("Organization", &slot.hospital_id)
            && !batch.external_hospitals.contains(&slot.hospital_id)
        {
            batch.external_hospitals.push(slot.hospital_id.clone());
        }
    }
    for (patient, hospital) in referenced {
        if !in_bundle("Patient", &patient) && !batch.external_patients.contains(&patient) {
            batch.external_patients.push(patient);
        }
        if !in_bundle("Organization", &hospital) && !batch.external_hospitals.contains(&hospital) {
            batch.external_hospitals.push(hospital);
        }
    }
    Ok(batch)
}

/// A Practitioner as a specialist of the hospital of the first encounter they took part in
/// (else of the bundle's first Organization).
fn practitioner(
    ctx: &Context<'_>,
    resources: &[Entry<'_>],
    name: &str,
    r: &Value,
) -> Result<PractitionerRow, ImportError> {
    let id = id_of(r);
    let display = ctx
        .practitioner_name("Practitioner", &id)
        .ok_or_else(|| err(name, "name", "is missing"))?;
    let reference = format!("Practitioner/{id}");
    let takes_part = |enc: &Value| {
        array(enc, "participant").iter().any(|p| {
            p.get("individual")
                .and_then(|i| ctx.resolve(name, "participant.individual", i).ok())
                .is_some_and(|(ty, pid)| format!("{ty}/{pid}") == reference)
        })
    };
    let from_encounter = resources
        .iter()
        .filter(|e| str_at(e.resource, "resourceType") == Some("Encounter"))
        .find(|e| takes_part(e.resource))
        .and_then(|e| e.resource.get("serviceProvider"))
        .and_then(|sp| ctx.resolve(name, "serviceProvider", sp).ok())
        .filter(|(ty, _)| ty == "Organization")
        .map(|(_, org)| org);
    let org = from_encounter.or_else(|| {
        resources
            .iter()
            .find(|e| str_at(e.resource, "resourceType") == Some("Organization"))
            .map(|e| id_of(e.resource))
    });
    let institution = org
        .as_deref()
        .and_then(|o| ctx.practitioner_name("Organization", o))
        .unwrap_or_default();
    Ok(PractitionerRow {
        id,
        name: display,
        role: PractitionerRole::Specialist.as_str().to_owned(),
        institution,
        hospital_id: org.filter(|o| ctx.resource("Organization", o).is_some()),
    })
}

struct Context<'a> {
    by_ref: &'a HashMap<String, (String, String)>,
    resources: HashMap<String, &'a Value>,
}

impl<'a> Context<'a> {
    /// Resolves a Reference to (type, id): inside the bundle by fullUrl or `Type/id`, or a plain
    /// `Type/id` to a resource stored earlier.
    fn resolve(
        &self,
        name: &str,
        field: &str,
        reference: &Value,
    ) -> Result<(String, String), ImportError> {
        let r = str_at(reference, "reference")
            .ok_or_else(|| err(name, &format!("{field}.reference"), "is missing"))?;
        if let Some(found) = self.by_ref.get(r) {
            return Ok(found.clone());
        }
        match r.split_once('/') {
            Some((ty, id)) if !ty.contains(':') && is_fhir_id(id) => {
                Ok((ty.to_owned(), id.to_owned()))
            }
            _ => Err(err(
                name,
                &format!("{field}.reference"),
                format!("`{r}` cannot be resolved"),
            )),
        }
    }

    /// The serviceProvider of the patient's latest encounter in the bundle (by period start).
    fn latest_encounter_hospital(&self, patient: &str) -> Option<String> {
        self.resources
            .iter()
            .filter(|(key, _)| key.starts_with("Encounter/"))
            .filter_map(|(key, enc)| {
                let (ty, pid) = self.resolve(key, "subject", enc.get("subject")?).ok()?;
                if ty != "Patient" || pid != patient {
                    return None;
                }
                let (t, org) = self
                    .resolve(key, "serviceProvider", enc.get("serviceProvider")?)
                    .ok()?;
                let start = enc.get("period").and_then(|p| str_at(p, "start"))?;
                (t == "Organization").then(|| (start.to_owned(), key.clone(), org))
            })
            .max()
            .map(|(_, _, org)| org)
    }

    fn resource(&self, ty: &str, id: &str) -> Option<&'a Value> {
        self.resources.get(&format!("{ty}/{id}")).copied()
    }

    fn practitioner_name(&self, ty: &str, id: &str) -> Option<String> {
        let r = self.resource(ty, id)?;
        match ty {
            "Practitioner" => human_name(r.get("name")?).map(|(g, f, p)| {
                [p, g, f]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
            "Organization" => str_at(r, "name").map(str::to_owned),
            _ => None,
        }
    }
}

fn id_of(resource: &Value) -> String {
    str_at(resource, "id").unwrap_or_default().to_owned()
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn is_fhir_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// The text of a CodeableConcept: its `text`, else the first coding's display, else its code.
fn concept_text(v: &Value) -> Option<String> {
    if let Some(t) = str_at(v, "text") {
        return Some(t.to_owned());
    }
    array(v, "coding")
        .iter()
        .find_map(|c| str_at(c, "display").or_else(|| str_at(c, "code")))
        .map(str::to_owned)
}

/// (given names, family, prefix) of the official name, else the first.
fn human_name(names: &Value) -> Option<(String, String, String)> {
    let names = names.as_array()?;
    let n = names
        .iter()
        .find(|n| str_at(n, "use") == Some("official"))
        .or_else(|| names.first())?;
    let join = |key: &str| {
        array(n, key)
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let family = str_at(n, "family").unwrap_or_default().to_owned();
    Some((join("given"), family, join("prefix")))
}

/// The `YYYY-MM-DD` day of a FHIR date or dateTime.
fn day(name: &str, field: &str, s: &str) -> Result<String, ImportError> {
    let d = s.get(..10).unwrap_or(s);
    parse_date(d)
        .map(|d| d.to_string())
        .map_err(|_| err(name, field, format!("`{s}` is not a FHIR date")))
}

fn shielded(resource: &Value) -> bool {
    let meta = resource
        .get("meta")
        .map(|m| array(m, "security"))
        .unwrap_or(&[]);
    let labels = meta.iter().chain(
        array(resource, "securityLabel")
            .iter()
            .flat_map(|l| array(l, "coding")),
    );
    labels.into_iter().any(|c| {
        str_at(c, "system") == Some(CONFIDENTIALITY) && matches!(str_at(c, "code"), Some("R" | "V"))
    })
}

/// A FHIR Address as the lines of an envelope: the street lines, then postal code and city, then
/// the country when given.
fn postal_address(a: &Value) -> Option<String> {
    let mut lines: Vec<String> = array(a, "line")
        .iter()
        .filter_map(|l| l.as_str())
        .map(str::to_owned)
        .collect();
    let city = [str_at(a, "postalCode"), str_at(a, "city")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !city.is_empty() {
        lines.push(city);
    }
    if let Some(country) = str_at(a, "country") {
        lines.push(country.to_owned());
    }
    let text = lines.join("\n");
    (!text.trim().is_empty()).then_some(text)
}

fn patient(name: &str, r: &Value) -> Result<PatientRow, ImportError> {
    let (given, family, _) = r
        .get("name")
        .and_then(human_name)
        .ok_or_else(|| err(name, "name", "is missing"))?;
    let birth_date = match str_at(r, "birthDate") {
        Some(b) => Some(day(name, "birthDate", b)?),
        None => None,
    };
    let deceased_at = match (str_at(r, "deceasedDateTime"), r.get("deceasedBoolean")) {
        (Some(d), _) => Some(day(name, "deceasedDateTime", d)?),
        (None, Some(Value::Bool(true))) => Some("unknown".to_owned()),
        _ => None,
    };
    let mut row = PatientRow {
        id: id_of(r),
        given_name: given,
        family_name: family,
        birth_date,
        gender: str_at(r, "gender").map(str::to_owned),
        deceased_at,
        postal_address: array(r, "address").first().and_then(postal_address),
        ..PatientRow::default()
    };
    for (i, ident) in array(r, "identifier").iter().enumerate() {
        let field = format!("identifier[{i}].value");
        let system = str_at(ident, "system").unwrap_or_default();
        let value = str_at(ident, "value");
        match system {
            SYSTEM_SSIN => {
                let v = value.ok_or_else(|| err(name, &field, "is missing"))?;
                let insz = Insz::parse(v).map_err(|e| {
                    err(name, &field, format!("is not a valid national number: {e}"))
                })?;
                row.insz = Some(insz.as_str().to_owned());
            }
            SYSTEM_BSN | SYSTEM_BSN_OID => {
                let v = value.ok_or_else(|| err(name, &field, "is missing"))?;
                let bsn = Bsn::parse(v)
                    .map_err(|e| err(name, &field, format!("is not a valid BSN: {e}")))?;
                row.bsn = Some(bsn.as_str().to_owned());
            }
            _ => {
                let is_mr = ident
                    .get("type")
                    .map(|t| {
                        array(t, "coding")
                            .iter()
                            .any(|c| str_at(c, "code") == Some("MR"))
                    })
                    .unwrap_or(false);
                // Only a record number a person can type (four to ten digits) becomes a login.
                if let (true, Some(v)) = (is_mr, value) {
                    if inzage_domain::RecordNumber::parse(v).is_ok() {
                        row.record_number = Some(v.to_owned());
                    }
                }
            }
        }
    }
    Ok(row)
}

fn subject(ctx: &Context<'_>, name: &str, r: &Value) -> Result<String, ImportError> {
    let s = r
        .get("subject")
        .ok_or_else(|| err(name, "subject", "is missing"))?;
    match ctx.resolve(name, "subject", s)? {
        (ty, id) if ty == "Patient" => Ok(id),
        (ty, _) => Err(err(
            name,
            "subject",
            format!("refers to a {ty}, not a Patient"),
        )),
    }
}

/// The hospital of an encounter: its serviceProvider.
fn encounter_hospital(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
    field: &str,
) -> Result<Option<String>, ImportError> {
    let Some(enc_ref) = r.get("encounter").or_else(|| {
        r.get("context")
            .and_then(|c| c.get("encounter"))
            .and_then(|e| e.as_array())
            .and_then(|a| a.first())
    }) else {
        return Ok(None);
    };
    let (ty, id) = ctx.resolve(name, field, enc_ref)?;
    let Some(enc) = ctx.resource(&ty, &id) else {
        return Ok(None);
    };
    match enc.get("serviceProvider") {
        Some(sp) => match ctx.resolve(&format!("Encounter/{id}"), "serviceProvider", sp)? {
            (t, org) if t == "Organization" => Ok(Some(org)),
            _ => Ok(None),
        },
        None => Ok(None),
    }
}

fn encounter_author(ctx: &Context<'_>, r: &Value) -> Option<String> {
    let (ty, id) = ctx.resolve("", "", r.get("encounter")?).ok()?;
    let enc = ctx.resource(&ty, &id)?;
    array(enc, "participant").iter().find_map(|p| {
        let (t, i) = ctx.resolve("", "", p.get("individual")?).ok()?;
        ctx.practitioner_name(&t, &i)
    })
}

fn diagnostic_report(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
) -> Result<ReportImport, ImportError> {
    let status = str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))?;
    let validated = match status {
        "final" | "amended" | "corrected" | "appended" => true,
        "registered" | "partial" | "preliminary" | "cancelled" | "entered-in-error" | "unknown" => {
            false
        }
        other => {
            return Err(err(
                name,
                "status",
                format!("`{other}` is not a DiagnosticReport status"),
            ))
        }
    };
    let title = r
        .get("code")
        .and_then(concept_text)
        .ok_or_else(|| err(name, "code", "is missing"))?;
    let when = str_at(r, "effectiveDateTime")
        .map(|d| ("effectiveDateTime", d))
        .or_else(|| {
            r.get("effectivePeriod")
                .and_then(|p| str_at(p, "start"))
                .map(|d| ("effectivePeriod.start", d))
        })
        .or_else(|| str_at(r, "issued").map(|d| ("issued", d)))
        .ok_or_else(|| err(name, "effective[x]", "is missing (and so is issued)"))?;
    let report_date = day(name, when.0, when.1)?;
    let issued = str_at(r, "issued")
        .map(|s| items::instant(name, "issued", s))
        .transpose()?;
    let patient_id = subject(ctx, name, r)?;

    let mut hospital = None;
    let mut author = None;
    for (i, p) in array(r, "performer").iter().enumerate() {
        let (ty, id) = ctx.resolve(name, &format!("performer[{i}]"), p)?;
        match ty.as_str() {
            "Organization" if hospital.is_none() => hospital = Some(id),
            "Practitioner" if author.is_none() => author = ctx.practitioner_name(&ty, &id),
            _ => {}
        }
    }
    let hospital = match hospital {
        Some(h) => h,
        None => encounter_hospital(ctx, name, r, "encounter")?.ok_or_else(|| {
            err(
                name,
                "performer",
                "names no Organization, and no encounter with a serviceProvider does",
            )
        })?,
    };
    let author = author.or_else(|| encounter_author(ctx, r));

    let mut results = Vec::new();
    for (i, res) in array(r, "result").iter().enumerate() {
        let field = format!("result[{i}]");
        let (ty, id) = ctx.resolve(name, &field, res)?;
        match ctx.resource(&ty, &id) {
            Some(obs) => results.extend(observation_lines(obs)),
            None => results.push(ResultLine {
                name: str_at(res, "display").unwrap_or("?").to_owned(),
                value: String::new(),
                unit: None,
                reference_range: None,
            }),
        }
    }
    let text_body = presented_text(name, array(r, "presentedForm"), "presentedForm")?;
    let documents = presented_documents(name, array(r, "presentedForm"), "presentedForm", &title)?;
    Ok(ReportImport {
        id: id_of(r),
        patient_id,
        hospital_id: hospital,
        source_type: "DiagnosticReport".into(),
        title,
        category: array(r, "category").first().and_then(concept_text),
        report_date,
        fhir_status: status.to_owned(),
        validated,
        shielded: shielded(r),
        consultation_note: is_consultation_note(r),
        issued,
        author,
        conclusion: str_at(r, "conclusion").map(str::to_owned),
        text_body,
        results_json: serde_json::to_string(&results).unwrap_or_else(|_| "[]".into()),
        documents,
    })
}

/// LOINC document types of the notes of consultations (not reports): consult note, progress
/// note, history and physical note, and the generic note.
pub const CONSULTATION_NOTE_TYPES: [&str; 4] = ["11488-4", "11506-3", "34117-2", "34109-9"];

/// Whether a DiagnosticReport (by `code`) or a DocumentReference (by `type`) is a note of a
/// consultation: its LOINC code is one of [`CONSULTATION_NOTE_TYPES`].
fn is_consultation_note(r: &Value) -> bool {
    ["type", "code"]
        .iter()
        .filter_map(|k| r.get(*k))
        .flat_map(|c| array(c, "coding").iter())
        .any(|coding| {
            str_at(coding, "system") == Some("http://loinc.org")
                && str_at(coding, "code").is_some_and(|c| CONSULTATION_NOTE_TYPES.contains(&c))
        })
}

fn document_reference(
    ctx: &Context<'_>,
    name: &str,
    r: &Value,
) -> Result<ReportImport, ImportError> {
    let status = str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))?;
    if !matches!(status, "current" | "superseded" | "entered-in-error") {
        return Err(err(
            name,
            "status",
            format!("`{status}` is not a DocumentReference status"),
        ));
    }
    let doc_status = str_at(r, "docStatus");
    if let Some(d) = doc_status {
        if !matches!(d, "preliminary" | "final" | "amended" | "entered-in-error") {
            return Err(err(
                name,
                "docStatus",
                format!("`{d}` is not a composition status"),
            ));
        }
    }
    let validated = status == "current" && matches!(doc_status, Some("final" | "amended"));
    let title = str_at(r, "description")
        .map(str::to_owned)
        .or_else(|| r.get("type").and_then(concept_text))
        .ok_or_else(|| err(name, "type", "is missing (and so is description)"))?;
    let when = str_at(r, "date")
        .map(|d| ("date", d))
        .or_else(|| {
            r.get("context")
                .and_then(|c| c.get("period"))
                .and_then(|p| str_at(p, "start"))
                .map(|d| ("context.period.start", d))
        })
        .ok_or_else(|| err(name, "date", "is missing (and so is context.period.start)"))?;
    let report_date = day(name, when.0, when.1)?;
    let issued = str_at(r, "date")
        .map(|s| items::instant(name, "date", s))
        .transpose()?;
    let patient_id = subject(ctx, name, r)?;
    let hospital = match r.get("custodian") {
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
        None => encounter_hospital(ctx, name, r, "context.encounter")?,
    }
    .ok_or_else(|| {
        err(
            name,
            "custodian",
            "is missing, and no encounter names a serviceProvider",
        )
    })?;
    let author = array(r, "author").iter().find_map(|a| {
        let (ty, id) = ctx.resolve(name, "author", a).ok()?;
        ctx.practitioner_name(&ty, &id)
    });
    let attachments: Vec<Value> = array(r, "content")
        .iter()
        .filter_map(|c| c.get("attachment").cloned())
        .collect();
    let text_body = presented_text(name, &attachments, "content.attachment")?;
    let documents = presented_documents(name, &attachments, "content.attachment", &title)?;
    Ok(ReportImport {
        id: id_of(r),
        patient_id,
        hospital_id: hospital,
        source_type: "DocumentReference".into(),
        title,
        category: array(r, "category").first().and_then(concept_text),
        report_date,
        fhir_status: doc_status.unwrap_or(status).to_owned(),
        validated,
        shielded: shielded(r),
        consultation_note: is_consultation_note(r),
        issued,
        author,
        conclusion: None,
        text_body,
        results_json: "[]".into(),
        documents,
    })
}

/// The PDF and image attachments with inline data, checked by content (a PDF without active
/// content, an image of sane dimensions, at most [`DOCUMENT_MAX_BYTES`]); anything else refuses
/// the bundle, naming the attachment. Plain text is [`presented_text`]'s; attachments given by
/// URL only are left out (the portal serves what it holds).
fn presented_documents(
    name: &str,
    attachments: &[Value],
    field: &str,
    report_title: &str,
) -> Result<Vec<DocumentImport>, ImportError> {
    let mut out = Vec::new();
    for (i, a) in attachments.iter().enumerate() {
        let declared = str_at(a, "contentType").unwrap_or_default();
        if !matches!(declared, "application/pdf" | "image/png" | "image/jpeg") {
            continue;
        }
        let Some(data) = str_at(a, "data") else {
            continue;
        };
        let at = format!("{field}[{i}].data");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|_| err(name, &at, "is not base64"))?;
        let media_type = crate::upload::check_document_within(&bytes, DOCUMENT_MAX_BYTES)
            .map_err(|m| err(name, &at, format!("is refused ({})", m.key)))?;
        out.push(DocumentImport {
            title: str_at(a, "title").unwrap_or(report_title).to_owned(),
            media_type: media_type.to_owned(),
            data: bytes,
        });
    }
    Ok(out)
}

/// The text of plain-text attachments with inline data.
fn presented_text(
    name: &str,
    attachments: &[Value],
    field: &str,
) -> Result<Option<String>, ImportError> {
    let mut texts = Vec::new();
    for (i, a) in attachments.iter().enumerate() {
        let is_text = str_at(a, "contentType").is_some_and(|t| t.starts_with("text/plain"));
        if let (true, Some(data)) = (is_text, str_at(a, "data")) {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data)
                .map_err(|_| err(name, &format!("{field}[{i}].data"), "is not base64"))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| err(name, &format!("{field}[{i}].data"), "is not UTF-8 text"))?;
            texts.push(text);
        }
    }
    Ok((!texts.is_empty()).then(|| texts.join("\n\n")))
}

/// The lines an Observation contributes to a report: its value, or each component's.
fn observation_lines(obs: &Value) -> Vec<ResultLine> {
    let name = obs
        .get("code")
        .and_then(concept_text)
        .unwrap_or_else(|| "?".into());
    let components = array(obs, "component");
    if components.is_empty() {
        let (value, unit) = observation_value(obs);
        vec![ResultLine {
            name,
            value,
            unit,
            reference_range: reference_range(obs),
        }]
    } else {
        components
            .iter()
            .map(|c| {
                let (value, unit) = observation_value(c);
                ResultLine {
                    name: c
                        .get("code")
                        .and_then(concept_text)
                        .unwrap_or_else(|| name.clone()),
                    value,
                    unit,
                    reference_range: reference_range(c),
                }
            })
            .collect()
    }
}

/// The first `referenceRange` of an Observation or component as the lab wrote it: its text, else
/// `low–high`, `≥ low` or `≤ high`.
fn reference_range(v: &Value) -> Option<String> {
    let range = array(v, "referenceRange").first()?;
    if let Some(text) = str_at(range, "text") {
        return Some(text.to_owned());
    }
    let bound = |name: &str| {
        range.get(name).and_then(|q| match q.get("value") {
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    match (bound("low"), bound("high")) {
        (Some(low), Some(high)) => Some(format!("{low}–{high}")),
        (Some(low), None) => Some(format!("≥ {low}")),
        (None, Some(high)) => Some(format!("≤ {high}")),
        (None, None) => None,
    }
}

fn observation_value(v: &Value) -> (String, Option<String>) {
    if let Some(q) = v.get("valueQuantity") {
        let value = match q.get("value") {
            Some(Value::Number(n)) => n
                .as_f64()
                .map(|f| {
                    let s = format!("{f:.2}");
                    s.trim_end_matches('0').trim_end_matches('.').to_owned()
                })
                .unwrap_or_default(),
            _ => String::new(),
        };
        let unit = str_at(q, "unit")
            .or_else(|| str_at(q, "code"))
            .map(str::to_owned);
        return (value, unit);
    }
    if let Some(s) = str_at(v, "valueString") {
        return (s.to_owned(), None);
    }
    if let Some(c) = v.get("valueCodeableConcept").and_then(concept_text) {
        return (c, None);
    }
    (String::new(), None)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn synthea(name: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/synthea");
        let path = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().contains(name))
            .unwrap();
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn a_synthea_bundle_maps_patients_hospitals_and_reports() {
        let batch = parse_bundle(&synthea("Margery_Gibson"), None).unwrap();
        assert_eq!(batch.patients.len(), 1);
        assert_eq!(batch.patients[0].given_name, "Margery");
        assert_eq!(batch.patients[0].birth_date.as_deref(), Some("1948-11-08"));
        assert_eq!(batch.hospitals.len(), 1);
        assert_eq!(batch.reports.len(), 48);
        assert!(batch.reports.iter().all(|r| r.validated && !r.shielded));
        assert!(batch.external_patients.is_empty() && batch.external_hospitals.is_empty());
        let bmp = batch
            .reports
            .iter()
            .find(|r| r.id == "ecb4c248-8e02-48bc-9fab-de474ff8cd73")
            .unwrap();
        assert_eq!(bmp.title, "Basic Metabolic Panel");
        assert_eq!(bmp.report_date, "2011-06-06");
        assert_eq!(bmp.hospital_id, batch.hospitals[0].id);
        let lines: Vec<ResultLine> = serde_json::from_str(&bmp.results_json).unwrap();
        assert_eq!(lines.len(), 8);
        assert_eq!(lines[0].name, "Glucose");
    }

    #[test]
    fn status_and_security_labels_map_faithfully() {
        let table = [
            ("final", None, true, false),
            ("amended", None, true, false),
            ("corrected", None, true, false),
            ("preliminary", None, false, false),
            ("registered", None, false, false),
            ("final", Some("R"), true, true),
            ("final", Some("V"), true, true),
            ("final", Some("N"), true, false),
        ];
        for (status, label, validated, shielded) in table {
            let security = label
                .map(|c| {
                    format!(
                        r#","meta":{{"security":[{{"system":"{CONFIDENTIALITY}","code":"{c}"}}]}}"#
                    )
                })
                .unwrap_or_default();
            let json = format!(
                r#"{{"resourceType":"Bundle","type":"collection","entry":[
                {{"resource":{{"resourceType":"Organization","id":"o1","name":"H"}}}},
                {{"resource":{{"resourceType":"Patient","id":"p1","name":[{{"family":"F","given":["G"]}}]}}}},
                {{"resource":{{"resourceType":"DiagnosticReport","id":"r1","status":"{status}",
                  "code":{{"text":"X"}},"subject":{{"reference":"Patient/p1"}},
                  "performer":[{{"reference":"Organization/o1"}}],
                  "effectiveDateTime":"2020-01-02T03:04:05Z"{security}}}}}]}}"#
            );
            let batch = parse_bundle(&json, None).unwrap();
            let r = &batch.reports[0];
            assert_eq!(
                (r.validated, r.shielded),
                (validated, shielded),
                "{status} {label:?}"
            );
        }
    }

    #[test]
    fn a_bad_bundle_names_the_resource_and_field() {
        let table = [
            (
                r#"{"resourceType":"Patient"}"#,
                "(document): `resourceType` must be `Bundle`",
            ),
            (
                r#"{"resourceType":"Bundle","type":"history"}"#,
                "Bundle: `type` `history` is not a bundle of resources to import",
            ),
            (
                r#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"DiagnosticReport","id":"r1","status":"final","code":{"text":"X"},"effectiveDateTime":"2020-01-01"}}]}"#,
                "DiagnosticReport/r1: `subject` is missing",
            ),
            (
                r#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"DiagnosticReport","id":"r1","status":"done","code":{"text":"X"}}}]}"#,
                "DiagnosticReport/r1: `status` `done` is not a DiagnosticReport status",
            ),
            (
                r#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1","name":[{"family":"F"}],"birthDate":"1990-13-01"}}]}"#,
                "Patient/p1: `birthDate` `1990-13-01` is not a FHIR date",
            ),
            (
                r#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1","name":[{"family":"F"}],"identifier":[{"system":"https://www.ehealth.fgov.be/standards/fhir/NamingSystem/ssin","value":"12345678901"}]}}]}"#,
                "Patient/p1: `identifier[0].value` is not a valid national number",
            ),
            ("not json", "Bundle: `(document)` is not valid JSON"),
        ];
        for (json, expected) in table {
            let e = parse_bundle(json, None).unwrap_err().to_string();
            assert!(e.starts_with(expected), "{e}\n expected: {expected}");
        }
    }
}

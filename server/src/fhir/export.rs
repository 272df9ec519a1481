//! Export of what a person may see of a record as a FHIR R4 Bundle (`searchset`, as the
//! `$everything` operation answers), for the patient's own health apps.
//!
//! The caller decides which reports and items go in (through the domain crate); this module
//! only writes them. The shapes are the ones [`super::parse_bundle`] reads, so an exported
//! Bundle imports again to the same rows (the round-trip test). Each resource names its hospital:
//! where FHIR has a field for an Organization (a report's performer, a document's custodian, an
//! Observation's performer) that field, elsewhere the extension [`EXT_HOSPITAL`]. A result that
//! was one component of an Observation (a blood pressure) is exported as an Observation of its
//! own, its id `<id>.c<n>`.

use base64::Engine;
use serde_json::{json, Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::items::{ACT_CODE_SYSTEM, PRACTITIONER_SYSTEM};
use super::{ItemDetail, SYSTEM_BSN, SYSTEM_SSIN};
use crate::store::{ItemRow, PatientRow, ReportRow};

/// The extension that names the hospital of a resource that has no Organization field.
pub const EXT_HOSPITAL: &str = "https://inzage.example/fhir/StructureDefinition/hospital";
const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const INTERPRETATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
const MR: &str = "http://terminology.hl7.org/CodeSystem/v2-0203";

/// Everything to export: the patient, the hospitals named, and the readable reports and items.
pub struct Export<'a> {
    /// The server's public URL, for the entries' `fullUrl`.
    pub base: &'a str,
    /// The patient.
    pub patient: &'a PatientRow,
    /// (id, name) of each hospital the reports and items name.
    pub hospitals: Vec<(String, String)>,
    /// The readable reports.
    pub reports: &'a [ReportRow],
    /// The readable items.
    pub items: &'a [ItemRow],
    /// The documents of the readable reports.
    pub documents: &'a ReportDocuments,
}

/// The documents of reports, by report id: (title, media type, bytes) in their order.
pub type ReportDocuments = std::collections::HashMap<String, Vec<(String, String, Vec<u8>)>>;

/// A FHIR id for an item id (`Type/id` or `Type/id#n`).
pub fn fhir_id(item_id: &str) -> String {
    let bare = item_id.split_once('/').map_or(item_id, |(_, id)| id);
    match bare.split_once('#') {
        Some((id, n)) => format!("{id}.c{n}"),
        None => bare.to_owned(),
    }
}

fn reference(ty: &str, id: &str) -> Value {
    json!({ "reference": format!("{ty}/{id}") })
}

fn instant(seconds: Option<i64>) -> Option<String> {
    seconds
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .and_then(|t| t.format(&Rfc3339).ok())
}

fn coded(system: &str, code: &str) -> Value {
    json!({ "coding": [{ "system": system, "code": code }] })
}

/// Inserts `value` under `key` when it is there.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v);
    }
}

impl Export<'_> {
    /// The Bundle.
    pub fn bundle(&self) -> Value {
        let mut entries = vec![self.entry(
            "Patient",
            &self.patient.id,
            self.patient_resource(),
            "match",
        )];
        for (id, name) in &self.hospitals {
            let org = json!({ "resourceType": "Organization", "id": id, "name": name });
            entries.push(self.entry("Organization", id, org, "include"));
        }
        for r in self.reports {
            let (ty, resource) = self.report(r);
            entries.push(self.entry(ty, &r.id, resource, "match"));
        }
        for i in self.items {
            if let Some((ty, resource)) = self.item(i) {
                entries.push(self.entry(ty, &fhir_id(&i.id), resource, "match"));
            }
        }
        json!({
            "resourceType": "Bundle",
            "type": "searchset",
            "total": entries.iter().filter(|e| e["search"]["mode"] == "match").count(),
            "entry": entries,
        })
    }

    fn entry(&self, ty: &str, id: &str, resource: Value, mode: &str) -> Value {
        json!({
            "fullUrl": format!("{}/api/v1/fhir/{ty}/{id}", self.base.trim_end_matches('/')),
            "resource": resource,
            "search": { "mode": mode },
        })
    }

    fn patient_resource(&self) -> Value {
        let p = self.patient;
        let mut identifiers = Vec::new();
        if let Some(insz) = &p.insz {
            identifiers.push(json!({ "system": SYSTEM_SSIN, "value": insz }));
        }
        if let Some(bsn) = &p.bsn {
            identifiers.push(json!({ "system": SYSTEM_BSN, "value": bsn }));
        }
        if let Some(mr) = &p.record_number {
            identifiers.push(json!({ "type": coded(MR, "MR"), "value": mr }));
        }
        let given: Vec<&str> = p.given_name.split_whitespace().collect();
        let mut r = Map::new();
        r.insert("resourceType".into(), json!("Patient"));
        r.insert("id".into(), json!(p.id));
        if !identifiers.is_empty() {
            r.insert("identifier".into(), Value::Array(identifiers));
        }
        r.insert(
            "name".into(),
            json!([{ "use": "official", "family": p.family_name, "given": given }]),
        );
        put(&mut r, "gender", p.gender.as_ref().map(|g| json!(g)));
        put(&mut r, "birthDate", p.birth_date.as_ref().map(|b| json!(b)));
        match p.deceased_at.as_deref() {
            Some("unknown") => {
                r.insert("deceasedBoolean".into(), json!(true));
            }
            Some(d) => {
                r.insert("deceasedDateTime".into(), json!(d));
            }
            None => {}
        }
        put(
            &mut r,
            "address",
            p.postal_address
                .as_ref()
                .map(|a| json!([{ "line": a.lines().collect::<Vec<_>>() }])),
        );
        Value::Object(r)
    }

    fn report(&self, r: &ReportRow) -> (&'static str, Value) {
        let text = r.text_body.as_ref().map(|t| {
            json!({
                "contentType": "text/plain; charset=utf-8",
                "data": base64::engine::general_purpose::STANDARD.encode(t),
            })
        });
        // The text first, then the documents, in their order.
        let mut attachments: Vec<Value> = text.into_iter().collect();
        for (title, media_type, data) in self.documents.get(&r.id).into_iter().flatten() {
            attachments.push(json!({
                "contentType": media_type,
                "title": title,
                "data": base64::engine::general_purpose::STANDARD.encode(data),
            }));
        }
        let category = r.category.as_ref().map(|c| json!([{ "text": c }]));
        // A consultation note keeps a note type, so that importing the export withholds it
        // where the hospital does not release notes, as the portal does.
        let kind = if r.consultation_note == 1 {
            json!({
                "coding": [{ "system": "http://loinc.org", "code": "34109-9", "display": "Note" }],
                "text": r.title,
            })
        } else {
            json!({ "text": r.title })
        };
        let mut m = Map::new();
        if r.source_type == "DocumentReference" {
            m.insert("resourceType".into(), json!("DocumentReference"));
            m.insert("id".into(), json!(r.id));
            m.insert("status".into(), json!("current"));
            m.insert("docStatus".into(), json!(r.fhir_status));
            m.insert("type".into(), kind);
            put(&mut m, "category", category);
            m.insert("subject".into(), reference("Patient", &r.patient_id));
            m.insert(
                "date".into(),
                json!(
                    instant(r.issued_at).unwrap_or_else(|| format!("{}T00:00:00Z", r.report_date))
                ),
            );
            m.insert(
                "custodian".into(),
                reference("Organization", &r.hospital_id),
            );
            if attachments.is_empty() {
                attachments.push(json!({ "title": r.title }));
            }
            let content: Vec<Value> = attachments
                .into_iter()
                .map(|a| json!({ "attachment": a }))
                .collect();
            m.insert("content".into(), Value::Array(content));
            ("DocumentReference", Value::Object(m))
        } else {
            m.insert("resourceType".into(), json!("DiagnosticReport"));
            m.insert("id".into(), json!(r.id));
            m.insert("status".into(), json!(r.fhir_status));
            put(&mut m, "category", category);
            m.insert("code".into(), kind);
            m.insert("subject".into(), reference("Patient", &r.patient_id));
            m.insert("effectiveDateTime".into(), json!(r.report_date));
            put(&mut m, "issued", instant(r.issued_at).map(|t| json!(t)));
            m.insert(
                "performer".into(),
                json!([reference("Organization", &r.hospital_id)]),
            );
            put(
                &mut m,
                "conclusion",
                r.conclusion.as_ref().map(|c| json!(c)),
            );
            put(
                &mut m,
                "presentedForm",
                (!attachments.is_empty()).then_some(Value::Array(attachments)),
            );
            ("DiagnosticReport", Value::Object(m))
        }
    }

    fn item(&self, i: &ItemRow) -> Option<(&'static str, Value)> {
        let detail = i.detail().ok()?;
        let id = fhir_id(&i.id);
        let patient = reference("Patient", &i.patient_id);
        let hospital = json!([{
            "url": EXT_HOSPITAL,
            "valueReference": reference("Organization", &i.hospital_id),
        }]);
        let start = instant(i.starts_at);
        let end = instant(i.ends_at);
        let mut m = Map::new();
        let ty = match detail {
            ItemDetail::Result(d) => {
                m.insert("status".into(), json!(i.fhir_status));
                put(
                    &mut m,
                    "category",
                    d.category.map(|c| json!([coded(OBSERVATION_CATEGORY, &c)])),
                );
                m.insert("code".into(), observation_code(i));
                m.insert("subject".into(), patient);
                put(&mut m, "effectiveDateTime", start.map(|s| json!(s)));
                put(&mut m, "issued", instant(i.issued_at).map(|t| json!(t)));
                m.insert(
                    "performer".into(),
                    json!([reference("Organization", &i.hospital_id)]),
                );
                match d.number {
                    Some(n) => {
                        let mut q = Map::new();
                        q.insert("value".into(), json!(n));
                        put(&mut q, "unit", d.unit.clone().map(|u| json!(u)));
                        m.insert("valueQuantity".into(), Value::Object(q));
                    }
                    None => {
                        m.insert("valueString".into(), json!(d.value));
                    }
                }
                let mut range = Map::new();
                let bound = |v: Option<f64>| {
                    v.map(|v| {
                        let mut q = Map::new();
                        q.insert("value".into(), json!(v));
                        put(&mut q, "unit", d.unit.clone().map(|u| json!(u)));
                        Value::Object(q)
                    })
                };
                put(&mut range, "low", bound(d.range.and_then(|r| r.low)));
                put(&mut range, "high", bound(d.range.and_then(|r| r.high)));
                put(&mut range, "text", d.range_text.map(|t| json!(t)));
                if !range.is_empty() {
                    m.insert("referenceRange".into(), json!([range]));
                }
                let interpretation = match d.flag {
                    inzage_domain::results::Flag::Low => Some("L"),
                    inzage_domain::results::Flag::High => Some("H"),
                    inzage_domain::results::Flag::Abnormal => Some("A"),
                    inzage_domain::results::Flag::Normal if d.range.is_some() => Some("N"),
                    _ => None,
                };
                put(
                    &mut m,
                    "interpretation",
                    interpretation.map(|c| json!([coded(INTERPRETATION, c)])),
                );
                "Observation"
            }
            ItemDetail::BloodGroup { value } => {
                m.insert("status".into(), json!(i.fhir_status));
                m.insert(
                    "category".into(),
                    json!([coded(OBSERVATION_CATEGORY, "laboratory")]),
                );
                m.insert("code".into(), observation_code(i));
                m.insert("subject".into(), patient);
                put(&mut m, "effectiveDateTime", start.map(|s| json!(s)));
                m.insert(
                    "performer".into(),
                    json!([reference("Organization", &i.hospital_id)]),
                );
                m.insert("valueString".into(), json!(value));
                "Observation"
            }
            ItemDetail::Allergy {
                category,
                criticality,
                clinical_status,
            } => {
                m.insert("extension".into(), hospital);
                put(
                    &mut m,
                    "clinicalStatus",
                    clinical_status.map(|c| {
                        coded(
                            "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                            &c,
                        )
                    }),
                );
                m.insert(
                    "verificationStatus".into(),
                    coded(
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                        &i.fhir_status,
                    ),
                );
                put(&mut m, "category", category.map(|c| json!([c])));
                put(&mut m, "criticality", criticality.map(|c| json!(c)));
                m.insert("code".into(), json!({ "text": i.title }));
                m.insert("patient".into(), patient);
                m.insert("recordedDate".into(), json!(i.item_date));
                "AllergyIntolerance"
            }
            ItemDetail::Risk { clinical_status } => {
                m.insert("extension".into(), hospital);
                put(
                    &mut m,
                    "clinicalStatus",
                    clinical_status.map(|c| {
                        coded(
                            "http://terminology.hl7.org/CodeSystem/condition-clinical",
                            &c,
                        )
                    }),
                );
                m.insert(
                    "verificationStatus".into(),
                    coded(
                        "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                        &i.fhir_status,
                    ),
                );
                m.insert("code".into(), json!({ "text": i.title }));
                m.insert("subject".into(), patient);
                m.insert("onsetDateTime".into(), json!(i.item_date));
                put(&mut m, "abatementDateTime", end.map(|e| json!(e)));
                "Condition"
            }
            ItemDetail::Medication {
                dosage, prescriber, ..
            } => {
                m.insert("extension".into(), hospital);
                m.insert("status".into(), json!(i.fhir_status));
                m.insert(
                    "medicationCodeableConcept".into(),
                    json!({ "text": i.title }),
                );
                m.insert("subject".into(), patient);
                let mut period = Map::new();
                period.insert("start".into(), json!(i.item_date));
                put(&mut period, "end", end.map(|e| json!(e)));
                m.insert("effectivePeriod".into(), Value::Object(period));
                put(
                    &mut m,
                    "informationSource",
                    prescriber.map(|p| json!({ "type": "Practitioner", "display": p })),
                );
                put(&mut m, "dosage", dosage.map(|d| json!([{ "text": d }])));
                "MedicationStatement"
            }
            ItemDetail::Appointment {
                location,
                practitioner,
                service,
                practitioner_id,
                video,
            } => {
                if video {
                    m.insert(
                        "appointmentType".into(),
                        json!({ "coding": [{ "system": ACT_CODE_SYSTEM, "code": "VR", "display": "virtual" }] }),
                    );
                }
                m.insert("extension".into(), hospital);
                m.insert("status".into(), json!(i.fhir_status));
                put(
                    &mut m,
                    "serviceType",
                    service.map(|s| json!([{ "text": s }])),
                );
                m.insert("description".into(), json!(i.title));
                put(&mut m, "start", start.map(|s| json!(s)));
                put(&mut m, "end", end.map(|e| json!(e)));
                let mut participants = vec![json!({ "actor": patient, "status": "accepted" })];
                if let Some(p) = practitioner {
                    let mut actor = json!({ "type": "Practitioner", "display": p });
                    if let Some(id) = practitioner_id {
                        actor["identifier"] = json!({ "system": PRACTITIONER_SYSTEM, "value": id });
                    }
                    participants.push(json!({ "actor": actor, "status": "accepted" }));
                }
                if let Some(l) = location {
                    participants.push(json!({
                        "actor": { "type": "Location", "display": l },
                        "status": "accepted",
                    }));
                }
                m.insert("participant".into(), Value::Array(participants));
                "Appointment"
            }
            ItemDetail::Leaflet { url } => {
                m.insert("extension".into(), hospital);
                m.insert("status".into(), json!(i.fhir_status));
                m.insert(
                    "type".into(),
                    json!({
                        "coding": [{
                            "system": "http://loinc.org",
                            "code": super::items::LEAFLET_TYPE,
                            "display": "Patient instructions",
                        }],
                    }),
                );
                m.insert("subject".into(), patient);
                m.insert("date".into(), json!(format!("{}T00:00:00Z", i.item_date)));
                m.insert("description".into(), json!(i.title));
                m.insert(
                    "content".into(),
                    json!([{ "attachment": { "url": url, "title": i.title } }]),
                );
                "DocumentReference"
            }
        };
        let mut resource = Map::new();
        resource.insert("resourceType".into(), json!(ty));
        resource.insert("id".into(), json!(id));
        resource.extend(m);
        Some((ty, Value::Object(resource)))
    }
}

fn observation_code(i: &ItemRow) -> Value {
    match &i.code {
        Some(code) => json!({ "coding": [{ "code": code }], "text": i.title }),
        None => json!({ "text": i.title }),
    }
}

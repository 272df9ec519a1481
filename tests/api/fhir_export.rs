//! FHIR R4 export (`$everything`): exactly what the person may see, valid R4 (read back by a
//! typed FHIR model in strict mode), and round-tripped: what the export writes imports again to
//! the same rows, for every demo patient with an account (the Synthea patients and the demo
//! bundle's).

use std::collections::BTreeMap;

use inzage_server::fhir::export::fhir_id;
use inzage_server::store::{ItemRow, ReportRow, Store, Subject};
use inzage_tests::{browser, Db, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

on_both_backends!(
    the_export_holds_exactly_what_the_patient_may_see,
    every_patients_export_is_valid_r4_and_imports_to_the_same_rows,
    every_imported_patient_round_trips_through_the_export_format,
);

async fn export(client: &reqwest::Client, app: &TestApp, record: &str) -> anyhow::Result<String> {
    let res = client
        .get(app.url(&format!("/api/v1/fhir/Patient/{record}/$everything")))
        .send()
        .await?;
    anyhow::ensure!(res.status() == StatusCode::OK, "{record}: {}", res.status());
    let content_type = res.headers()[reqwest::header::CONTENT_TYPE]
        .to_str()?
        .to_owned();
    assert_eq!(content_type, "application/fhir+json");
    Ok(res.text().await?)
}

/// `Type/id` of every resource in a bundle.
fn resources(bundle: &Value) -> Vec<String> {
    bundle["entry"]
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|e| {
                    format!(
                        "{}/{}",
                        e["resource"]["resourceType"].as_str().unwrap_or_default(),
                        e["resource"]["id"].as_str().unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the bundle with fhirbolt's R4 model in strict mode: any element R4 does not define,
/// a wrong type or a missing required element fails.
fn strictly_r4(json: &str) -> anyhow::Result<()> {
    let parsed: fhirbolt::model::r4::Resource = fhirbolt::json::from_str(json, None)
        .map_err(|e| anyhow::anyhow!("not valid FHIR R4: {e}"))?;
    anyhow::ensure!(matches!(parsed, fhirbolt::model::r4::Resource::Bundle(_)));
    Ok(())
}

async fn the_export_holds_exactly_what_the_patient_may_see(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let margery = app.id_of("margery");
    let json = export(&client, &app, &margery).await?;
    strictly_r4(&json)?;
    let bundle: Value = serde_json::from_str(&json)?;
    assert_eq!(bundle["type"], "searchset");
    let listed = resources(&bundle);
    for present in [
        format!("Patient/{margery}"),
        "Organization/inzage-demo-az-voorbeeld".into(),
        "DiagnosticReport/inzage-demo-mri-knie".into(),
        "DocumentReference/inzage-demo-ontslagbrief".into(),
        "Observation/inzage-demo-hb-3".into(),
        "Observation/inzage-demo-bloedgroep".into(),
        "AllergyIntolerance/inzage-demo-penicilline".into(),
        "Condition/inzage-demo-valrisico".into(),
        "MedicationStatement/inzage-demo-ibuprofen".into(),
        "Appointment/inzage-demo-controle-orthopedie".into(),
        "Appointment/inzage-demo-consult-orthopedie".into(),
    ] {
        assert!(
            listed.contains(&present),
            "{present} missing from {listed:?}"
        );
    }
    for hidden in [
        "inzage-demo-echo-voorlopig",
        "inzage-demo-bloedname-geregistreerd",
        "inzage-demo-psychiatrie-afgeschermd",
        "inzage-demo-genetica-afgeschermd",
        "inzage-demo-rx-voor-cutoff",
        "inzage-demo-kalium-voorlopig",
        "inzage-demo-hiv-afgeschermd",
        "inzage-demo-latex-weerlegd",
        "inzage-demo-tramadol-ontwerp",
        "inzage-demo-psychiatrie-afspraak",
    ] {
        assert!(!json.contains(hidden), "{hidden} exported");
    }
    // The export names no other patient.
    assert!(!json.contains(&app.id_of("reyna")));
    // Every result decided visible is there, and only those: the same count as the results page.
    let page: inzage_domain::record::ResultsOverview = client
        .get(app.url(&format!("/api/v1/records/{margery}/results")))
        .send()
        .await?
        .json()
        .await?;
    let on_page: u32 = page.tests.iter().map(|t| t.count).sum();
    let observations = listed
        .iter()
        .filter(|r| r.starts_with("Observation/") && *r != "Observation/inzage-demo-bloedgroep")
        .count();
    assert_eq!(observations, on_page as usize);

    // Someone else's record and a missing one answer alike; without a session, 401.
    let reyna = app.signed_in("reyna").await?;
    let url = |id: &str| app.url(&format!("/api/v1/fhir/Patient/{id}/$everything"));
    let foreign = reyna.get(url(&margery)).send().await?;
    let missing = reyna.get(url("nobody")).send().await?;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    assert_eq!(foreign.text().await?, missing.text().await?);
    assert_eq!(
        browser().get(url(&margery)).send().await?.status(),
        StatusCode::UNAUTHORIZED
    );
    // Margery's export is in her trail once (Reyna's refused attempt is there as a refusal).
    let audit: inzage_domain::wire::AuditPage = client
        .get(app.url(&format!("/api/v1/records/{margery}/audit?limit=50")))
        .send()
        .await?
        .json()
        .await?;
    let n = audit
        .entries
        .iter()
        .filter(|e| e.resource == "fhir/everything" && e.permitted)
        .count();
    assert_eq!(n, 1);
    Ok(())
}

/// Compares two maps and says which keys are missing, extra, or differ (the first few).
fn same<V: PartialEq + std::fmt::Debug>(
    again: &BTreeMap<String, V>,
    before: &BTreeMap<String, V>,
    what: &str,
) -> anyhow::Result<()> {
    let missing: Vec<&String> = before
        .keys()
        .filter(|k| !again.contains_key(*k))
        .take(5)
        .collect();
    let extra: Vec<&String> = again
        .keys()
        .filter(|k| !before.contains_key(*k))
        .take(5)
        .collect();
    let differ: Vec<(&String, &V, &V)> = before
        .iter()
        .filter_map(|(k, v)| again.get(k).filter(|a| *a != v).map(|a| (k, v, a)))
        .take(3)
        .collect();
    anyhow::ensure!(
        missing.is_empty() && extra.is_empty() && differ.is_empty(),
        "{what}: missing {missing:?}, extra {extra:?}, differ (before, after) {differ:?}"
    );
    Ok(())
}

/// A row's fields that must survive the round trip, by FHIR id.
type Fields = BTreeMap<String, Vec<Option<String>>>;

/// The fields of an item that must survive the round trip.
fn item_fields(rows: &[ItemRow]) -> Fields {
    rows.iter()
        .map(|r| {
            let fields = vec![
                Some(r.section.clone()),
                Some(r.item_date.clone()),
                Some(r.title.clone()),
                Some(r.fhir_status.clone()),
                r.code.clone(),
                Some(r.detail_json.clone()),
                Some(r.hospital_id.clone()),
                r.issued_at.map(|t| t.to_string()),
            ];
            (fhir_id(&r.id), fields)
        })
        .collect()
}

/// The fields of a report that must survive the round trip (not its author or result lines:
/// the export has no Practitioner, and the values are exported as Observations of their own).
fn report_fields(rows: &[ReportRow]) -> Fields {
    rows.iter()
        .map(|r| {
            let fields = vec![
                Some(r.title.clone()),
                Some(r.report_date.clone()),
                Some(r.fhir_status.clone()),
                r.category.clone(),
                r.conclusion.clone(),
                r.text_body.clone(),
                Some(r.hospital_id.clone()),
                Some(r.source_type.clone()),
                Some(r.consultation_note.to_string()),
                r.issued_at.map(|t| t.to_string()),
            ];
            (r.id.clone(), fields)
        })
        .collect()
}

async fn every_patients_export_is_valid_r4_and_imports_to_the_same_rows(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    // Every record a demo patient may read: their own, their children's (the Synthea children
    // through their parents' links), the demo bundle's.
    let mut visits: Vec<(String, String)> = Vec::new();
    for login in &app.logins {
        let Subject::Patient(_) = &login.subject else {
            continue;
        };
        let client = app.signed_in(&login.username).await?;
        let records: Vec<inzage_domain::wire::LinkedRecord> = client
            .get(app.url("/api/v1/records"))
            .send()
            .await?
            .json()
            .await?;
        for r in records.into_iter().filter(|r| r.read.is_permitted()) {
            if !visits.iter().any(|(_, id)| *id == r.record) {
                visits.push((login.username.clone(), r.record));
            }
        }
    }
    assert!(visits.len() >= 3, "{visits:?}");
    let mut exported_items = 0;
    for (username, id) in visits {
        let client = app.signed_in(&username).await?;
        let json = export(&client, &app, &id).await?;
        strictly_r4(&json).map_err(|e| e.context(username.clone()))?;
        let bundle: Value = serde_json::from_str(&json)?;
        let listed = resources(&bundle);

        let fresh_dir = tempfile::tempdir()?;
        let fresh = Store::connect(&format!(
            "sqlite:{}",
            fresh_dir.path().join("t.db").display()
        ))
        .await?;
        inzage_server::fhir::import_bundle(&fresh, &json, None)
            .await
            .map_err(|e| e.context(username.clone()))?;

        let original_items: Vec<ItemRow> = app
            .store
            .all_items_of(&id)
            .await?
            .into_iter()
            .filter(|r| {
                listed
                    .iter()
                    .any(|l| l.ends_with(&format!("/{}", fhir_id(&r.id))))
            })
            .collect();
        let again = fresh.all_items_of(&id).await?;
        same(
            &item_fields(&again),
            &item_fields(&original_items),
            &format!("{username}: items"),
        )?;
        exported_items += again.len();

        let original_reports: Vec<ReportRow> = app
            .store
            .reports_for_patient(&id)
            .await?
            .into_iter()
            .filter(|r| listed.iter().any(|l| l.ends_with(&format!("/{}", r.id))))
            .collect();
        same(
            &report_fields(&fresh.reports_for_patient(&id).await?),
            &report_fields(&original_reports),
            &format!("{username}: reports"),
        )?;
        let patient = fresh.patient(&id).await?.expect("the patient imports");
        let before = app.store.patient(&id).await?.expect("the patient");
        assert_eq!(
            (
                patient.given_name,
                patient.family_name,
                patient.birth_date,
                patient.insz,
                patient.bsn
            ),
            (
                before.given_name,
                before.family_name,
                before.birth_date,
                before.insz,
                before.bsn
            ),
            "{username}: patient"
        );
    }
    assert!(
        exported_items > 300,
        "only {exported_items} items exported in all"
    );
    Ok(())
}

/// Below the API, for every patient of every demo bundle (the Synthea patients without an
/// account too): everything validated and unshielded, written by the exporter and imported
/// again, gives the same rows.
async fn every_imported_patient_round_trips_through_the_export_format(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/synthea");
    let mut patients = 0;
    for file in std::fs::read_dir(dir)? {
        let json = std::fs::read_to_string(file?.path())?;
        let bundle: Value = serde_json::from_str(&json)?;
        let id = bundle["entry"]
            .as_array()
            .and_then(|e| {
                e.iter()
                    .find(|e| e["resource"]["resourceType"] == "Patient")
            })
            .and_then(|e| e["resource"]["id"].as_str())
            .expect("a Patient in every Synthea bundle")
            .to_owned();
        let patient = app.store.patient(&id).await?.expect("imported by the demo");
        let shown = |validated: i64, shielded: i64| validated == 1 && shielded == 0;
        let reports: Vec<ReportRow> = app
            .store
            .reports_for_patient(&id)
            .await?
            .into_iter()
            .filter(|r| shown(r.validated, r.shielded))
            .collect();
        let items: Vec<ItemRow> = app
            .store
            .all_items_of(&id)
            .await?
            .into_iter()
            .filter(|r| shown(r.validated, r.shielded))
            .collect();
        let mut hospitals: Vec<(String, String)> = Vec::new();
        for (h, name) in reports
            .iter()
            .map(|r| (&r.hospital_id, &r.hospital_name))
            .chain(items.iter().map(|i| (&i.hospital_id, &i.hospital_name)))
        {
            if !hospitals.iter().any(|(x, _)| x == h) {
                hospitals.push((h.clone(), name.clone()));
            }
        }
        let written = inzage_server::fhir::export::Export {
            base: "https://portal.example",
            patient: &patient,
            hospitals,
            reports: &reports,
            items: &items,
            documents: &Default::default(),
        }
        .bundle()
        .to_string();
        strictly_r4(&written)?;
        let fresh_dir = tempfile::tempdir()?;
        let fresh = Store::connect(&format!(
            "sqlite:{}",
            fresh_dir.path().join("t.db").display()
        ))
        .await?;
        inzage_server::fhir::import_bundle(&fresh, &written, None).await?;
        same(
            &item_fields(&fresh.all_items_of(&id).await?),
            &item_fields(&items),
            &format!("{id}: items"),
        )?;
        same(
            &report_fields(&fresh.reports_for_patient(&id).await?),
            &report_fields(&reports),
            &format!("{id}: reports"),
        )?;
        patients += 1;
    }
    assert_eq!(patients, 5);
    Ok(())
}

//! The record's sections beside the reports: results with their values over time, the medical
//! summary, medications and appointments. Hidden items (not validated, shielded, before the
//! cutoff where the section follows it) never appear; another person's record answers like a
//! missing one; every read is audited once.

use inzage_domain::record::{
    AppointmentList, MedicalSummary, MedicationList, ResultSeries, ResultsOverview,
};
use inzage_domain::results::Flag;
use inzage_domain::wire::AuditPage;
use inzage_tests::{browser, Db, TestApp};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

on_both_backends!(
    personal_data_are_read_like_the_record_and_only_its_managers_may_correct_them,
    a_patient_reads_every_section_without_hidden_items,
    a_test_shows_its_values_over_time_with_flags,
    sections_of_another_record_answer_like_missing_ones,
    each_section_read_is_audited_once,
    consultation_notes_show_only_where_the_hospital_releases_them,
    leaflets_the_care_team_linked_are_listed_searched_and_exported,
);

/// GETs `path` as `client`, expecting 200, and reads the JSON.
pub(super) async fn get<T: DeserializeOwned>(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
) -> anyhow::Result<T> {
    let res = client.get(app.url(path)).send().await?;
    anyhow::ensure!(res.status() == StatusCode::OK, "{path}: {}", res.status());
    Ok(res.json().await?)
}

async fn a_patient_reads_every_section_without_hidden_items(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{}", app.id_of("margery"));

    let results: ResultsOverview = get(&client, &app, &format!("{rec}/results")).await?;
    let hb = results
        .tests
        .iter()
        .find(|t| t.code == "718-7")
        .expect("haemoglobin listed");
    // Four values from the demo hospital and one from Synthea's.
    assert_eq!((hb.count, hb.latest.value.as_str()), (5, "12.9"));
    assert_eq!(hb.latest.flag, Flag::Normal);
    let crp = results
        .tests
        .iter()
        .find(|t| t.code == "1988-5")
        .expect("CRP listed");
    assert_eq!(crp.name, "C-reactief proteïne (CRP)");
    // Synthea's glucose values from after the cutoff are there, the older ones are not.
    let glucose = results
        .tests
        .iter()
        .find(|t| t.code == "2339-0")
        .expect("glucose listed");
    assert!(glucose.latest.at.date() >= time::macros::date!(2016 - 08 - 15));
    assert!(glucose.count < 23, "values before the cutoff are hidden");
    // A preliminary value and a shielded one are not listed.
    for hidden in ["2823-3", "20447-9"] {
        assert!(
            results.tests.iter().all(|t| t.code != hidden),
            "{hidden} listed"
        );
    }
    assert!(results
        .cutoffs
        .iter()
        .any(|c| c.hospital == "AZ Voorbeeld (demo)"));
    // Body measurements are results too; a smoking survey is not.
    assert!(results.tests.iter().any(|t| t.code == "29463-7"));
    assert!(results.tests.iter().all(|t| t.code != "72166-2"));

    let summary: MedicalSummary = get(&client, &app, &format!("{rec}/summary")).await?;
    let penicillin = summary
        .allergies
        .iter()
        .find(|a| a.name == "Penicilline")
        .expect("allergy");
    // An allergy stays visible however old it is (2009, before the cutoff).
    assert_eq!(penicillin.recorded, time::macros::date!(2009 - 04 - 02));
    assert_eq!(penicillin.criticality.as_deref(), Some("high"));
    assert!(
        summary.allergies.iter().all(|a| !a.name.contains("Latex")),
        "a refuted allergy is hidden"
    );
    assert_eq!(
        summary.blood_group.as_ref().map(|b| b.value.as_str()),
        Some("A Rh(D) positief")
    );
    let risk = summary
        .risks
        .iter()
        .find(|r| r.name == "Verhoogd valrisico")
        .expect("risk");
    assert_eq!(risk.hospital, "AZ Voorbeeld (demo)");
    // Active ones first.
    let first_inactive = summary
        .risks
        .iter()
        .position(|r| r.clinical_status.as_deref() == Some("resolved"));
    if let Some(i) = first_inactive {
        assert!(summary.risks[i..]
            .iter()
            .all(|r| r.clinical_status.as_deref() != Some("active")));
    }

    let meds: MedicationList = get(&client, &app, &format!("{rec}/medications")).await?;
    let ibuprofen = meds
        .medications
        .iter()
        .find(|m| m.name.starts_with("Ibuprofen"))
        .expect("ibuprofen");
    assert!(ibuprofen.current);
    assert_eq!(ibuprofen.prescriber.as_deref(), Some("Dr. An Peeters"));
    assert!(ibuprofen
        .dosage
        .as_deref()
        .unwrap_or_default()
        .contains("na de maaltijd"));
    assert!(
        meds.medications
            .iter()
            .all(|m| !m.name.contains("Tramadol")),
        "a draft is hidden"
    );
    let first_past = meds
        .medications
        .iter()
        .position(|m| !m.current)
        .unwrap_or(meds.medications.len());
    assert!(
        meds.medications[first_past..].iter().all(|m| !m.current),
        "current ones first"
    );

    let appts: AppointmentList = get(&client, &app, &format!("{rec}/appointments")).await?;
    let upcoming: Vec<&str> = appts
        .upcoming
        .iter()
        .map(|a| a.description.as_str())
        .collect();
    assert_eq!(
        upcoming,
        vec![
            "Videoconsultatie: bespreking van de bloedresultaten",
            "Kinesitherapie",
            "Controle orthopedie"
        ],
        "soonest first, the shielded one left out"
    );
    // The video consultation is marked as one (FHIR appointmentType VR); the others are not.
    let video: Vec<bool> = appts.upcoming.iter().map(|a| a.video).collect();
    assert_eq!(video, [true, false, false]);
    assert_eq!(
        appts.upcoming[0].practitioner.as_deref(),
        Some("Dr. Mariam Gleason")
    );
    let appts = AppointmentList {
        upcoming: appts.upcoming[1..].to_vec(),
        ..appts
    };
    assert_eq!(appts.upcoming[0].status, "cancelled");
    assert_eq!(
        appts.upcoming[1].location.as_deref(),
        Some("Campus Noord, polikliniek orthopedie (route 42)")
    );
    assert_eq!(
        appts.upcoming[1].practitioner.as_deref(),
        Some("Dr. An Peeters")
    );
    assert_eq!(appts.past[0].description, "Consultatie orthopedie");
    assert!(
        appts.past.windows(2).all(|w| w[0].start >= w[1].start),
        "latest first"
    );
    // Moving the clock past the control makes it a past appointment.
    app.clock.set(time::macros::datetime!(2027-04-01 10:00 UTC));
    let client = app.signed_in("margery").await?;
    let later: AppointmentList = get(&client, &app, &format!("{rec}/appointments")).await?;
    assert!(later.upcoming.is_empty());
    assert_eq!(later.past[0].description, "Controle orthopedie");
    Ok(())
}

async fn a_test_shows_its_values_over_time_with_flags(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{}", app.id_of("margery"));
    let hb: ResultSeries = get(&client, &app, &format!("{rec}/results/718-7")).await?;
    assert_eq!(hb.name, "Hemoglobine");
    let values: Vec<(&str, Flag)> = hb
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.flag))
        .collect();
    // Synthea's value has no reference range, so no flag; the demo hospital's have one.
    assert_eq!(
        values,
        vec![
            ("12.26", Flag::Unknown),
            ("13.1", Flag::Normal),
            ("12.4", Flag::Normal),
            ("11.2", Flag::Low),
            ("12.9", Flag::Normal)
        ]
    );
    assert!(hb.values[0].range.is_none());
    let range = hb.values[1].range.expect("a range");
    assert_eq!((range.low, range.high), (Some(12.0), Some(16.0)));
    assert_eq!(hb.values[1].unit.as_deref(), Some("g/dL"));
    assert_eq!(hb.values[1].hospital, "AZ Voorbeeld (demo)");
    let crp: ResultSeries = get(&client, &app, &format!("{rec}/results/1988-5")).await?;
    assert_eq!(
        crp.values[0].flag,
        Flag::High,
        "24 mg/L above a range of at most 5"
    );
    // A blood pressure gives one series per component.
    let systolic: ResultSeries = get(&client, &app, &format!("{rec}/results/8480-6")).await?;
    assert!(!systolic.values.is_empty());
    // A test whose only values are hidden, and one that does not exist, answer alike.
    for code in ["2823-3", "20447-9", "0000-0"] {
        let res = client
            .get(app.url(&format!("{rec}/results/{code}")))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{code}");
    }
    Ok(())
}

async fn sections_of_another_record_answer_like_missing_ones(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let reyna = app.signed_in("reyna").await?;
    let margery = app.id_of("margery");
    for section in [
        "results",
        "results/718-7",
        "summary",
        "medications",
        "appointments",
    ] {
        let foreign = reyna
            .get(app.url(&format!("/api/v1/records/{margery}/{section}")))
            .send()
            .await?;
        let missing = reyna
            .get(app.url(&format!("/api/v1/records/no-such-record/{section}")))
            .send()
            .await?;
        assert_eq!(foreign.status(), StatusCode::NOT_FOUND, "{section}");
        assert_eq!(missing.status(), StatusCode::NOT_FOUND, "{section}");
        assert_eq!(foreign.text().await?, missing.text().await?, "{section}");
        let anonymous = browser()
            .get(app.url(&format!("/api/v1/records/{margery}/{section}")))
            .send()
            .await?;
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED, "{section}");
    }
    // Reyna's own summary has her Synthea allergies and nothing of Margery's.
    let own: MedicalSummary = get(
        &reyna,
        &app,
        &format!("/api/v1/records/{}/summary", app.id_of("reyna")),
    )
    .await?;
    assert!(own.allergies.iter().any(|a| a.name == "Allergy to peanuts"));
    assert!(own.allergies.iter().all(|a| a.name != "Penicilline"));
    Ok(())
}

async fn each_section_read_is_audited_once(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{}", app.id_of("margery"));
    let sections = [
        "results",
        "results/718-7",
        "summary",
        "medications",
        "appointments",
    ];
    for section in sections {
        let res = client
            .get(app.url(&format!("{rec}/{section}")))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::OK, "{section}");
    }
    let audit: AuditPage = get(&client, &app, &format!("{rec}/audit?limit=50")).await?;
    for section in sections {
        let n = audit
            .entries
            .iter()
            .filter(|e| e.resource == section && e.action == "read")
            .count();
        assert_eq!(n, 1, "{section} read {n} times in the trail");
    }
    Ok(())
}

async fn personal_data_are_read_like_the_record_and_only_its_managers_may_correct_them(
    db: Db,
) -> anyhow::Result<()> {
    use inzage_domain::record::PersonalData;
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let url = format!("/api/v1/records/{margery}/personal-data");
    let patient = app.signed_in("margery").await?;
    let own: PersonalData = get(&patient, &app, &url).await?;
    let stored = app.store.patient(&margery).await?.unwrap();
    assert_eq!(own.given_name, stored.given_name);
    assert_eq!(own.family_name, stored.family_name);
    assert_eq!(own.record_number, stored.record_number);
    assert_eq!(own.postal_address, stored.postal_address);
    let insz = inzage_domain::Insz::parse(stored.insz.as_deref().unwrap())?;
    assert_eq!(own.national_number, Some(insz.formatted()));
    assert!(own.may_request_correction);
    assert!(own
        .hospitals
        .iter()
        .any(|h| h.name == "AZ Voorbeeld (demo)"));
    // Her GP reads them but corrects nothing; another patient gets the missing record's answer.
    let gp = app.signed_in("dr.weimann").await?;
    let seen: PersonalData = get(&gp, &app, &url).await?;
    assert!(!seen.may_request_correction);
    let other = app.signed_in("reyna").await?;
    assert_eq!(
        other.get(app.url(&url)).send().await?.status(),
        reqwest::StatusCode::NOT_FOUND
    );
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE patient_id = $1 AND resource = 'personal_data'",
    )
    .bind(&margery)
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(n, 3, "two reads and one refusal");
    Ok(())
}

/// AZ Voorbeeld (Belgian) does not release consultation notes; the Dutch Synthea hospital does.
/// A withheld note appears in no list, search, export or PDF, and opens like a missing report;
/// its care providers still read it.
async fn consultation_notes_show_only_where_the_hospital_releases_them(
    db: Db,
) -> anyhow::Result<()> {
    use inzage_domain::record::SearchResults;
    use inzage_domain::wire::ReportList;
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let note = "inzage-demo-consultnotitie-orthopedie";
    let patient = app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{margery}");

    let list: ReportList = get(&patient, &app, &format!("{rec}/reports")).await?;
    assert!(list.reports.iter().all(|r| r.id != note), "listed");
    assert!(list
        .reports
        .iter()
        .any(|r| r.id == "inzage-demo-ontslagbrief"));
    for path in [
        format!("{rec}/reports/{note}"),
        format!("/api/v1/reports/{note}"),
    ] {
        let res = patient.get(app.url(&path)).send().await?;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let found: SearchResults = get(&patient, &app, &format!("{rec}/search?q=flexie")).await?;
    assert!(found.hits.is_empty(), "the note's words are not searchable");
    let export = patient
        .get(app.url(&format!("/api/v1/fhir/Patient/{margery}/$everything")))
        .send()
        .await?
        .text()
        .await?;
    assert!(!export.contains(note) && !export.contains("flexie"));
    let pdf = patient.get(app.url(&format!("{rec}/pdf"))).send().await?;
    let (text, _) = super::pdf::pdf_text(pdf).await?;
    assert!(!text.contains("Consultnotitie") && !text.contains("flexie"));

    // The treating doctor's view is not filtered by the portal's report rules.
    let doctor = app.signed_in("dr.gleason").await?;
    let seen: ReportList = get(&doctor, &app, &format!("{rec}/reports?q=consultnotitie")).await?;
    assert!(seen.reports.iter().any(|r| r.id == note));

    // Reyna's Dutch hospital releases its notes: she reads hers, and finds it by its words.
    let reyna = app.id_of("reyna");
    let other = app.signed_in("reyna").await?;
    let list: ReportList = get(&other, &app, &format!("/api/v1/records/{reyna}/reports")).await?;
    assert!(list
        .reports
        .iter()
        .any(|r| r.id == "inzage-demo-reyna-consultnotitie"));
    let found: SearchResults = get(
        &other,
        &app,
        &format!("/api/v1/records/{reyna}/search?q=puffer"),
    )
    .await?;
    assert_eq!(found.hits.len(), 1);
    Ok(())
}

async fn leaflets_the_care_team_linked_are_listed_searched_and_exported(
    db: Db,
) -> anyhow::Result<()> {
    use inzage_domain::record::{HitKind, LeafletList, SearchResults};
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let rec = format!("/api/v1/records/{margery}");
    let patient = app.signed_in("margery").await?;

    // The two leaflets, the most recently linked first; the shielded one is not there.
    let list: LeafletList = get(&patient, &app, &format!("{rec}/leaflets")).await?;
    let titles: Vec<&str> = list.leaflets.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Kinesitherapie na een meniscusletsel",
            "Na uw knieoperatie: oefeningen voor thuis"
        ]
    );
    let first = &list.leaflets[0];
    assert_eq!(
        first.url,
        "https://azvoorbeeld.example/folders/kinesitherapie-meniscus"
    );
    assert_eq!(first.hospital, "AZ Voorbeeld (demo)");
    assert_eq!(first.linked, time::macros::date!(2026 - 10 - 20));

    // Found by its words, like the other sections; the shielded one is not.
    let found: SearchResults =
        get(&patient, &app, &format!("{rec}/search?q=meniscusletsel")).await?;
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].kind, HitKind::Leaflet);
    let hidden: SearchResults = get(
        &patient,
        &app,
        &format!("{rec}/search?q=psychiatrie gesprek"),
    )
    .await?;
    assert!(hidden.hits.is_empty());

    // Exported as DocumentReferences with the web address.
    let export = patient
        .get(app.url(&format!("/api/v1/fhir/Patient/{margery}/$everything")))
        .send()
        .await?
        .text()
        .await?;
    assert!(export.contains("inzage-demo-folder-knie"));
    assert!(export.contains("https://azvoorbeeld.example/folders/knieoperatie-oefeningen"));
    assert!(!export.contains("inzage-demo-folder-psychiatrie"));

    // Another patient's leaflets answer like a missing record; each read is audited.
    let reyna = app.signed_in("reyna").await?;
    let res = reyna
        .get(app.url(&format!("{rec}/leaflets")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let audit: AuditPage = get(&patient, &app, &format!("{rec}/audit?limit=50")).await?;
    let reads = audit
        .entries
        .iter()
        .filter(|e| e.resource == "leaflets" && e.action == "read" && e.permitted)
        .count();
    assert_eq!(reads, 1);

    // A leaflet must be a web address: anything else refuses the bundle, naming the field.
    let bundle = serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "DocumentReference", "id": "f", "status": "current",
            "type": {"coding": [{"system": "http://loinc.org", "code": "69730-0"}]},
            "subject": {"reference": format!("Patient/{margery}")},
            "custodian": {"reference": "Organization/inzage-demo-az-voorbeeld"},
            "date": "2026-11-01", "description": "Folder",
            "content": [{"attachment": {"url": "javascript:alert(1)"}}]}}]});
    let e = inzage_server::fhir::parse_bundle(&bundle.to_string(), None)
        .map(|_| ())
        .expect_err("refused")
        .to_string();
    assert!(e.contains("content.attachment.url"), "{e}");
    Ok(())
}

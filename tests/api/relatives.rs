//! A relative's request about a deceased patient's record (issue 7), filed from the relative's
//! own account: the patient is matched on three details or not at all, the law of the
//! hospital decides (a practitioner inspects in Belgium, a doctor weighs in the Netherlands),
//! staff handle the case, and only the relative sees it.

use inzage_domain::access::Fact;
use inzage_domain::cases::{CaseStatus, Delivery};
use inzage_domain::requests::NewRelativeRequest;
use inzage_domain::wire::{ErrorBody, RelativeRequestsView, RequestCase, StaffCase};
use inzage_server::store::FactRow;
use inzage_tests::{Db, TestApp};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use time::macros::date;

use super::designations::PDF;
use super::requests::{field_errors, step, AZ};
use super::sections::get;

on_both_backends!(
    a_relative_asks_about_a_deceased_belgian_patient_and_a_practitioner_inspects,
    a_dutch_doctor_weighs_a_relatives_request_and_may_grant_a_copy,
    the_patient_is_matched_on_every_detail_or_not_at_all,
    each_field_of_a_relatives_request_is_checked,
);

/// Massachusetts General, Adán Pulido's hospital: Belgian by the demo network's default.
const MGH: &str = "d78e84ec-30aa-3bba-a33a-f29a3a454662";
/// Morton, Dutch (demo network).
const MORTON: &str = "8ad64ecf-c817-3753-bee7-006a8e662e06";
const PATH: &str = "/api/v1/me/relative-requests";

/// Adán Pulido's id and national number (the demo gives him one).
async fn adan(app: &TestApp) -> anyhow::Result<(String, String)> {
    let (id, _) = app
        .store
        .find_patient_by_name("Adán", "Pulido")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no Adán"))?;
    let insz = app
        .store
        .patient(&id)
        .await?
        .and_then(|p| p.insz)
        .ok_or_else(|| anyhow::anyhow!("Adán has no national number"))?;
    Ok((id, insz))
}

fn relative_request(hospital: &str, number: &str) -> NewRelativeRequest {
    NewRelativeRequest {
        hospital: hospital.into(),
        national_number: number.into(),
        birth_date: "1936-08-18".into(),
        died_on: "2007-03-25".into(),
        degree: 1,
        motivation: "Erfelijke hartziekte in de familie.".into(),
        practitioner: "dr. An Peeters".into(),
        note: String::new(),
    }
}

async fn file(
    app: &TestApp,
    client: &Client,
    r: &NewRelativeRequest,
    id_document: Option<&[u8]>,
) -> anyhow::Result<reqwest::Response> {
    let mut form = Form::new().text("request", serde_json::to_string(r)?);
    if let Some(bytes) = id_document {
        form = form.part(
            "signer_relative",
            Part::bytes(bytes.to_vec()).file_name("id.pdf"),
        );
    }
    Ok(client.post(app.url(PATH)).multipart(form).send().await?)
}

/// The audit entries of a record about relatives' requests: role, action, resource, outcome.
async fn relative_entries(
    app: &TestApp,
    patient: &str,
) -> anyhow::Result<Vec<(String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT actor_role, action, resource, outcome FROM audit_log \
         WHERE patient_id = $1 AND resource LIKE 'request/copy_for_deceased_relative%' ORDER BY seq",
    )
    .bind(patient)
    .fetch_all(app.store.pool())
    .await?)
}

async fn a_relative_asks_about_a_deceased_belgian_patient_and_a_practitioner_inspects(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let (adan_id, insz) = adan(&app).await?;
    // Margery files from her own account: Adán's record is closed to everyone since his death.
    let margery = app.signed_in("margery").await?;
    let view: RelativeRequestsView = get(&margery, &app, PATH).await?;
    assert!(view.cases.is_empty());
    assert!(view.hospitals.iter().any(|h| h.id == MGH));
    assert!(view.hospitals.iter().any(|h| h.id == AZ));

    let res = file(&app, &margery, &relative_request(MGH, &insz), Some(PDF)).await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let case: RequestCase = res.json().await?;
    assert_eq!(case.status, CaseStatus::Received);
    assert_eq!(case.due, date!(2026 - 12 - 27));
    assert_eq!(case.notes[0].key, "request.deceased.through_practitioner");
    assert_eq!(case.requester_name, "Margery Gibson");
    let view: RelativeRequestsView = get(&margery, &app, PATH).await?;
    assert_eq!(view.cases, vec![case.clone()]);
    // In Adán's trail: Margery, as a relative, under the Belgian ground for relatives.
    assert_eq!(
        relative_entries(&app, &adan_id).await?,
        [(
            "relative".into(),
            "change".into(),
            "request/copy_for_deceased_relative".into(),
            "permit".into()
        )]
    );

    // Staff see it with Adán's name and Margery's document; a Belgian case delivers nothing.
    let staff = app.signed_in("ombuds").await?;
    let queue: Vec<StaffCase> = get(&staff, &app, "/api/v1/staff/requests").await?;
    let staffed = queue.iter().find(|c| c.case.id == case.id).unwrap();
    assert_eq!(staffed.patient_name, "Adán Pulido");
    assert_eq!(staffed.delivery, Delivery::None);
    assert_eq!(staffed.files.len(), 1);
    let ask =
        serde_json::json!({"step": "ask_information", "question": "Welke arts, met RIZIV-nummer?"});
    assert_eq!(
        step(&app, &staff, &case.id, ask, None).await?.status(),
        StatusCode::OK
    );

    // Only the relative who filed answers; anyone else gets the answer a missing case gets.
    let answer = app.url(&format!("{PATH}/{}/answer", case.id));
    let body = serde_json::json!({"answer": "dr. An Peeters, 1-23456-78-901"});
    let reyna = app.signed_in("reyna").await?;
    assert_eq!(
        reyna.post(&answer).json(&body).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff.post(&answer).json(&body).send().await?.status(),
        StatusCode::FORBIDDEN
    );
    let res = margery.post(&answer).json(&body).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    let answered: RequestCase = res.json().await?;
    assert_eq!(answered.status, CaseStatus::InProgress);
    let reyna_view: RelativeRequestsView = get(&reyna, &app, PATH).await?;
    assert!(reyna_view.cases.is_empty());

    // Completed without a document: the practitioner inspects at the hospital.
    let done = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "complete"}),
        Some(PDF),
    )
    .await?;
    assert_eq!(
        field_errors(done).await?,
        [("delivery".into(), "case.delivery.not_expected".into())]
    );
    let done = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "complete"}),
        None,
    )
    .await?;
    assert_eq!(done.status(), StatusCode::OK);
    let delivery = app.url(&format!("{PATH}/{}/delivery", case.id));
    assert_eq!(
        margery.get(&delivery).send().await?.status(),
        StatusCode::NOT_FOUND
    );

    // A patient who objected while alive: the Belgian law gives relatives nothing, and the
    // refusal is in his trail too.
    let mut tx = app.store.begin().await?;
    tx.insert_fact(&FactRow::from_fact(&adan_id, &Fact::ObjectionAfterDeath))
        .await?;
    tx.commit().await?;
    let res = file(&app, &margery, &relative_request(MGH, &insz), Some(PDF)).await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "request.deceased.patient_objected");
    let entries = relative_entries(&app, &adan_id).await?;
    assert_eq!(entries.last().map(|e| e.3.as_str()), Some("deny"));
    let view: RelativeRequestsView = get(&margery, &app, PATH).await?;
    assert_eq!(view.cases.len(), 1, "nothing is kept of a refused request");
    Ok(())
}

async fn a_dutch_doctor_weighs_a_relatives_request_and_may_grant_a_copy(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    // Reyna, a patient at Morton (Dutch), dies; Margery is her relative.
    let reyna = app.id_of("reyna");
    sqlx::query(
        "UPDATE patients SET deceased_at = '2026-11-20', bsn = COALESCE(bsn, '123456782') \
         WHERE id = $1",
    )
    .bind(&reyna)
    .execute(app.store.pool())
    .await?;
    let patient = app.store.patient(&reyna).await?.unwrap();
    let margery = app.signed_in("margery").await?;
    let mut r = relative_request(MORTON, patient.bsn.as_deref().unwrap());
    r.birth_date = patient.birth_date.unwrap();
    r.died_on = "2026-11-20".into();
    r.degree = 3;
    r.practitioner = String::new();
    let res = file(&app, &margery, &r, Some(PDF)).await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let case: RequestCase = res.json().await?;
    assert_eq!(case.notes[0].key, "request.deceased.doctor_weighs");
    assert_eq!(case.due, date!(2026 - 12 - 25), "Morton's 20 working days");

    let staff = app.signed_in("ombuds").await?;
    let queue: Vec<StaffCase> = get(&staff, &app, "/api/v1/staff/requests").await?;
    let staffed = queue.iter().find(|c| c.case.id == case.id).unwrap();
    assert_eq!(staffed.delivery, Delivery::Optional);
    // A copy of a whole record is larger than what patients upload (5 MB).
    let mut copy = b"%PDF-1.4\n".to_vec();
    copy.resize(6 * 1024 * 1024, b' ');
    copy.extend_from_slice(b"\n%%EOF");
    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "complete"}),
        Some(&copy),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let delivery = app.url(&format!("{PATH}/{}/delivery", case.id));
    let res = margery.get(&delivery).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await?.as_ref(), copy.as_slice());
    let entries = relative_entries(&app, &reyna).await?;
    assert!(entries.iter().any(|e| e.0 == "relative"
        && e.1 == "read"
        && e.2 == "request/copy_for_deceased_relative/delivery"));
    // The copy is Margery's: nobody else downloads it.
    let other = app.signed_in("dr.gleason").await?;
    assert_eq!(
        other.get(&delivery).send().await?.status(),
        StatusCode::FORBIDDEN
    );
    Ok(())
}

async fn the_patient_is_matched_on_every_detail_or_not_at_all(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let (_, insz) = adan(&app).await?;
    let reyna = app.signed_in("reyna").await?;
    let no_match = vec![(
        "national_number".to_owned(),
        "request.deceased.no_match".to_owned(),
    )];
    let mut wrong_birth = relative_request(MGH, &insz);
    wrong_birth.birth_date = "1936-08-19".into();
    let mut wrong_death = relative_request(MGH, &insz);
    wrong_death.died_on = "2007-03-26".into();
    let wrong_hospital = relative_request(AZ, &insz);
    // Margery is alive: her own details match no deceased patient either.
    let margery = app.id_of("margery");
    let living = app.store.patient(&margery).await?.unwrap();
    let mut alive = relative_request(AZ, living.insz.as_deref().unwrap());
    alive.birth_date = living.birth_date.clone().unwrap();
    alive.died_on = "2026-11-01".into();
    for r in [wrong_birth, wrong_death, wrong_hospital, alive] {
        let res = file(&app, &reyna, &r, Some(PDF)).await?;
        assert_eq!(field_errors(res).await?, no_match, "{r:?}");
    }
    let view: RelativeRequestsView = get(&reyna, &app, PATH).await?;
    assert!(view.cases.is_empty());
    Ok(())
}

async fn each_field_of_a_relatives_request_is_checked(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let (_, insz) = adan(&app).await?;
    let reyna = app.signed_in("reyna").await?;
    let check = |r: NewRelativeRequest, doc: Option<&'static [u8]>| {
        let (app, reyna) = (&app, &reyna);
        async move { field_errors(file(app, reyna, &r, doc).await?).await }
    };
    let mut r = relative_request(MGH, "85073003329");
    r.died_on = "1900-01-01".into();
    r.degree = 0;
    r.motivation = " ".into();
    let errors = check(r, Some(PDF)).await?;
    let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        ["degree", "died_on", "motivation", "national_number"],
        "{errors:?}"
    );
    // Belgium wants the practitioner; both want the relative's identity document.
    let mut r = relative_request(MGH, &insz);
    r.practitioner = String::new();
    assert_eq!(
        check(r, None).await?,
        [
            (
                "practitioner".into(),
                "request.deceased.practitioner_missing".into()
            ),
            ("signer_relative".into(), "request.signature_missing".into()),
        ]
    );
    assert_eq!(
        check(relative_request(MGH, &insz), Some(b"MZ not a document")).await?,
        [("signer_relative".into(), "upload.not_document".into())]
    );
    assert_eq!(
        check(relative_request("nowhere", &insz), Some(PDF)).await?,
        [("hospital".into(), "request.hospital.unknown".into())]
    );
    // Kinship too far for Belgium: refused with the reason, before anything is kept.
    let mut far = relative_request(MGH, &insz);
    far.degree = 3;
    let res = file(&app, &reyna, &far, Some(PDF)).await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // Staff and practitioners file no such request.
    let staff = app.signed_in("ombuds").await?;
    assert_eq!(
        staff.get(app.url(PATH)).send().await?.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        file(&app, &staff, &relative_request(MGH, &insz), Some(PDF))
            .await?
            .status(),
        StatusCode::FORBIDDEN
    );
    Ok(())
}

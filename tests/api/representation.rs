//! Applying to represent an adult who cannot decide (issue 5): someone who does not manage the
//! patient's record files the signed form; the ombuds service establishes the incapacity and
//! approves, and the applicant then acts for the patient; every bad field, refusal and wrong
//! box is answered beside its field, and nothing is stored half-way.

use inzage_domain::access::{self, Action, PersonId, Principal, Request, Resource, RuleId};
use inzage_domain::manage::DesignationKind;
use inzage_domain::wire::{
    AccessView, CapacityRegained, ErrorBody, LinkRequestStatus, LinkedRecord, RequestStatus,
    StaffDecision, StaffIncapacity, StaffLinkRequest,
};
use inzage_tests::{Db, TestApp};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};

use super::designations::PDF;
use super::links::{ask, insz_of};

on_both_backends!(
    a_daughter_represents_her_mother_who_cannot_decide,
    applications_are_checked_beside_their_fields_and_by_the_law,
);

/// An application's multipart form for the patient with national number `number`.
pub fn application(kind: &str, number: &str, file: &[u8]) -> Form {
    Form::new()
        .text("kind", kind.to_owned())
        .text("patient_name", "Margery Gibson")
        .text("patient_national_number", number.to_owned())
        .text(
            "message",
            "Ik ben haar dochter; mijn moeder heeft dementie.",
        )
        .part(
            "form",
            Part::bytes(file.to_vec()).file_name("formulier.pdf"),
        )
}

async fn apply(app: &TestApp, client: &Client, form: Form) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url("/api/v1/representation-requests"))
        .multipart(form)
        .send()
        .await?)
}

async fn decide(
    app: &TestApp,
    staff: &Client,
    id: &str,
    decision: StaffDecision,
) -> anyhow::Result<reqwest::Response> {
    Ok(staff
        .post(app.url(&format!("/api/v1/staff/link-requests/{id}")))
        .json(&decision)
        .send()
        .await?)
}

async fn field_error(res: reqwest::Response, field: &str) -> anyhow::Result<String> {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    Ok(body
        .fields
        .first(field)
        .unwrap_or_else(|| panic!("no error beside {field}: {body:?}"))
        .key
        .to_string())
}

async fn a_daughter_represents_her_mother_who_cannot_decide(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let reyna_id = app.id_of("reyna");
    let number = app.login_of("margery").national_number.clone().unwrap();
    let reyna = app.signed_in("reyna").await?;
    let res = apply(&app, &reyna, application("representative", &number, PDF)).await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let filed: LinkRequestStatus = res.json().await?;
    assert_eq!(filed.status, RequestStatus::Pending);
    assert_eq!(filed.kind, Some(DesignationKind::Representative));
    // A number no patient has gets the same answer: the form does not tell who is a patient.
    let unknown = apply(
        &app,
        &reyna,
        application("representative", "85073100130", PDF),
    )
    .await?;
    assert_eq!(unknown.status(), StatusCode::ACCEPTED);
    let unknown: LinkRequestStatus = unknown.json().await?;
    let mine: Vec<LinkRequestStatus> = reyna
        .get(app.url("/api/v1/link-requests"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(mine.len(), 2);

    // Staff see it in the queue, with the patient the number belongs to and the form.
    let staff = app.signed_in("ombuds").await?;
    let queue: Vec<StaffLinkRequest> = staff
        .get(app.url("/api/v1/staff/link-requests"))
        .send()
        .await?
        .json()
        .await?;
    let row = queue.iter().find(|r| r.id == filed.id).unwrap();
    assert_eq!(row.kind, Some(DesignationKind::Representative));
    assert_eq!(row.record_name.as_deref(), Some("Margery Gibson"));
    assert_eq!(row.form_size, Some(PDF.len() as i64));
    let form_url = app.url(&format!("/api/v1/staff/link-requests/{}/form", filed.id));
    let pdf = staff.get(&form_url).send().await?;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.bytes().await?.as_ref(), PDF, "the form as uploaded");
    assert_eq!(
        reyna.get(&form_url).send().await?.status(),
        StatusCode::FORBIDDEN,
        "the form is for staff only"
    );

    // Before: Reyna cannot read her mother's record.
    let reports = app.url(&format!("/api/v1/records/{margery}/reports"));
    assert_eq!(
        reyna.get(&reports).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    // Approving without establishing the incapacity, or refusing while ticking it, is
    // answered beside the box, and nothing changes.
    let approve = |incapacity| StaffDecision {
        approve: true,
        incapacity,
        ..StaffDecision::default()
    };
    let res = decide(&app, &staff, &filed.id, approve(false)).await?;
    assert_eq!(
        field_error(res, "incapacity").await?,
        "representation.incapacity_needed"
    );
    let res = decide(
        &app,
        &staff,
        &filed.id,
        StaffDecision {
            approve: false,
            reason: "Geen attest.".into(),
            incapacity: true,
            ..StaffDecision::default()
        },
    )
    .await?;
    assert_eq!(
        field_error(res, "incapacity").await?,
        "staff.incapacity.approve_only"
    );
    let res = decide(
        &app,
        &staff,
        &filed.id,
        StaffDecision {
            approve: true,
            without_authority: true,
            incapacity: true,
            ..StaffDecision::default()
        },
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reyna.get(&reports).send().await?.status(),
        StatusCode::NOT_FOUND
    );

    let res = decide(&app, &staff, &filed.id, approve(true)).await?;
    assert_eq!(res.status(), StatusCode::OK);
    let decided: LinkRequestStatus = res.json().await?;
    assert_eq!(decided.status, RequestStatus::Approved);
    let again = decide(&app, &staff, &filed.id, approve(true)).await?;
    assert_eq!(again.status(), StatusCode::CONFLICT, "decided once");

    // Now Reyna reads the record and acts in her mother's place: its access is hers to manage.
    assert_eq!(reyna.get(&reports).send().await?.status(), StatusCode::OK);
    let records: Vec<LinkedRecord> = reyna
        .get(app.url("/api/v1/records"))
        .send()
        .await?
        .json()
        .await?;
    let linked = records.iter().find(|r| r.record == margery).unwrap();
    assert!(linked.read.rules.contains(&RuleId::BeRepresentative));
    let access = app.url(&format!("/api/v1/records/{margery}/access"));
    assert_eq!(reyna.get(&access).send().await?.status(), StatusCode::OK);
    // Margery's Toegangen page names her representative and why.
    let patient = app.signed_in("margery").await?;
    let view: AccessView = patient.get(&access).send().await?.json().await?;
    assert!(view.people.iter().any(|p| p.name == "Reyna Ziemann"));
    // The page runs the domain's rules on these facts: the same reason as the server's.
    let why = access::decide(
        &Request {
            principal: Principal::Person {
                id: PersonId(reyna_id.clone()),
            },
            action: Action::Read,
            resource: Resource::Record,
        },
        &view.facts,
        view.now,
    );
    assert!(why.rules.contains(&RuleId::BeRepresentative), "{why:?}");

    // The decision is in Margery's audit trail, by staff.
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE patient_id = $1 AND actor_kind = 'staff' \
         AND resource = $2",
    )
    .bind(&margery)
    .bind(format!("representation/approved/representative/{reyna_id}"))
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(count, 1);

    // Staff list her among the patients who cannot decide, with her representative; when a
    // doctor finds she can decide again, staff record it (with the ground) and Reyna no longer
    // acts for her from that instant.
    let list: Vec<StaffIncapacity> = staff
        .get(app.url("/api/v1/staff/incapacities"))
        .send()
        .await?
        .json()
        .await?;
    let mine = list.iter().find(|i| i.record == margery).unwrap();
    assert_eq!(mine.representatives, ["Reyna Ziemann"]);
    let end = app.url(&format!("/api/v1/staff/incapacities/{margery}/end"));
    let res = staff
        .post(&end)
        .json(&CapacityRegained { reason: " ".into() })
        .send()
        .await?;
    assert_eq!(field_error(res, "reason").await?, "staff.reason.empty");
    let regained = CapacityRegained {
        reason: "Attest dr. Gleason: mevrouw beslist weer zelf.".into(),
    };
    let res = reyna.post(&end).json(&regained).send().await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "staff only");
    assert_eq!(reyna.get(&reports).send().await?.status(), StatusCode::OK);
    let res = staff.post(&end).json(&regained).send().await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        reyna.get(&reports).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    let res = staff.post(&end).json(&regained).send().await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "incapacity.none");
    let list: Vec<StaffIncapacity> = staff
        .get(app.url("/api/v1/staff/incapacities"))
        .send()
        .await?
        .json()
        .await?;
    assert!(list.iter().all(|i| i.record != margery));
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE patient_id = $1 AND resource = 'incapacity/ended'",
    )
    .bind(&margery)
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(count, 1);
    // Should she lose it again, Reyna (still her named representative) applies anew and staff
    // record only the incapacity.
    let res = apply(&app, &reyna, application("representative", &number, PDF)).await?;
    let again: LinkRequestStatus = res.json().await?;
    let res = decide(&app, &staff, &again.id, approve(true)).await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(reyna.get(&reports).send().await?.status(), StatusCode::OK);

    // The unknown number: no patient to approve for; a refusal with a reason is fine.
    let res = decide(&app, &staff, &unknown.id, approve(true)).await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "link.no_such_patient");
    let res = decide(
        &app,
        &staff,
        &unknown.id,
        StaffDecision {
            approve: false,
            reason: "Onbekend nummer.".into(),
            ..StaffDecision::default()
        },
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn applications_are_checked_beside_their_fields_and_by_the_law(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let number = app.login_of("margery").national_number.clone().unwrap();
    let reyna = app.signed_in("reyna").await?;
    // Each bad field has its reason beside it, and nothing is stored.
    let res = apply(&app, &reyna, application("trusted_person", &number, PDF)).await?;
    assert_eq!(
        field_error(res, "kind").await?,
        "representation.patient_only"
    );
    let res = apply(&app, &reyna, application("guardian", &number, PDF)).await?;
    assert_eq!(field_error(res, "kind").await?, "designation.kind.unknown");
    let res = apply(
        &app,
        &reyna,
        application("representative", &number, b"<script>"),
    )
    .await?;
    assert!(field_error(res, "form").await?.starts_with("upload."));
    let res = apply(
        &app,
        &reyna,
        Form::new()
            .text("kind", "representative")
            .part("form", Part::bytes(PDF.to_vec()).file_name("f.pdf")),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    for (field, key) in [
        ("patient_name", "representation.patient_name.empty"),
        ("message", "representation.message.empty"),
    ] {
        assert_eq!(body.fields.first(field).unwrap().key, key);
    }
    assert!(body.fields.first("patient_national_number").is_some());
    let res = apply(
        &app,
        &reyna,
        application("representative", &number, PDF).text("shoe_size", "42"),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let mine: Vec<LinkRequestStatus> = reyna
        .get(app.url("/api/v1/link-requests"))
        .send()
        .await?
        .json()
        .await?;
    assert!(mine.is_empty(), "nothing stored: {mine:?}");
    // Only a person applies.
    let staff = app.signed_in("ombuds").await?;
    let res = apply(&app, &staff, application("representative", &number, PDF)).await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The law: a child of 14 is represented by the parents, who ask for a link.
    let jorge = insz_of(&app, "Jorge", "Brekke").await?;
    let res = apply(&app, &reyna, application("representative", &jorge, PDF)).await?;
    let minor: LinkRequestStatus = res.json().await?;
    let res = decide(
        &app,
        &staff,
        &minor.id,
        StaffDecision {
            approve: true,
            incapacity: true,
            ..StaffDecision::default()
        },
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "representation.minor");
    // A Dutch curator for a Belgian patient: not a kind Belgian law knows.
    let res = apply(&app, &reyna, application("curator", &number, PDF)).await?;
    let curator: LinkRequestStatus = res.json().await?;
    let res = decide(
        &app,
        &staff,
        &curator.id,
        StaffDecision {
            approve: true,
            ..StaffDecision::default()
        },
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "designation.wrong_country");
    // A parent's request has no incapacity to establish; an application no parental authority.
    let parent = ask(&app, &reyna, "Jorge Brekke", &jorge).await?;
    let res = decide(
        &app,
        &staff,
        &parent.id,
        StaffDecision {
            approve: true,
            incapacity: true,
            ..StaffDecision::default()
        },
    )
    .await?;
    assert_eq!(
        field_error(res, "incapacity").await?,
        "staff.incapacity.applications_only"
    );
    let res = decide(
        &app,
        &staff,
        &curator.id,
        StaffDecision {
            approve: false,
            reason: "Geen gezag.".into(),
            without_authority: true,
            ..StaffDecision::default()
        },
    )
    .await?;
    assert_eq!(
        field_error(res, "without_authority").await?,
        "staff.authority.links_only"
    );
    let (facts,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM access_facts WHERE person_id = $1 AND patient_id = $2",
    )
    .bind(app.id_of("reyna"))
    .bind(app.id_of("margery"))
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(facts, 0, "no refusal stored a fact");
    Ok(())
}

//! Requests about a record (issue 7): every rule the domain assesses, the documents' checks,
//! the staff workflow with its deadlines, and who may see a case and its documents.

use inzage_domain::access::{Fact, Period};
use inzage_domain::cases::{CaseStatus, Delivery};
use inzage_domain::requests::{ImagingDelivery, NewRequest, RequestForm, Signer, Term};
use inzage_domain::wire::{ErrorBody, RequestCase, RequestsView, StaffCase};
use inzage_domain::PersonId;
use inzage_server::store::FactRow;
use inzage_tests::{Db, TestApp, TEST_START};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use time::macros::{date, datetime};

use super::designations::PDF;
use super::sections::get;

on_both_backends!(
    a_copy_is_filed_handled_by_staff_and_downloaded_by_the_patient,
    each_request_rule_answers_with_its_reason,
    documents_are_checked_by_content_and_nothing_is_kept_of_a_refused_request,
    staff_steps_follow_the_case_rules_and_deadlines_follow_the_clock,
    who_may_file_and_see_requests,
    a_statement_stays_in_the_record_whatever_becomes_of_the_correction,
);

/// AZ Voorbeeld (demo), Belgian: where Margery's latest reports are.
pub(super) const AZ: &str = "inzage-demo-az-voorbeeld";
/// Mount Auburn, Belgian, whose psychiatric records UPC KU Leuven holds (demo network).
const MOUNT_AUBURN: &str = "69176529-fd1f-3b3f-abce-a0a3626769eb";
/// Morton, Dutch, answering copies in 20 working days (demo network).
const MORTON: &str = "8ad64ecf-c817-3753-bee7-006a8e662e06";

use inzage_tests::documents::png;

pub(super) fn request(hospital: &str, form: RequestForm) -> NewRequest {
    NewRequest {
        hospital: hospital.into(),
        note: String::new(),
        form,
    }
}

pub(super) fn form_of(r: &NewRequest, files: &[(&str, &[u8])]) -> Form {
    let mut form = Form::new().text("request", serde_json::to_string(r).unwrap_or_default());
    for (name, bytes) in files {
        form = form.part(
            (*name).to_owned(),
            Part::bytes(bytes.to_vec()).file_name("document"),
        );
    }
    form
}

async fn file(
    app: &TestApp,
    client: &Client,
    record: &str,
    r: &NewRequest,
    files: &[(&str, &[u8])],
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url(&format!("/api/v1/records/{record}/requests")))
        .multipart(form_of(r, files))
        .send()
        .await?)
}

pub(super) async fn step(
    app: &TestApp,
    staff: &Client,
    id: &str,
    step: serde_json::Value,
    delivery: Option<&[u8]>,
) -> anyhow::Result<reqwest::Response> {
    let mut form = Form::new().text("step", step.to_string());
    if let Some(d) = delivery {
        form = form.part("delivery", Part::bytes(d.to_vec()).file_name("copy.pdf"));
    }
    Ok(staff
        .post(app.url(&format!("/api/v1/staff/requests/{id}")))
        .multipart(form)
        .send()
        .await?)
}

/// The field errors of a 422, as (field, key) pairs.
pub(super) async fn field_errors(res: reqwest::Response) -> anyhow::Result<Vec<(String, String)>> {
    anyhow::ensure!(
        res.status() == StatusCode::UNPROCESSABLE_ENTITY,
        "expected 422, got {}",
        res.status()
    );
    let body: ErrorBody = res.json().await?;
    Ok(body
        .fields
        .0
        .into_iter()
        .flat_map(|(f, ms)| ms.into_iter().map(move |m| (f.clone(), m.key.into_owned())))
        .collect())
}

async fn a_copy_is_filed_handled_by_staff_and_downloaded_by_the_patient(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let view: RequestsView = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/requests"),
    )
    .await?;
    assert!(view.may_manage && view.cases.is_empty());
    let az = view.hospitals.iter().find(|h| h.id == AZ).unwrap();
    assert_eq!(az.name, "AZ Voorbeeld (demo)");
    assert_eq!(az.context.earlier_copies, 0);
    assert_eq!(az.context.last_change, Some(date!(2026 - 11 - 27)));

    let mut copy = request(AZ, RequestForm::Copy { psychiatry: false });
    copy.note = "De verslagen van 2026, graag.".into();
    let res = file(&app, &patient, &margery, &copy, &[]).await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let case: RequestCase = res.json().await?;
    assert_eq!(case.status, CaseStatus::Received);
    assert_eq!(case.due, date!(2026 - 12 - 27), "one month (GDPR)");
    assert_eq!(case.fee_cents, 0, "the first copy is free");
    assert_eq!(case.notes[0].key, "request.copy.first_free");
    assert_eq!(case.requester_name, "Margery Gibson");

    let staff = app.signed_in("ombuds").await?;
    let queue: Vec<StaffCase> = get(&staff, &app, "/api/v1/staff/requests").await?;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].patient_name, "Margery Gibson");
    assert_eq!(queue[0].delivery, Delivery::Required);
    assert_eq!(queue[0].case.note, "De verslagen van 2026, graag.");

    // A copy is completed only with the copy.
    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "complete"}),
        None,
    )
    .await?;
    assert_eq!(
        field_errors(res).await?,
        [("delivery".into(), "case.delivery.missing".into())]
    );
    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "start"}),
        None,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let ask = serde_json::json!({"step": "ask_information", "question": "Ook de labo-uitslagen?"});
    let res = step(&app, &staff, &case.id, ask, None).await?;
    let asked: StaffCase = res.json().await?;
    assert_eq!(asked.case.status, CaseStatus::NeedsInformation);

    let answer = app.url(&format!(
        "/api/v1/records/{margery}/requests/{}/answer",
        case.id
    ));
    let res = patient
        .post(&answer)
        .json(&serde_json::json!({"answer": "Ja, ook die."}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let answered: RequestCase = res.json().await?;
    assert_eq!(answered.status, CaseStatus::InProgress);
    assert_eq!(answered.question.as_deref(), Some("Ook de labo-uitslagen?"));
    assert_eq!(answered.answer.as_deref(), Some("Ja, ook die."));

    let delivery = app.url(&format!(
        "/api/v1/records/{margery}/requests/{}/delivery",
        case.id
    ));
    assert_eq!(
        patient.get(&delivery).send().await?.status(),
        StatusCode::NOT_FOUND,
        "nothing to download yet"
    );
    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "complete"}),
        Some(PDF),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let done: StaffCase = res.json().await?;
    assert_eq!(done.case.status, CaseStatus::Done);
    let queue: Vec<StaffCase> = get(&staff, &app, "/api/v1/staff/requests").await?;
    assert!(queue.is_empty(), "a closed case leaves the queue");

    let res = patient.get(&delivery).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(
        res.bytes().await?.as_ref(),
        PDF,
        "the copy as staff delivered it"
    );
    let reyna = app.signed_in("reyna").await?;
    assert_eq!(
        reyna.get(&delivery).send().await?.status(),
        StatusCode::NOT_FOUND
    );

    // The trail shows the request, staff's steps and the download.
    let trail: serde_json::Value =
        get(&patient, &app, &format!("/api/v1/records/{margery}/audit")).await?;
    let resources: Vec<String> = trail["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"].as_str().unwrap_or_default().to_owned())
        .collect();
    for r in [
        "request/copy",
        "request/copy/in_progress",
        "request/copy/needs_information",
        "request/copy/answer",
        "request/copy/done",
        "request/copy/delivery",
    ] {
        assert!(resources.iter().any(|x| x == r), "{r} in {resources:?}");
    }

    // The second copy costs the hospital's fee.
    let res = file(&app, &patient, &margery, &copy, &[]).await?;
    let second: RequestCase = res.json().await?;
    assert_eq!(second.fee_cents, 1000);
    Ok(())
}

async fn each_request_rule_answers_with_its_reason(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;

    // Destruction within the legal retention: refused, with the day it becomes possible.
    let destroy = request(AZ, RequestForm::Destruction { core_data: false });
    let res = file(&app, &patient, &margery, &destroy, &[]).await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "request.destruction.retention");
    let args: Vec<(String, String)> = body
        .message
        .args
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    assert!(
        args.contains(&("from".into(), "2056-11-27".into())),
        "{args:?}"
    );
    assert!(args.contains(&("years".into(), "30".into())));

    // Psychiatric records another institution holds: the form says where.
    let psy = request(MOUNT_AUBURN, RequestForm::Copy { psychiatry: true });
    let res = file(&app, &patient, &margery, &psy, &[]).await?;
    let body: ErrorBody = res.json().await?;
    assert_eq!(
        body.fields.0["psychiatry"][0].key,
        "request.routed_elsewhere"
    );
    assert_eq!(body.fields.0["psychiatry"][0].args[0].1, "UPC KU Leuven");
    let psy_here = request(AZ, RequestForm::Copy { psychiatry: true });
    assert_eq!(
        file(&app, &patient, &margery, &psy_here, &[])
            .await?
            .status(),
        StatusCode::CREATED
    );

    // A correction needs the statement, and adds it.
    let empty = request(
        AZ,
        RequestForm::CorrectionOrAddition {
            statement: "  ".into(),
        },
    );
    assert_eq!(
        field_errors(file(&app, &patient, &margery, &empty, &[]).await?).await?,
        [(
            "statement".into(),
            "request.correction.statement_missing".into()
        )]
    );
    let fix = request(
        AZ,
        RequestForm::CorrectionOrAddition {
            statement: "Ik ben niet allergisch voor penicilline.".into(),
        },
    );
    let res = file(&app, &patient, &margery, &fix, &[]).await?;
    let case: RequestCase = res.json().await?;
    assert_eq!(case.notes[0].key, "request.correction.statement_added");

    // Imaging on DVD costs the fee; a hospital the record has no data at is refused.
    let dvd = request(
        AZ,
        RequestForm::ImagingCopy {
            delivery: ImagingDelivery::Dvd,
        },
    );
    let case: RequestCase = file(&app, &patient, &margery, &dvd, &[])
        .await?
        .json()
        .await?;
    assert_eq!(case.fee_cents, 1000);
    let elsewhere = request(MORTON, RequestForm::Copy { psychiatry: false });
    assert_eq!(
        field_errors(file(&app, &patient, &margery, &elsewhere, &[]).await?).await?,
        [("hospital".into(), "request.hospital.unknown".into())]
    );

    // A Dutch hospital with a term of 20 working days: Friday 27 November is received, the
    // answer is due on Friday 25 December.
    let reyna_id = app.id_of("reyna");
    let reyna = app.signed_in("reyna").await?;
    let view: RequestsView = get(
        &reyna,
        &app,
        &format!("/api/v1/records/{reyna_id}/requests"),
    )
    .await?;
    assert_eq!(view.hospitals[0].policy.copy_term, Term::WorkingDays(20));
    let copy = request(MORTON, RequestForm::Copy { psychiatry: false });
    let case: RequestCase = file(&app, &reyna, &reyna_id, &copy, &[])
        .await?
        .json()
        .await?;
    assert_eq!(case.due, date!(2026 - 12 - 25));

    // A Dutch child of 13: the parent signs, and the child co-signs, each with an ID.
    let noor_id = app.id_of("noor");
    let noor = app.signed_in("noor").await?;
    let minor = request(
        MORTON,
        RequestForm::CopyForMinor {
            two_parents_with_authority: false,
        },
    );
    let mut missing = field_errors(file(&app, &noor, &noor_id, &minor, &[]).await?).await?;
    missing.sort();
    assert_eq!(
        missing,
        [
            (
                "signer_first_parent".into(),
                "request.signature_missing".into()
            ),
            ("signer_patient".into(), "request.signature_missing".into()),
        ]
    );
    let id_card = png(1200, 800);
    let res = file(
        &app,
        &noor,
        &noor_id,
        &minor,
        &[("signer_first_parent", &id_card), ("signer_patient", PDF)],
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let case: RequestCase = res.json().await?;
    assert_eq!(case.signed_by, [Signer::FirstParent, Signer::Patient]);
    // Two parents with authority: both sign.
    let both = request(
        MORTON,
        RequestForm::CopyForMinor {
            two_parents_with_authority: true,
        },
    );
    assert_eq!(
        field_errors(
            file(
                &app,
                &noor,
                &noor_id,
                &both,
                &[("signer_first_parent", &id_card), ("signer_patient", PDF)],
            )
            .await?
        )
        .await?,
        [(
            "signer_second_parent".into(),
            "request.signature_missing".into()
        )]
    );
    Ok(())
}

async fn documents_are_checked_by_content_and_nothing_is_kept_of_a_refused_request(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let noor_id = app.id_of("noor");
    let noor = app.signed_in("noor").await?;
    let minor = request(
        MORTON,
        RequestForm::CopyForMinor {
            two_parents_with_authority: false,
        },
    );
    let script: &[u8] =
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF";
    let mut big = png(100, 100);
    big.resize(5 * 1024 * 1024 + 1, 0);
    let bomb = png(100_000, 100_000);
    let cases: [(&[u8], &str); 4] = [
        (
            b"Dit is een tekst met de naam id.pdf",
            "upload.not_document",
        ),
        (script, "upload.active_content"),
        (&big, "upload.too_large"),
        (&bomb, "upload.image_too_large"),
    ];
    for (bytes, key) in cases {
        let res = file(
            &app,
            &noor,
            &noor_id,
            &minor,
            &[("signer_first_parent", bytes), ("signer_patient", PDF)],
        )
        .await?;
        assert_eq!(
            field_errors(res).await?,
            [("signer_first_parent".into(), key.into())]
        );
    }
    // A document the form does not ask for.
    let res = file(
        &app,
        &noor,
        &noor_id,
        &minor,
        &[
            ("signer_first_parent", PDF),
            ("signer_patient", PDF),
            ("signer_partner", PDF),
        ],
    )
    .await?;
    assert_eq!(
        field_errors(res).await?,
        [("signer_partner".into(), "request.signer.not_asked".into())]
    );
    // Not a form at all.
    let res = noor
        .post(app.url(&format!("/api/v1/records/{noor_id}/requests")))
        .multipart(Form::new().text("request", "{\"hospital\": 1}"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let view: RequestsView =
        get(&noor, &app, &format!("/api/v1/records/{noor_id}/requests")).await?;
    assert!(view.cases.is_empty(), "no refused request was kept");
    let kept = std::fs::read_dir(app.uploads_dir())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(kept, 0, "no document of a refused request was kept");

    // A good request's documents: staff read them, nobody else does.
    let id_card = png(1200, 800);
    let case: RequestCase = file(
        &app,
        &noor,
        &noor_id,
        &minor,
        &[("signer_first_parent", &id_card), ("signer_patient", PDF)],
    )
    .await?
    .json()
    .await?;
    let path = format!("/api/v1/staff/requests/{}/files/first_parent", case.id);
    let staff = app.signed_in("ombuds").await?;
    let res = staff.get(app.url(&path)).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await?.as_ref(), id_card.as_slice());
    assert_eq!(
        noor.get(app.url(&path)).send().await?.status(),
        StatusCode::FORBIDDEN
    );
    let queue: Vec<StaffCase> = get(&staff, &app, "/api/v1/staff/requests").await?;
    assert_eq!(queue[0].files.len(), 2);
    assert_eq!(queue[0].files[0].media_type, "image/png");
    Ok(())
}

async fn staff_steps_follow_the_case_rules_and_deadlines_follow_the_clock(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let staff = app.signed_in("ombuds").await?;
    let fix = request(
        AZ,
        RequestForm::CorrectionOrAddition {
            statement: "Mijn bloedgroep is A+.".into(),
        },
    );
    let case: RequestCase = file(&app, &patient, &margery, &fix, &[])
        .await?
        .json()
        .await?;
    let answer = app.url(&format!(
        "/api/v1/records/{margery}/requests/{}/answer",
        case.id
    ));
    let res = patient
        .post(&answer)
        .json(&serde_json::json!({"answer": "?"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::CONFLICT, "no question was asked");
    // A correction is answered without a document.
    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "complete"}),
        Some(PDF),
    )
    .await?;
    assert_eq!(
        field_errors(res).await?,
        [("delivery".into(), "case.delivery.not_expected".into())]
    );
    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "refuse", "reason": " "}),
        None,
    )
    .await?;
    assert_eq!(
        field_errors(res).await?,
        [("reason".into(), "staff.reason.empty".into())]
    );

    // The deadline: due in a month, overdue the day after, on the server's clock.
    let list = format!("/api/v1/records/{margery}/requests");
    let view: RequestsView = get(&patient, &app, &list).await?;
    assert!(!view.cases[0].overdue);
    assert_eq!(view.now, TEST_START);
    // (A month on, the sessions have long expired: each step logs in again.)
    app.clock.set(datetime!(2026-12-27 22:59 UTC));
    let patient = app.signed_in("margery").await?;
    let view: RequestsView = get(&patient, &app, &list).await?;
    assert!(!view.cases[0].overdue, "the due day itself is in time");
    app.clock.set(datetime!(2026-12-27 23:00 UTC));
    let patient = app.signed_in("margery").await?;
    let staff = app.signed_in("ombuds").await?;
    let view: RequestsView = get(&patient, &app, &list).await?;
    assert!(view.cases[0].overdue, "midnight in Brussels: late");

    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "refuse", "reason": "Uw bloedgroep werd in ons labo bepaald als 0+."}),
        None,
    )
    .await?;
    let refused: StaffCase = res.json().await?;
    assert_eq!(refused.case.status, CaseStatus::Refused);
    assert!(!refused.case.overdue, "a closed case is never late");
    let view: RequestsView = get(&patient, &app, &list).await?;
    assert_eq!(
        view.cases[0].reason.as_deref(),
        Some("Uw bloedgroep werd in ons labo bepaald als 0+.")
    );
    for s in [
        serde_json::json!({"step": "start"}),
        serde_json::json!({"step": "complete"}),
    ] {
        let res = step(&app, &staff, &case.id, s, None).await?;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let body: ErrorBody = res.json().await?;
        assert_eq!(body.message.key, "case.closed");
    }
    assert_eq!(
        step(
            &app,
            &staff,
            "no-such-case",
            serde_json::json!({"step": "start"}),
            None
        )
        .await?
        .status(),
        StatusCode::NOT_FOUND
    );
    Ok(())
}

async fn who_may_file_and_see_requests(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let reyna_id = app.id_of("reyna");
    let list = format!("/api/v1/records/{margery}/requests");
    let copy = request(AZ, RequestForm::Copy { psychiatry: false });
    let destroy = request(AZ, RequestForm::Destruction { core_data: false });

    // Another patient: the record does not exist for her.
    let reyna = app.signed_in("reyna").await?;
    assert_eq!(
        reyna.get(app.url(&list)).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        file(&app, &reyna, &margery, &copy, &[]).await?.status(),
        StatusCode::NOT_FOUND
    );
    // Her GP reads the record but files no request for her.
    let gp = app.signed_in("dr.weimann").await?;
    assert_eq!(
        file(&app, &gp, &margery, &copy, &[]).await?.status(),
        StatusCode::FORBIDDEN
    );
    // Staff file nothing either.
    let staff = app.signed_in("ombuds").await?;
    assert_eq!(
        staff.get(app.url(&list)).send().await?.status(),
        StatusCode::NOT_FOUND
    );

    // Margery names Reyna her trusted person: Reyna may ask a copy, but not destruction, and
    // sees her own requests only.
    let patient = app.signed_in("margery").await?;
    let mine: RequestCase = file(&app, &patient, &margery, &copy, &[])
        .await?
        .json()
        .await?;
    let mut tx = app.store.begin().await?;
    tx.insert_fact(&FactRow::from_fact(
        &margery,
        &Fact::TrustedPerson {
            person: PersonId(reyna_id.clone()),
            period: Period::since(TEST_START),
        },
    ))
    .await?;
    tx.commit().await?;
    let view: RequestsView = get(&reyna, &app, &list).await?;
    assert!(!view.may_manage);
    assert!(view.cases.is_empty(), "Margery's own request is hers");
    let res = file(&app, &reyna, &margery, &copy, &[]).await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let hers: RequestCase = res.json().await?;
    assert_eq!(hers.requester_name, "Reyna Ziemann");
    let res = file(&app, &reyna, &margery, &destroy, &[]).await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let view: RequestsView = get(&reyna, &app, &list).await?;
    assert_eq!(view.cases.len(), 1);
    let theirs = app.url(&format!(
        "/api/v1/records/{margery}/requests/{}/delivery",
        mine.id
    ));
    assert_eq!(
        reyna.get(&theirs).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    // The patient sees every request about her record.
    let view: RequestsView = get(&patient, &app, &list).await?;
    assert_eq!(view.cases.len(), 2);
    Ok(())
}

async fn a_statement_stays_in_the_record_whatever_becomes_of_the_correction(
    db: Db,
) -> anyhow::Result<()> {
    use inzage_domain::record::MedicalSummary;
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let summary_url = format!("/api/v1/records/{margery}/summary");
    let before: MedicalSummary = get(&patient, &app, &summary_url).await?;
    assert!(before.statements.is_empty());
    let fix = request(
        AZ,
        RequestForm::CorrectionOrAddition {
            statement: "Ik ben niet allergisch voor penicilline. <b>Echt niet.</b>".into(),
        },
    );
    let case: RequestCase = file(&app, &patient, &margery, &fix, &[])
        .await?
        .json()
        .await?;
    let after: MedicalSummary = get(&patient, &app, &summary_url).await?;
    assert_eq!(after.statements.len(), 1);
    let st = &after.statements[0];
    assert_eq!(
        st.text,
        "Ik ben niet allergisch voor penicilline. <b>Echt niet.</b>"
    );
    assert_eq!(st.hospital, "AZ Voorbeeld (demo)");
    assert_eq!(st.filed, date!(2026 - 11 - 27));
    assert_eq!(st.status, CaseStatus::Received);
    // Her GP reads the record, and so the statement.
    let gp = app.signed_in("dr.weimann").await?;
    let seen: MedicalSummary = get(&gp, &app, &summary_url).await?;
    assert_eq!(seen.statements, after.statements);
    // The hospital refuses the correction of facts: the statement stays, marked refused.
    let staff = app.signed_in("ombuds").await?;
    let res = step(
        &app,
        &staff,
        &case.id,
        serde_json::json!({"step": "refuse", "reason": "Het allergietest-verslag van 2019 bevestigt de allergie."}),
        None,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let refused: MedicalSummary = get(&patient, &app, &summary_url).await?;
    assert_eq!(refused.statements[0].status, CaseStatus::Refused);
    assert_eq!(refused.statements[0].text, st.text);
    // And the record's PDF carries it.
    let (text, _) = super::pdf::pdf_text(
        patient
            .get(app.url(&format!("/api/v1/records/{margery}/pdf")))
            .send()
            .await?,
    )
    .await?;
    assert!(
        super::pdf::holds(&text, "Ik ben niet allergisch voor penicilline."),
        "{text}"
    );
    Ok(())
}

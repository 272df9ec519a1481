//! Designations by signed form (issue 5): upload, checks by content, staff review, the
//! designated person's access, and the patient's revocation.

use inzage_domain::manage::AccessCommand;
use inzage_domain::wire::{
    DesignationStatus, ErrorBody, RequestStatus, StaffDecision, StaffDesignation,
};
use inzage_domain::PersonId;
use inzage_tests::{Db, TestApp};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};

on_both_backends!(
    a_trusted_person_is_designated_by_form_approved_and_revoked,
    a_form_is_checked_by_its_content_and_never_served_to_others,
);

/// A small, plain PDF (a real one, from the shared examples would do; this is the minimum a
/// reader accepts).
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub fn form(kind: &str, number: &str, name: &str, file: &[u8], file_name: &str) -> Form {
    Form::new()
        .text("kind", kind.to_owned())
        .text("designee_national_number", number.to_owned())
        .text("designee_name", name.to_owned())
        .part(
            "form",
            Part::bytes(file.to_vec()).file_name(file_name.to_owned()),
        )
}

async fn upload(
    app: &TestApp,
    client: &Client,
    record: &str,
    form: Form,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url(&format!("/api/v1/records/{record}/designations")))
        .multipart(form)
        .send()
        .await?)
}

async fn a_trusted_person_is_designated_by_form_approved_and_revoked(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let reyna_id = app.id_of("reyna");
    let reyna_number = app.login_of("reyna").national_number.clone().unwrap();
    let patient = app.signed_in("margery").await?;
    let res = upload(
        &app,
        &patient,
        &margery,
        form(
            "trusted_person",
            &reyna_number,
            "Reyna Ziemann",
            PDF,
            "formulier.pdf",
        ),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let filed: DesignationStatus = res.json().await?;
    assert_eq!(filed.status, RequestStatus::Pending);

    let staff = app.signed_in("ombuds").await?;
    let queue: Vec<StaffDesignation> = staff
        .get(app.url("/api/v1/staff/designations"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].patient_name, "Margery Gibson");
    assert_eq!(
        queue[0].designee_record_name.as_deref(),
        Some("Reyna Ziemann")
    );
    let pdf = staff
        .get(app.url(&format!("/api/v1/staff/designations/{}/form", filed.id)))
        .send()
        .await?;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert_eq!(pdf.bytes().await?.as_ref(), PDF, "the form as uploaded");

    let reyna = app.signed_in("reyna").await?;
    let reports = app.url(&format!("/api/v1/records/{margery}/reports"));
    assert_eq!(
        reyna.get(&reports).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    let res = staff
        .post(app.url(&format!("/api/v1/staff/designations/{}", filed.id)))
        .json(&StaffDecision {
            approve: true,
            reason: String::new(),
            without_authority: false,
            incapacity: false,
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    // The trusted person reads (and may ask a copy) but does not manage access.
    assert_eq!(reyna.get(&reports).send().await?.status(), StatusCode::OK);
    let access = app.url(&format!("/api/v1/records/{margery}/access"));
    assert_eq!(
        reyna.get(&access).send().await?.status(),
        StatusCode::FORBIDDEN
    );
    let mine: Vec<DesignationStatus> = patient
        .get(app.url(&format!("/api/v1/records/{margery}/designations")))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(mine[0].status, RequestStatus::Approved);

    // The patient revokes; the very next request is refused with the reason.
    let revoke = AccessCommand::RevokeDesignation {
        person: PersonId(reyna_id),
    };
    assert_eq!(
        patient.post(&access).json(&revoke).send().await?.status(),
        StatusCode::OK
    );
    assert_eq!(
        reyna.get(&reports).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    let list: Vec<inzage_domain::wire::LinkedRecord> = reyna
        .get(app.url("/api/v1/records"))
        .send()
        .await?
        .json()
        .await?;
    assert!(list.iter().all(|r| r.record != margery));
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE patient_id = $1 AND resource LIKE 'designation/%'",
    )
    .bind(&margery)
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(n, 2, "the upload and staff's approval");
    Ok(())
}

async fn a_form_is_checked_by_its_content_and_never_served_to_others(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let number = app.login_of("reyna").national_number.clone().unwrap();
    let patient = app.signed_in("margery").await?;
    let field_error = |res: reqwest::Response, field: &'static str| async move {
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ErrorBody = res.json().await?;
        anyhow::Ok(
            body.fields
                .first(field)
                .map(|m| m.key.to_string())
                .unwrap_or_default(),
        )
    };
    // A PNG named .pdf, a PDF with a script, one byte too many: refused by content.
    let png = b"\x89PNG\r\n\x1a\n%%EOF";
    let res = upload(
        &app,
        &patient,
        &margery,
        form("trusted_person", &number, "R", png, "scan.pdf"),
    )
    .await?;
    assert_eq!(field_error(res, "form").await?, "upload.not_pdf");
    let script = b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >> endobj\n%%EOF";
    let res = upload(
        &app,
        &patient,
        &margery,
        form("trusted_person", &number, "R", script, "f.pdf"),
    )
    .await?;
    assert_eq!(field_error(res, "form").await?, "upload.active_content");
    let mut big = PDF.to_vec();
    big.resize(inzage_server::upload::MAX_FORM_BYTES + 1 - 6, b' ');
    big.extend_from_slice(b"%%EOF\n");
    assert_eq!(big.len(), inzage_server::upload::MAX_FORM_BYTES + 1);
    let res = upload(
        &app,
        &patient,
        &margery,
        form("trusted_person", &number, "R", &big, "f.pdf"),
    )
    .await?;
    assert_eq!(field_error(res, "form").await?, "upload.too_large");
    let res = upload(
        &app,
        &patient,
        &margery,
        form("mentor", "12", "", PDF, "f.pdf"),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert!(body.fields.first("designee_national_number").is_some());
    assert_eq!(
        body.fields.first("designee_name").unwrap().key,
        "designation.name.empty"
    );
    // Nothing of the refused uploads was kept.
    let kept = std::fs::read_dir(app.uploads_dir())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(kept, 0);

    // A Dutch designation on a Belgian record is refused by the law, at approval.
    let res = upload(
        &app,
        &patient,
        &margery,
        form("mentor", &number, "Reyna Ziemann", PDF, "f.pdf"),
    )
    .await?;
    let filed: DesignationStatus = res.json().await?;
    let staff = app.signed_in("ombuds").await?;
    let res = staff
        .post(app.url(&format!("/api/v1/staff/designations/{}", filed.id)))
        .json(&StaffDecision {
            approve: true,
            reason: String::new(),
            without_authority: false,
            incapacity: false,
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "designation.wrong_country");

    // Only staff get the form; another patient cannot even upload to this record.
    let reyna = app.signed_in("reyna").await?;
    let url = app.url(&format!("/api/v1/staff/designations/{}/form", filed.id));
    assert_eq!(
        reyna.get(&url).send().await?.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        patient.get(&url).send().await?.status(),
        StatusCode::FORBIDDEN
    );
    let res = upload(
        &app,
        &reyna,
        &margery,
        form("trusted_person", &number, "R", PDF, "f.pdf"),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    Ok(())
}

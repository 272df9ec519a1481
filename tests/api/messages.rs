//! Messages (issue 7): threads with a hospital's departments, attachments checked by content,
//! unread counts on both sides, and who may see a thread and its documents.

use inzage_domain::access::{Fact, Period};
use inzage_domain::messaging::{Department, NewReply, NewThread};
use inzage_domain::wire::{ErrorBody, MessagesView, StaffThreadSummary, Thread};
use inzage_domain::PersonId;
use inzage_server::store::FactRow;
use inzage_tests::{Db, TestApp, TEST_START};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};

use super::designations::PDF;
use super::requests::AZ;
use super::sections::get;
use inzage_tests::documents::png;

on_both_backends!(
    an_e_consult_goes_to_a_treating_doctor_who_answers_it_and_into_the_record,
    a_patient_writes_a_department_and_staff_answer_with_documents,
    messages_are_checked_and_seen_only_by_their_people,
);

pub(super) fn thread(subject: &str, body: &str) -> NewThread {
    NewThread {
        hospital: AZ.into(),
        department: Department::PatientQuestions,
        doctor: None,
        subject: subject.into(),
        body: body.into(),
    }
}

pub(super) fn message_form(message: &impl serde::Serialize, files: &[(&str, &[u8])]) -> Form {
    let mut form = Form::new().text(
        "message",
        serde_json::to_string(message).unwrap_or_default(),
    );
    for (name, bytes) in files {
        form = form.part(
            "attachment",
            Part::bytes(bytes.to_vec()).file_name((*name).to_owned()),
        );
    }
    form
}

async fn post(
    client: &Client,
    url: &str,
    message: &impl serde::Serialize,
    files: &[(&str, &[u8])],
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(url)
        .multipart(message_form(message, files))
        .send()
        .await?)
}

async fn a_patient_writes_a_department_and_staff_answer_with_documents(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let list = format!("/api/v1/records/{margery}/messages");
    let view: MessagesView = get(&patient, &app, &list).await?;
    assert!(view.threads.is_empty());
    let az = view.hospitals.iter().find(|h| h.id == AZ).unwrap();
    assert_eq!(az.phone.as_deref(), Some("+32 16 00 00 00"));

    // A name with a right-to-left override shows as what it is.
    let res = post(
        &patient,
        &app.url(&list),
        &thread("Vraag over mijn verslag", "Wat betekent 'meniscusletsel'?"),
        &[("scan\u{202e}fdp.exe", PDF)],
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let started: Thread = res.json().await?;
    let id = started.summary.id.clone();
    assert_eq!(started.messages.len(), 1);
    assert_eq!(started.messages[0].author_name, "Margery Gibson");
    assert!(!started.messages[0].from_hospital);
    assert_eq!(started.messages[0].attachments[0].name, "scanfdp.exe");
    assert_eq!(
        started.messages[0].attachments[0].media_type,
        "application/pdf"
    );
    assert_eq!(started.summary.unread, 0, "her own message is read");

    // The department sees one unread message, opens it, and answers with an image.
    let staff = app.signed_in("ombuds").await?;
    let threads: Vec<StaffThreadSummary> = get(&staff, &app, "/api/v1/staff/messages").await?;
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].patient_name, "Margery Gibson");
    assert_eq!(threads[0].summary.unread, 1);
    let opened: Thread = get(&staff, &app, &format!("/api/v1/staff/messages/{id}")).await?;
    let first = &opened.messages[0];
    let attachment = staff
        .get(app.url(&format!(
            "/api/v1/staff/messages/{id}/attachments/{}/1",
            first.id
        )))
        .send()
        .await?;
    assert_eq!(attachment.status(), StatusCode::OK);
    assert_eq!(attachment.bytes().await?.as_ref(), PDF);
    let threads: Vec<StaffThreadSummary> = get(&staff, &app, "/api/v1/staff/messages").await?;
    assert_eq!(threads[0].summary.unread, 0, "opened");
    let picture = png(640, 480);
    let res = post(
        &staff,
        &app.url(&format!("/api/v1/staff/messages/{id}")),
        &NewReply {
            body: "Een letsel aan de meniscus van de knie. Zie de tekening.".into(),
        },
        &[("knie.png", &picture)],
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let answered: Thread = res.json().await?;
    assert!(answered.messages[1].from_hospital);
    assert_eq!(
        answered.messages[1].author_name,
        "Ombudsdienst AZ Voorbeeld"
    );

    // Margery sees one unread answer, reads it and its picture, and replies.
    let view: MessagesView = get(&patient, &app, &list).await?;
    assert_eq!(view.threads[0].unread, 1);
    assert_eq!(view.threads[0].messages, 2);
    let read: Thread = get(&patient, &app, &format!("{list}/{id}")).await?;
    let answer = &read.messages[1];
    let res = patient
        .get(app.url(&format!("{list}/{id}/attachments/{}/1", answer.id)))
        .send()
        .await?;
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await?.as_ref(), picture.as_slice());
    let view: MessagesView = get(&patient, &app, &list).await?;
    assert_eq!(view.threads[0].unread, 0);
    let res = post(
        &patient,
        &app.url(&format!("{list}/{id}")),
        &NewReply {
            body: "Dank u.".into(),
        },
        &[],
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let threads: Vec<StaffThreadSummary> = get(&staff, &app, "/api/v1/staff/messages").await?;
    assert_eq!(threads[0].summary.unread, 1);

    // The trail shows the department's read and answer.
    let trail: serde_json::Value =
        get(&patient, &app, &format!("/api/v1/records/{margery}/audit")).await?;
    let staff_entries: Vec<String> = trail["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["actor_role"] == "ombuds")
        .map(|e| {
            format!(
                "{} {}",
                e["action"].as_str().unwrap_or_default(),
                e["resource"].as_str().unwrap_or_default()
            )
        })
        .collect();
    for expected in [
        format!("read message/{id}"),
        format!("change message/{id}"),
        format!("read message/{id}/attachment"),
    ] {
        assert!(
            staff_entries.contains(&expected),
            "{expected} in {staff_entries:?}"
        );
    }
    Ok(())
}

async fn messages_are_checked_and_seen_only_by_their_people(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let reyna_id = app.id_of("reyna");
    let patient = app.signed_in("margery").await?;
    let url = app.url(&format!("/api/v1/records/{margery}/messages"));
    let errors = |res: reqwest::Response| async move {
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ErrorBody = res.json().await?;
        anyhow::Ok(
            body.fields
                .0
                .into_iter()
                .map(|(f, ms)| (f, ms[0].key.to_string()))
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        errors(post(&patient, &url, &thread(" ", ""), &[]).await?).await?,
        [
            ("body".into(), "messages.body.empty".into()),
            ("subject".into(), "messages.subject.empty".into())
        ]
    );
    let mut elsewhere = thread("a", "b");
    elsewhere.hospital = "8ad64ecf-c817-3753-bee7-006a8e662e06".into();
    assert_eq!(
        errors(post(&patient, &url, &elsewhere, &[]).await?).await?,
        [("hospital".into(), "request.hospital.unknown".into())]
    );
    let four: Vec<(&str, &[u8])> = vec![("1.pdf", PDF); 4];
    assert_eq!(
        errors(post(&patient, &url, &thread("a", "b"), &four).await?).await?,
        [("attachments".into(), "messages.too_many_attachments".into())]
    );
    let text: &[u8] = b"<script>alert(1)</script>";
    assert_eq!(
        errors(post(&patient, &url, &thread("a", "b"), &[("x.pdf", text)]).await?).await?,
        [("attachments".into(), "messages.attachment_refused".into())]
    );
    let res = patient
        .post(&url)
        .multipart(Form::new().text("message", "{\"subject\": 3}"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let kept = std::fs::read_dir(app.uploads_dir())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(kept, 0, "nothing of a refused message was kept");

    // Text is kept exactly as written: the app shows it as text.
    let xss = "<img src=x onerror=alert(1)> & \"quotes\"";
    let started: Thread = post(&patient, &url, &thread(xss, xss), &[("a.pdf", PDF)])
        .await?
        .json()
        .await?;
    assert_eq!(started.summary.subject, xss);
    assert_eq!(started.messages[0].body, xss);
    let id = &started.summary.id;
    let attachment = format!(
        "/api/v1/records/{margery}/messages/{id}/attachments/{}/1",
        started.messages[0].id
    );

    // Another patient, a GP, staff through the patient's routes: nothing.
    let reyna = app.signed_in("reyna").await?;
    for path in [
        format!("/api/v1/records/{margery}/messages"),
        format!("/api/v1/records/{margery}/messages/{id}"),
        attachment.clone(),
        format!("/api/v1/records/{reyna_id}/messages/{id}"),
    ] {
        assert_eq!(
            reyna.get(app.url(&path)).send().await?.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let gp = app.signed_in("dr.weimann").await?;
    assert_eq!(gp.get(&url).send().await?.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        patient
            .get(app.url("/api/v1/staff/messages"))
            .send()
            .await?
            .status(),
        StatusCode::FORBIDDEN
    );

    // A trusted person writes too, and sees her own threads only.
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
    let view: MessagesView =
        get(&reyna, &app, &format!("/api/v1/records/{margery}/messages")).await?;
    assert!(view.threads.is_empty());
    assert_eq!(
        reyna.get(app.url(&attachment)).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    let res = post(
        &reyna,
        &url,
        &thread("Namens Margery", "Kan ik haar bellen?"),
        &[],
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let view: MessagesView =
        get(&reyna, &app, &format!("/api/v1/records/{margery}/messages")).await?;
    assert_eq!(view.threads.len(), 1);
    assert_eq!(view.threads[0].started_by, "Reyna Ziemann");
    let view: MessagesView = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/messages"),
    )
    .await?;
    assert_eq!(
        view.threads.len(),
        2,
        "the patient sees every thread about her"
    );
    Ok(())
}

async fn an_e_consult_goes_to_a_treating_doctor_who_answers_it_and_into_the_record(
    db: Db,
) -> anyhow::Result<()> {
    use inzage_domain::manage::AccessCommand;
    use inzage_domain::record::MedicalSummary;
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let gp = app.id_of("dr.weimann");
    let patient = app.signed_in("margery").await?;
    let list = format!("/api/v1/records/{margery}/messages");
    let view: MessagesView = get(&patient, &app, &list).await?;
    let doctor = view
        .doctors
        .iter()
        .find(|d| d.id == gp)
        .expect("her GP takes e-consults");
    assert_eq!(doctor.role, "general_practitioner");
    assert!(
        !view
            .doctors
            .iter()
            .any(|d| d.id == app.id_of("dr.kshlerin")),
        "{:?}",
        view.doctors
    );

    let consult = |doctor: Option<&str>| NewThread {
        hospital: AZ.into(),
        department: Department::EConsult,
        doctor: doctor.map(str::to_owned),
        subject: "Mag ik weer sporten?".into(),
        body: "Sinds de operatie aan mijn knie doe ik rustig aan. Mag ik weer lopen?".into(),
    };
    let send = |t: NewThread| {
        let (patient, url) = (&patient, app.url(&list));
        async move {
            Ok::<_, anyhow::Error>(
                patient
                    .post(url)
                    .multipart(message_form(&t, &[]))
                    .send()
                    .await?,
            )
        }
    };
    let key = |body: ErrorBody| {
        body.fields
            .first("doctor")
            .map(|m| m.key.to_string())
            .unwrap_or_default()
    };
    let res = send(consult(None)).await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(key(res.json().await?), "messages.doctor.empty");
    let res = send(consult(Some(&app.id_of("dr.kshlerin")))).await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(key(res.json().await?), "messages.doctor.unknown");
    let res = send(consult(Some(&gp))).await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let thread: Thread = res.json().await?;
    let id = thread.summary.id.clone();
    assert_eq!(thread.summary.doctor.as_deref(), Some(doctor.name.as_str()));

    // Not the department's: staff neither list nor open it.
    let staff = app.signed_in("ombuds").await?;
    let staff_list: Vec<StaffThreadSummary> = get(&staff, &app, "/api/v1/staff/messages").await?;
    assert!(staff_list.iter().all(|t| t.summary.id != id));
    assert_eq!(
        staff
            .get(app.url(&format!("/api/v1/staff/messages/{id}")))
            .send()
            .await?
            .status(),
        StatusCode::NOT_FOUND
    );
    // Another doctor gets the answer a missing thread gets.
    let other = app.signed_in("dr.gleason").await?;
    let one = format!("/api/v1/provider/e-consults/{id}");
    assert_eq!(
        other.get(app.url(&one)).send().await?.status(),
        StatusCode::NOT_FOUND
    );

    // Her GP sees it, unread, and answers.
    let doctor_client = app.signed_in("dr.weimann").await?;
    let mine: Vec<StaffThreadSummary> =
        get(&doctor_client, &app, "/api/v1/provider/e-consults").await?;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].summary.unread, 1);
    assert_eq!(mine[0].patient_name, "Margery Gibson");
    let opened: Thread = get(&doctor_client, &app, &one).await?;
    assert_eq!(opened.messages.len(), 1);
    let res = doctor_client
        .post(app.url(&one))
        .multipart(message_form(
            &NewReply {
                body: "Ja, begin met korte stukken wandelen.".into(),
            },
            &[],
        ))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let answered: Thread = res.json().await?;
    assert!(answered.messages[1].from_hospital);
    // The patient sees the answer as unread.
    let view: MessagesView = get(&patient, &app, &list).await?;
    let summary = view.threads.iter().find(|t| t.id == id).unwrap();
    assert_eq!(summary.unread, 1);

    // The exchange is in the record: the patient and her GP read it on the summary.
    let summary_url = format!("/api/v1/records/{margery}/summary");
    for client in [&patient, &doctor_client] {
        let s: MedicalSummary = get(client, &app, &summary_url).await?;
        assert_eq!(s.e_consults.len(), 1);
        let note = &s.e_consults[0];
        assert_eq!(note.subject, "Mag ik weer sporten?");
        assert_eq!(note.exchange.len(), 2);
        assert_eq!(
            note.exchange[1].text,
            "Ja, begin met korte stukken wandelen."
        );
    }

    // She refuses her GP's access: the GP can no longer open or answer it.
    let res = patient
        .post(app.url(&format!("/api/v1/records/{margery}/access")))
        .json(&AccessCommand::RefuseGp)
        .send()
        .await?;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(
        doctor_client.get(app.url(&one)).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    let mine: Vec<StaffThreadSummary> =
        get(&doctor_client, &app, "/api/v1/provider/e-consults").await?;
    assert!(mine.is_empty());
    let view: MessagesView = get(&patient, &app, &list).await?;
    assert!(view.doctors.iter().all(|d| d.id != gp));
    Ok(())
}

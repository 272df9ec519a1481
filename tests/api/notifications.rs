//! E-mail notifications (issue 7): the person's settings, notices that say how much is new but
//! never what, delivered through a real SMTP server and retried while it is down, at the pace
//! and about the topics the person chose.

use inzage_domain::messaging::NewReply;
use inzage_domain::notify::{Frequency, NotificationSettings, Topic};
use inzage_domain::wire::{ErrorBody, NotificationView, Thread};
use inzage_server::demo::DEMO_MAIL_DOMAIN;
use inzage_tests::smtp::{free_port, SmtpServer};
use inzage_tests::{Db, TestApp, TEST_START};
use reqwest::{Client, StatusCode};
use std::time::Duration;

use super::messages::{message_form, thread};
use super::sections::get;

on_both_backends!(
    a_parent_is_told_a_month_ahead_that_her_childs_birthday_ends_her_access,
    notices_go_to_every_confirmed_address_and_only_to_those,
    a_parent_is_told_of_a_new_report_in_her_childs_record_only,
    notices_say_what_kind_of_news_and_wait_for_the_mail_server,
    notices_follow_the_persons_topics_and_pace,
);

/// A portal that sends its mail through the SMTP server at `url`.
async fn mailing_to(db: Db, url: String) -> anyhow::Result<TestApp> {
    TestApp::spawn_with(db, |c| {
        c.mail = inzage_server::mail::MailConfig::Smtp {
            url,
            from: inzage_server::mail::DEFAULT_FROM.to_owned(),
        };
    })
    .await
}

async fn turn_on(
    app: &TestApp,
    client: &Client,
    topics: Vec<Topic>,
    frequency: Frequency,
) -> anyhow::Result<NotificationView> {
    let res = client
        .put(app.url("/api/v1/me/notifications"))
        .json(&NotificationSettings {
            enabled: true,
            topics,
            frequency,
        })
        .send()
        .await?;
    anyhow::ensure!(res.status() == StatusCode::OK, "{}", res.status());
    Ok(res.json().await?)
}

/// Margery writes a thread, the department answers: news for her.
async fn answered_thread(app: &TestApp, subject: &str) -> anyhow::Result<String> {
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let started: Thread = patient
        .post(app.url(&format!("/api/v1/records/{margery}/messages")))
        .multipart(message_form(
            &thread(subject, "Mijn knie doet pijn na de meniscusoperatie."),
            &[],
        ))
        .send()
        .await?
        .json()
        .await?;
    let staff = app.signed_in("ombuds").await?;
    let res = staff
        .post(app.url(&format!("/api/v1/staff/messages/{}", started.summary.id)))
        .multipart(message_form(
            &NewReply {
                body: "Neem contact op met de dienst orthopedie.".into(),
            },
            &[],
        ))
        .send()
        .await?;
    anyhow::ensure!(res.status() == StatusCode::OK, "{}", res.status());
    Ok(started.summary.id)
}

/// The outbox's tries of its mails so far (attempts, sent).
async fn outbox(app: &TestApp) -> anyhow::Result<Vec<(i64, bool)>> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&app.database_url).await?;
    let rows: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT attempts, sent_at FROM mail_outbox ORDER BY created_at, id")
            .fetch_all(&pool)
            .await?;
    pool.close().await;
    Ok(rows.into_iter().map(|(a, s)| (a, s.is_some())).collect())
}

/// Waits until the outbox shows `expected`.
async fn wait_outbox(app: &TestApp, expected: &[(i64, bool)]) -> anyhow::Result<()> {
    let mut seen = Vec::new();
    for _ in 0..100 {
        seen = outbox(app).await?;
        if seen == expected {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("the outbox is {seen:?}, not {expected:?}")
}

async fn notices_say_what_kind_of_news_and_wait_for_the_mail_server(db: Db) -> anyhow::Result<()> {
    // The mail server is down at first: nothing listens on its port.
    let port = free_port()?;
    let app = mailing_to(db, format!("smtp://127.0.0.1:{port}")).await?;
    let patient = app.signed_in("margery").await?;
    let before: NotificationView = get(&patient, &app, "/api/v1/me/notifications").await?;
    assert!(
        !before.settings.enabled,
        "off until the person turns them on"
    );
    assert!(before.email_confirmed);
    let view = turn_on(
        &app,
        &patient,
        vec![Topic::NewMessage, Topic::RequestStatus],
        Frequency::Immediately,
    )
    .await?;
    assert!(view.settings.enabled);

    answered_thread(&app, "Pijn aan mijn knie").await?;
    // The first try fails and is kept for later.
    wait_outbox(&app, &[(1, false)]).await?;

    // The server comes back; half a minute later the notice goes out.
    let smtp = SmtpServer::start_on(port).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(smtp.count(), 0, "not before the retry is due");
    app.clock.set(TEST_START + time::Duration::seconds(31));
    let (to, subject, body) = smtp.message(1).await?;
    assert_eq!(to, format!("margery@{DEMO_MAIL_DOMAIN}"));
    assert_eq!(subject, "Er is iets nieuw in uw patiëntenportaal");
    assert!(
        body.contains("Nieuwe berichten van het ziekenhuis: 1"),
        "{body}"
    );
    for secret in ["knie", "meniscus", "orthopedie", "Pijn"] {
        assert!(
            !body.contains(secret) && !subject.contains(secret),
            "{secret} in {body}"
        );
    }
    assert!(body.contains(&app.url("")), "{body}");
    wait_outbox(&app, &[(2, true)]).await?;
    Ok(())
}

async fn notices_follow_the_persons_topics_and_pace(db: Db) -> anyhow::Result<()> {
    let smtp = SmtpServer::start().await?;
    let app = mailing_to(db, smtp.url()).await?;
    let patient = app.signed_in("margery").await?;

    // Bad settings are refused beside the field.
    let res = patient
        .put(app.url("/api/v1/me/notifications"))
        .json(&NotificationSettings {
            enabled: true,
            topics: vec![],
            frequency: Frequency::Daily,
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.fields.0["topics"][0].key, "notify.topics.empty");
    // Staff have no notices of their own.
    let staff = app.signed_in("ombuds").await?;
    assert_eq!(
        staff
            .get(app.url("/api/v1/me/notifications"))
            .send()
            .await?
            .status(),
        StatusCode::FORBIDDEN
    );

    // Messages only, at most daily, in English.
    patient
        .put(app.url("/api/v1/me/language"))
        .json(&serde_json::json!({"language": "en"}))
        .send()
        .await?;
    turn_on(
        &app,
        &patient,
        vec![Topic::NewMessage, Topic::NewReport],
        Frequency::Daily,
    )
    .await?;
    answered_thread(&app, "Eerste vraag").await?;
    let (_, subject, body) = smtp.message(1).await?;
    assert_eq!(subject, "There is something new in your patient portal");
    assert!(body.contains("New messages from the hospital: 1"), "{body}");

    // A second answer the same day waits for tomorrow; a request's new status is not wanted.
    answered_thread(&app, "Tweede vraag").await?;
    let margery = app.id_of("margery");
    let case: serde_json::Value = patient
        .post(app.url(&format!("/api/v1/records/{margery}/requests")))
        .multipart(super::requests::form_of(
            &super::requests::request(
                super::requests::AZ,
                inzage_domain::requests::RequestForm::CorrectionOrAddition {
                    statement: "Mijn adres is veranderd.".into(),
                },
            ),
            &[],
        ))
        .send()
        .await?
        .json()
        .await?;
    let res = super::requests::step(
        &app,
        &staff,
        case["id"].as_str().unwrap_or_default(),
        serde_json::json!({"step": "start"}),
        None,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.count(), 1, "the daily pace holds the second notice");

    // A new report: only the one Margery may read counts (a preliminary one is not news).
    let report = |id: &str, status: &str| {
        serde_json::json!({"resource": {"resourceType": "DiagnosticReport", "id": id, "status": status,
            "category": [{"text": "Radiologie"}], "code": {"text": "RX knie"},
            "subject": {"reference": format!("Patient/{margery}")},
            "effectiveDateTime": "2026-11-26T10:00:00+01:00",
            "performer": [{"reference": "Organization/inzage-demo-az-voorbeeld"}],
            "conclusion": "Geen breuk."}})
    };
    let json = serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": [
        report("nieuw-final", "final"), report("nieuw-voorlopig", "preliminary")]})
    .to_string();
    inzage_server::fhir::import_bundle(&app.store, &json, None).await?;

    // The next day: one notice with the second answer and the report, not the request.
    app.clock.set(TEST_START + time::Duration::days(1));
    let (_, _, body) = smtp.message(2).await?;
    assert!(body.contains("New messages from the hospital: 1"), "{body}");
    assert!(body.contains("New reports: 1"), "{body}");
    assert!(!body.contains("Requests"), "{body}");
    assert!(
        !body.contains("Geen breuk") && !body.contains("RX knie"),
        "{body}"
    );

    // Notices off: news is set aside, not told later.
    let patient = app.signed_in("margery").await?;
    let res = patient
        .put(app.url("/api/v1/me/notifications"))
        .json(&NotificationSettings::default())
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    answered_thread(&app, "Derde vraag").await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    turn_on(
        &app,
        &patient,
        vec![Topic::NewMessage],
        Frequency::Immediately,
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.count(), 2);
    Ok(())
}

async fn a_parent_is_told_of_a_new_report_in_her_childs_record_only(db: Db) -> anyhow::Result<()> {
    let smtp = SmtpServer::start().await?;
    let app = mailing_to(db, smtp.url()).await?;
    // Reyna is linked to Jorge (under 15, Belgian); Sherron (15) is not hers to follow.
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;
    let insz = super::links::insz_of(&app, "Jorge", "Brekke").await?;
    let link = super::links::ask(&app, &reyna, "Jorge Brekke", &insz).await?;
    let res = super::links::decide(&app, &staff, &link.id, true, "").await?;
    assert_eq!(res.status(), StatusCode::OK);
    turn_on(&app, &reyna, vec![Topic::NewReport], Frequency::Immediately).await?;

    let child = |given: &str, family: &str| {
        let (app, given, family) = (&app, given.to_owned(), family.to_owned());
        async move {
            Ok::<_, anyhow::Error>(
                app.store
                    .find_patient_by_name(&given, &family)
                    .await?
                    .expect("demo child")
                    .0,
            )
        }
    };
    let jorge = child("Jorge", "Brekke").await?;
    let sherron = child("Sherron", "Kutch").await?;
    let report = |id: &str, patient: &str| {
        serde_json::json!({"resource": {"resourceType": "DiagnosticReport", "id": id, "status": "final",
            "category": [{"text": "Radiologie"}], "code": {"text": "RX pols"},
            "subject": {"reference": format!("Patient/{patient}")},
            "effectiveDateTime": "2026-11-26T10:00:00+01:00",
            "performer": [{"reference": "Organization/inzage-demo-az-voorbeeld"}],
            "conclusion": "Geen breuk."}})
    };
    let json = serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": [
        report("jorge-nieuw", &jorge), report("sherron-nieuw", &sherron)]})
    .to_string();
    inzage_server::fhir::import_bundle(&app.store, &json, None).await?;
    let (to, subject, body) = smtp.message(1).await?;
    assert_eq!(to, format!("reyna@{DEMO_MAIL_DOMAIN}"));
    assert_eq!(subject, "Er is iets nieuw in uw patiëntenportaal");
    assert!(body.contains("Nieuwe verslagen: 1"), "{body}");
    assert!(
        !body.contains("RX pols") && !body.contains("Jorge"),
        "{body}"
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        smtp.count(),
        1,
        "nothing about Sherron, nor a second notice"
    );
    Ok(())
}

async fn notices_go_to_every_confirmed_address_and_only_to_those(db: Db) -> anyhow::Result<()> {
    use inzage_domain::notify::NewNoticeAddress;
    let smtp = SmtpServer::start().await?;
    let app = mailing_to(db, smtp.url()).await?;
    let patient = app.signed_in("margery").await?;
    let own = format!("margery@{DEMO_MAIL_DOMAIN}");
    let add = |email: &str| {
        let (patient, url) = (&patient, app.url("/api/v1/me/notifications/addresses"));
        let body = NewNoticeAddress {
            email: email.into(),
        };
        async move { Ok::<_, anyhow::Error>(patient.post(url).json(&body).send().await?) }
    };
    assert_eq!(
        add("Dochter@Example.BE").await?.status(),
        StatusCode::ACCEPTED
    );
    let (to, subject, body) = smtp.message(1).await?;
    assert!(to.contains("Dochter@example.be"), "{to}");
    assert_eq!(
        subject,
        "Bevestig dit adres voor meldingen van het patiëntenportaal"
    );
    let token = body
        .split("/meldingen/adres-bevestigen?token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .ok_or_else(|| anyhow::anyhow!("no link in {body}"))?
        .to_owned();
    // The same address again, or the account's own: refused beside the field.
    for email in ["dochter@example.be", own.as_str()] {
        let res = add(email).await?;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ErrorBody = res.json().await?;
        assert_eq!(body.fields.0["email"][0].key, "notify.address.known");
    }
    let view: NotificationView = get(&patient, &app, "/api/v1/me/notifications").await?;
    assert_eq!(view.addresses.len(), 1);
    assert!(!view.addresses[0].confirmed);

    // Unconfirmed, it gets nothing.
    turn_on(
        &app,
        &patient,
        vec![Topic::NewMessage],
        Frequency::Immediately,
    )
    .await?;
    answered_thread(&app, "Eerste vraag").await?;
    let (to, _, _) = smtp.message(2).await?;
    assert!(to.contains(&own), "{to}");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.count(), 2);

    // Confirmed by its link (once), it gets every notice too.
    let confirm = app.url("/api/v1/notice-address/confirm");
    let anonymous = Client::new();
    let res = anonymous
        .post(&confirm)
        .json(&serde_json::json!({"token": token}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let res = anonymous
        .post(&confirm)
        .json(&serde_json::json!({"token": token}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    answered_thread(&app, "Tweede vraag").await?;
    let mut recipients = vec![smtp.message(3).await?.0, smtp.message(4).await?.0];
    recipients.sort();
    assert!(
        recipients[0].contains("Dochter@example.be"),
        "{recipients:?}"
    );
    assert!(recipients[1].contains(&own), "{recipients:?}");

    // Removed, it gets nothing again.
    let patient = app.signed_in("margery").await?;
    let one = app.url("/api/v1/me/notifications/addresses/Dochter@example.be");
    assert_eq!(
        patient.delete(&one).send().await?.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        patient.delete(&one).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    answered_thread(&app, "Derde vraag").await?;
    assert!(smtp.message(5).await?.0.contains(&own));
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.count(), 5);
    Ok(())
}

async fn a_parent_is_told_a_month_ahead_that_her_childs_birthday_ends_her_access(
    db: Db,
) -> anyhow::Result<()> {
    use inzage_domain::calendar::birthday;
    use inzage_domain::explain::{long_date, Language};
    let smtp = SmtpServer::start().await?;
    let app = mailing_to(db, smtp.url()).await?;
    // Reyna is linked to Jorge (Belgian, 14): the link ends by itself on his 15th birthday.
    // She has not turned on any notices: this one is about who may see a record.
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;
    let insz = super::links::insz_of(&app, "Jorge", "Brekke").await?;
    let link = super::links::ask(&app, &reyna, "Jorge Brekke", &insz).await?;
    let res = super::links::decide(&app, &staff, &link.id, true, "").await?;
    assert_eq!(res.status(), StatusCode::OK);
    let (jorge, born) = app
        .store
        .find_patient_by_name("Jorge", "Brekke")
        .await?
        .expect("demo child");
    let born = time::Date::parse(
        &born.expect("a birth date"),
        time::macros::format_description!("[year]-[month]-[day]"),
    )?;
    let fifteen = birthday(born, 15);
    assert!(!jorge.is_empty());
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(smtp.count(), 0, "a year ahead is too early");

    // Twenty days before (noon in Brussels), the worker tells her, once.
    app.clock.set(
        fifteen.midnight().assume_utc() - time::Duration::days(20) + time::Duration::hours(11),
    );
    let (to, subject, body) = smtp.message(1).await?;
    assert_eq!(to, format!("reyna@{DEMO_MAIL_DOMAIN}"));
    let day = long_date(fifteen, Language::Nl);
    assert_eq!(
        subject,
        format!("Op {day} verandert wie een dossier mag inzien")
    );
    assert!(
        !body.contains("Jorge") && !body.contains("Brekke"),
        "{body}"
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    app.clock
        .set(fifteen.midnight().assume_utc() - time::Duration::days(10));
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(smtp.count(), 1, "one notice per birthday");
    Ok(())
}

//! Help for a person who is stuck (issue 11, item 2): a question to the helpdesk without an
//! account, with a screenshot; staff read it and answer, and the answer arrives by e-mail in
//! the person's language. Bad input is answered beside its field and never stored; an address
//! that sends too many is slowed down.

use inzage_domain::help::{HelpAnswer, HelpCategory, HelpFiled, StaffHelpCase};
use inzage_domain::wire::ErrorBody;
use inzage_tests::{browser, Db, TestApp};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};

use inzage_tests::documents::png;

on_both_backends!(
    a_person_who_cannot_log_in_asks_and_gets_the_answer_by_mail,
    questions_are_checked_beside_their_fields_and_limited_per_address,
);

/// A question's multipart form.
pub fn question(category: &str, email: &str, message: &str) -> Form {
    Form::new()
        .text("category", category.to_owned())
        .text("name", "An Peeters")
        .text("email", email.to_owned())
        .text("message", message.to_owned())
}

async fn ask(app: &TestApp, client: &Client, form: Form) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url("/api/v1/help"))
        .multipart(form)
        .send()
        .await?)
}

async fn open_cases(app: &TestApp, staff: &Client) -> anyhow::Result<Vec<StaffHelpCase>> {
    Ok(staff
        .get(app.url("/api/v1/staff/help"))
        .send()
        .await?
        .json()
        .await?)
}

async fn a_person_who_cannot_log_in_asks_and_gets_the_answer_by_mail(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let shot = png(64, 48);
    let anonymous = browser();
    let res = ask(
        &app,
        &anonymous,
        question(
            "code_card",
            "an.peeters@example.be",
            "J'ai perdu ma carte de codes.\nQue faire ?",
        )
        .text("language", "fr")
        .part(
            "screenshot",
            Part::bytes(shot.clone()).file_name("ecran.png"),
        ),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let filed: HelpFiled = res.json().await?;
    assert!(filed.reference.starts_with("HD-"), "{}", filed.reference);

    // Staff see it, with its screenshot; nobody else does.
    let staff = app.signed_in("ombuds").await?;
    let cases = open_cases(&app, &staff).await?;
    assert_eq!(cases.len(), 1);
    let case = &cases[0];
    assert_eq!(
        (
            case.reference.as_str(),
            case.category,
            case.account_name.as_deref()
        ),
        (filed.reference.as_str(), HelpCategory::CodeCard, None)
    );
    assert_eq!(case.message, "J'ai perdu ma carte de codes.\nQue faire ?");
    assert_eq!(case.screenshot_size, Some(shot.len() as i64));
    let screenshot = app.url(&format!("/api/v1/staff/help/{}/screenshot", case.id));
    let res = staff.get(&screenshot).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await?.as_ref(), shot.as_slice());
    let patient = app.signed_in("margery").await?;
    for url in [screenshot.clone(), app.url("/api/v1/staff/help")] {
        assert_eq!(
            patient.get(&url).send().await?.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            anonymous.get(&url).send().await?.status(),
            StatusCode::UNAUTHORIZED
        );
    }

    // Staff answer; the answer goes by mail, in French, to the address given.
    let answer = app.url(&format!("/api/v1/staff/help/{}/answer", case.id));
    let res = staff
        .post(&answer)
        .json(&HelpAnswer {
            answer: "  ".into(),
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert_eq!(
        body.fields.first("answer").unwrap().key,
        "help.answer.empty"
    );
    let text = "Demandez une nouvelle carte sur la page « Carte de codes ».";
    let res = patient
        .post(&answer)
        .json(&HelpAnswer {
            answer: text.into(),
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = staff
        .post(&answer)
        .json(&HelpAnswer {
            answer: text.into(),
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let mails = app.mails(1).await?;
    let (to, subject, body) = mails
        .iter()
        .find(|(to, ..)| to.contains("an.peeters@example.be"))
        .expect("the answer's mail");
    assert!(to.contains("an.peeters@example.be"));
    assert!(subject.contains(&filed.reference), "{subject}");
    assert!(subject.starts_with("Réponse du helpdesk"), "{subject}");
    assert!(body.contains(text), "{body}");
    assert!(body.contains("J'ai perdu ma carte de codes."), "{body}");
    let res = staff
        .post(&answer)
        .json(&HelpAnswer {
            answer: text.into(),
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(open_cases(&app, &staff).await?.is_empty());

    // A logged-in patient's question names her account; one without a screenshot has none.
    let res = ask(
        &app,
        &patient,
        question(
            "record",
            "margery@example.org",
            "Waar staat mijn bloedgroep?",
        ),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let cases = open_cases(&app, &staff).await?;
    assert_eq!(cases[0].account_name.as_deref(), Some("Margery Gibson"));
    assert_eq!(cases[0].screenshot_size, None);
    let none = app.url(&format!("/api/v1/staff/help/{}/screenshot", cases[0].id));
    assert_eq!(
        staff.get(&none).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    Ok(())
}

async fn questions_are_checked_beside_their_fields_and_limited_per_address(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let anonymous = browser();
    let field = |body: &ErrorBody, f: &str| body.fields.first(f).map(|m| m.key.to_string());
    let res = ask(&app, &anonymous, Form::new().text("category", "billing")).await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert_eq!(
        field(&body, "category").as_deref(),
        Some("help.category.unknown")
    );
    assert_eq!(field(&body, "name").as_deref(), Some("help.name.empty"));
    assert_eq!(
        field(&body, "message").as_deref(),
        Some("help.message.empty")
    );
    assert!(field(&body, "email").is_some());
    // A screenshot that is a PDF, or no image at all, is refused beside its field.
    for bytes in [super::designations::PDF.to_vec(), b"GIF89a".to_vec()] {
        let res = ask(
            &app,
            &anonymous,
            question("login", "an@example.be", "Het lukt niet.")
                .part("screenshot", Part::bytes(bytes).file_name("x.png")),
        )
        .await?;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ErrorBody = res.json().await?;
        assert!(field(&body, "screenshot").is_some(), "{body:?}");
    }
    let res = ask(
        &app,
        &anonymous,
        question("login", "an@example.be", "x").text("password", "geheim"),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let staff = app.signed_in("ombuds").await?;
    assert!(open_cases(&app, &staff).await?.is_empty(), "nothing stored");

    // An address may send ten questions an hour; the eleventh waits.
    for _ in 0..10 {
        let res = ask(
            &app,
            &anonymous,
            question("other", "an@example.be", "Vraag"),
        )
        .await?;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
    }
    let res = ask(
        &app,
        &anonymous,
        question("other", "an@example.be", "Vraag"),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(open_cases(&app, &staff).await?.len(), 10);
    app.clock.advance(time::Duration::hours(1));
    let res = ask(
        &app,
        &anonymous,
        question("other", "an@example.be", "Vraag"),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    Ok(())
}

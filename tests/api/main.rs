//! API integration tests: a real server on a random port, over SQLite and over PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use inzage_domain::wire::{ErrorBody, Me, ReportDetail, ReportList};
use inzage_server::store::Backend;
use inzage_tests::{
    answer_rightly, browser, challenge, code_answer, log_in, login_with, session_cookie_of,
    wrong_code, Db, TestApp,
};
use reqwest::StatusCode;

/// Runs each listed test on both backends.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() -> anyhow::Result<()> { super::$name(super::Db::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() -> anyhow::Result<()> { super::$name(super::Db::Postgres).await })*
        }
    };
}

mod access;
mod app_shell;
mod appointments;
mod designations;
mod fhir_export;
mod help;
mod hostile;
mod identity;
mod links;
mod listing;
mod matrix;
mod messages;
mod notifications;
mod oidc;
mod openapi;
mod passkeys;
mod pdf;
mod relatives;
mod release;
mod representation;
mod requests;
mod sections;
mod shares;
mod video;

on_both_backends!(
    a_patient_logs_in_lists_and_opens_own_reports,
    every_username_form_logs_in,
    a_wrong_answer_does_not_say_which_input_was_wrong,
    five_failures_lock_the_account_for_a_while,
    another_patients_report_answers_like_a_missing_one,
    hidden_reports_are_never_served,
    without_a_session_nothing_is_served,
    logout_ends_the_session_on_the_server,
    login_rotates_the_session,
    a_challenge_is_used_once,
    bad_input_gets_field_errors,
    a_session_expires_when_idle,
    a_second_instance_serves_a_session_from_the_first,
    a_bad_bundle_imports_nothing,
    the_demo_imports_the_synthea_bundles,
    unknown_api_routes_are_json_and_client_routes_get_the_spa,
    each_hospital_of_the_network_applies_its_own_settings,
    concurrent_guesses_cannot_exceed_the_limit,
    the_chosen_language_is_remembered_in_the_profile,
    errors_come_in_the_persons_language,
);

async fn error_body(res: reqwest::Response) -> anyhow::Result<ErrorBody> {
    Ok(res.json().await?)
}

async fn reports(client: &reqwest::Client, app: &TestApp) -> anyhow::Result<ReportList> {
    let res = client.get(app.url("/api/v1/reports")).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(res.json().await?)
}

async fn a_patient_logs_in_lists_and_opens_own_reports(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    let margery = app.login_of("margery");
    log_in(&client, &app.url(""), margery, "margery").await?;

    let me: Me = client
        .get(app.url("/api/v1/me"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(me.display_name, "Margery Gibson");

    let list = reports(&client, &app).await?;
    let ids: Vec<&str> = list.reports.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.contains(&"inzage-demo-ontslagbrief"));
    assert!(ids.contains(&"inzage-demo-mri-knie"));
    // Synthea's lab reports from after the cutoff are there, the older ones not.
    assert!(!ids.contains(&"ecb4c248-8e02-48bc-9fab-de474ff8cd73"));
    assert!(list.reports.len() > 10);
    let cutoff = time::macros::date!(2016 - 08 - 15);
    assert!(list.reports.iter().all(|r| r.date >= cutoff));
    assert!(
        list.reports.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    assert!(list
        .cutoffs
        .iter()
        .any(|c| c.hospital == "AZ Voorbeeld (demo)" && c.cutoff == cutoff));

    let res = client
        .get(app.url("/api/v1/reports/inzage-demo-ontslagbrief"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap_or("")),
        Some("no-store")
    );
    let detail: ReportDetail = res.json().await?;
    assert_eq!(detail.title, "Ontslagbrief cardiologie");
    assert_eq!(detail.hospital, "AZ Voorbeeld (demo)");
    assert_eq!(detail.author.as_deref(), Some("Dr. An Peeters"));
    assert!(detail
        .text
        .unwrap_or_default()
        .contains("voorkamerfibrillatie"));
    let contact = detail
        .contact
        .expect("AZ Voorbeeld's contact from the network file");
    assert_eq!(contact.phone.as_deref(), Some("+32 16 00 00 00"));

    let lab = list
        .reports
        .iter()
        .find(|r| r.category.as_deref() == Some("Laboratory"))
        .expect("a Synthea lab report after the cutoff");
    let detail: ReportDetail = client
        .get(app.url(&format!("/api/v1/reports/{}", lab.id)))
        .send()
        .await?
        .json()
        .await?;
    assert!(!detail.results.is_empty());
    assert_eq!(
        detail.contact, None,
        "Mount Auburn is listed without contact details"
    );
    Ok(())
}

async fn every_username_form_logs_in(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let reyna = app.login_of("reyna");
    let national = reyna.national_number.clone().unwrap_or_default();
    for username in [
        "reyna".to_owned(),
        "REYNA".to_owned(),
        national.clone(),
        national.replace(['.', '-'], ""),
        reyna.record_number.clone().unwrap_or_default(),
    ] {
        let client = browser();
        log_in(&client, &app.url(""), reyna, &username).await?;
        let me: Me = client
            .get(app.url("/api/v1/me"))
            .send()
            .await?
            .json()
            .await?;
        assert_eq!(me.display_name, "Reyna Ziemann", "{username}");
    }
    Ok(())
}

async fn a_wrong_answer_does_not_say_which_input_was_wrong(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let base = app.url("");
    let margery = app.login_of("margery");
    let mut bodies = Vec::new();
    for (username, password_ok, code_ok) in [
        ("margery", false, true),
        ("margery", true, false),
        ("nobody-here", true, true),
    ] {
        let client = browser();
        let c = challenge(&client, &base, username).await?;
        let code = code_answer(margery, c.position, code_ok);
        let password = if password_ok {
            "inzage-demo"
        } else {
            "inzage-demx"
        };
        let res = login_with(&client, &base, &c.challenge_id, username, password, &code).await?;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert!(res.headers().get("set-cookie").is_none());
        bodies.push(res.text().await?);
    }
    assert_eq!(bodies[0], bodies[1]);
    assert_eq!(bodies[1], bodies[2]);
    let body: ErrorBody = serde_json::from_str(&bodies[0])?;
    assert_eq!(body.message.key, "login.failed");
    Ok(())
}

async fn five_failures_lock_the_account_for_a_while(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let base = app.url("");
    let margery = app.login_of("margery");
    let client = browser();
    for attempt in 1..=5 {
        let c = challenge(&client, &base, "margery").await?;
        let res = login_with(
            &client,
            &base,
            &c.challenge_id,
            "margery",
            "inzage-demo",
            &wrong_code(margery, c.position),
        )
        .await?;
        let expected = if attempt < 5 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::LOCKED
        };
        assert_eq!(res.status(), expected, "attempt {attempt}");
    }
    // Locked: even the right answers are refused, with the time the lock ends.
    let res = answer_rightly(&client, &base, margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    let body = error_body(res).await?;
    assert_eq!(body.message.key, "login.locked");
    assert_eq!(body.message.get("until"), Some("2026-11-27T10:15:00Z"));

    // An unknown username locks the same way, so a lock reveals nothing.
    for _ in 0..5 {
        let c = challenge(&client, &base, "nobody-here").await?;
        login_with(
            &client,
            &base,
            &c.challenge_id,
            "nobody-here",
            "x",
            "1234 5678",
        )
        .await?;
    }
    let c = challenge(&client, &base, "nobody-here").await?;
    let res = login_with(
        &client,
        &base,
        &c.challenge_id,
        "nobody-here",
        "x",
        "1234 5678",
    )
    .await?;
    assert_eq!(res.status(), StatusCode::LOCKED);

    app.clock
        .advance(time::Duration::minutes(15) + time::Duration::seconds(1));
    log_in(&client, &base, margery, "margery").await?;
    Ok(())
}

async fn another_patients_report_answers_like_a_missing_one(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    log_in(&client, &app.url(""), app.login_of("reyna"), "reyna").await?;
    let foreign = client
        .get(app.url("/api/v1/reports/inzage-demo-ontslagbrief"))
        .send()
        .await?;
    let missing = client
        .get(app.url("/api/v1/reports/does-not-exist"))
        .send()
        .await?;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(foreign.text().await?, missing.text().await?);
    // Of the extra bundle's reports, only Reyna's own consultation note is hers.
    let list = reports(&client, &app).await?;
    assert!(list
        .reports
        .iter()
        .all(|r| !r.id.starts_with("inzage-demo-") || r.id == "inzage-demo-reyna-consultnotitie"));
    Ok(())
}

async fn hidden_reports_are_never_served(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    log_in(&client, &app.url(""), app.login_of("margery"), "margery").await?;
    let list = reports(&client, &app).await?;
    for id in [
        "inzage-demo-echo-voorlopig",
        "inzage-demo-bloedname-geregistreerd",
        "inzage-demo-psychiatrie-afgeschermd",
        "inzage-demo-genetica-afgeschermd",
        "inzage-demo-rx-voor-cutoff",
        "ecb4c248-8e02-48bc-9fab-de474ff8cd73",
    ] {
        assert!(list.reports.iter().all(|r| r.id != id), "{id} listed");
        let res = client
            .get(app.url(&format!("/api/v1/reports/{id}")))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{id}");
    }
    Ok(())
}

async fn without_a_session_nothing_is_served(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    for path in [
        "/api/v1/me",
        "/api/v1/reports",
        "/api/v1/reports/inzage-demo-ontslagbrief",
    ] {
        let res = client.get(app.url(path)).send().await?;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(error_body(res).await?.error, "unauthenticated");
    }
    let res = client
        .get(app.url("/api/v1/reports"))
        .header("cookie", "inzage_session=forged-token")
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    Ok(())
}

async fn logout_ends_the_session_on_the_server(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let base = app.url("");
    let margery = app.login_of("margery");
    let client = reqwest::Client::new();
    let res = answer_rightly(&client, &base, margery, "margery").await?;
    let cookie = session_cookie_of(&res).expect("a session cookie");
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Strict"));
    assert!(cookie.contains("Path=/"));
    assert!(!cookie.contains("Secure"), "plain http in tests");
    let pair = cookie.split(';').next().unwrap_or_default().to_owned();

    let res = client
        .get(app.url("/api/v1/me"))
        .header("cookie", &pair)
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let res = client
        .post(app.url("/api/v1/logout"))
        .header("cookie", &pair)
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(session_cookie_of(&res).is_some_and(|c| c.contains("Max-Age=0")));
    // The browser forgetting the cookie is not enough: the server no longer knows the token.
    let res = client
        .get(app.url("/api/v1/me"))
        .header("cookie", &pair)
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    Ok(())
}

async fn login_rotates_the_session(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let base = app.url("");
    let margery = app.login_of("margery");
    let client = reqwest::Client::new();
    let mut pairs = Vec::new();
    for _ in 0..2 {
        let c = challenge(&client, &base, "margery").await?;
        let code = margery.card.code(c.position).printed();
        let mut req = client
            .post(app.url("/api/v1/login"))
            .json(&serde_json::json!({
                "challenge_id": c.challenge_id, "username": "margery",
                "password": "inzage-demo", "code": code,
            }));
        if let Some(previous) = pairs.last() {
            req = req.header("cookie", previous);
        }
        let res = req.send().await?;
        assert_eq!(res.status(), StatusCode::OK);
        let cookie = session_cookie_of(&res).expect("a session cookie");
        pairs.push(cookie.split(';').next().unwrap_or_default().to_owned());
    }
    assert_ne!(pairs[0], pairs[1]);
    let old = client
        .get(app.url("/api/v1/me"))
        .header("cookie", &pairs[0])
        .send()
        .await?;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let new = client
        .get(app.url("/api/v1/me"))
        .header("cookie", &pairs[1])
        .send()
        .await?;
    assert_eq!(new.status(), StatusCode::OK);
    Ok(())
}

async fn a_challenge_is_used_once(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let base = app.url("");
    let margery = app.login_of("margery");
    let client = browser();
    let c = challenge(&client, &base, "margery").await?;
    let code = margery.card.code(c.position).printed();
    let first = login_with(
        &client,
        &base,
        &c.challenge_id,
        "margery",
        "inzage-demo",
        &code,
    )
    .await?;
    assert_eq!(first.status(), StatusCode::OK);
    let again = login_with(
        &client,
        &base,
        &c.challenge_id,
        "margery",
        "inzage-demo",
        &code,
    )
    .await?;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_body(again).await?.error, "challenge_invalid");

    // A challenge for one name does not serve another, and it expires.
    let c = challenge(&client, &base, "reyna").await?;
    let res = login_with(
        &client,
        &base,
        &c.challenge_id,
        "margery",
        "inzage-demo",
        &code,
    )
    .await?;
    assert_eq!(error_body(res).await?.error, "challenge_invalid");
    let c = challenge(&client, &base, "margery").await?;
    app.clock.advance(time::Duration::minutes(6));
    let code = margery.card.code(c.position).printed();
    let res = login_with(
        &client,
        &base,
        &c.challenge_id,
        "margery",
        "inzage-demo",
        &code,
    )
    .await?;
    assert_eq!(error_body(res).await?.error, "challenge_invalid");
    Ok(())
}

async fn bad_input_gets_field_errors(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    let res = client
        .post(app.url("/api/v1/login/challenge"))
        .json(&serde_json::json!({"username": "12345678901"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_body(res).await?;
    assert_eq!(body.error, "validation");
    assert_eq!(
        body.fields.first("username").map(|m| m.key.as_ref()),
        Some("insz.invalid_checksum")
    );

    let res = client
        .post(app.url("/api/v1/login"))
        .json(&serde_json::json!({"challenge_id": "x", "username": "", "password": "", "code": "12ab"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_body(res).await?;
    let keys: Vec<(&str, &str)> = body
        .fields
        .0
        .iter()
        .map(|(f, m)| (f.as_str(), m[0].key.as_ref()))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("code", "code_card.answer.invalid_character"),
            ("password", "password.empty"),
            ("username", "login.username.empty"),
        ]
    );

    for (body, content_type) in [
        ("not json", "application/json"),
        (r#"{"username": 5}"#, "application/json"),
        (r#"{"username": "a", "extra": 1}"#, "application/json"),
        (r#"{"username": "margery"}"#, "text/plain"),
    ] {
        let res = client
            .post(app.url("/api/v1/login/challenge"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await?;
        assert!(res.status().is_client_error(), "{body}");
        assert_eq!(error_body(res).await?.error, "bad_request");
    }
    Ok(())
}

async fn a_session_expires_when_idle(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    log_in(&client, &app.url(""), app.login_of("margery"), "margery").await?;
    app.clock.advance(time::Duration::minutes(29));
    assert_eq!(
        client.get(app.url("/api/v1/me")).send().await?.status(),
        StatusCode::OK
    );
    // Activity extended it; 31 idle minutes end it.
    app.clock.advance(time::Duration::minutes(31));
    assert_eq!(
        client.get(app.url("/api/v1/me")).send().await?.status(),
        StatusCode::UNAUTHORIZED
    );
    Ok(())
}

async fn a_second_instance_serves_a_session_from_the_first(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let second = app.spawn_second_instance().await?;
    let client = reqwest::Client::new();
    let base = app.url("");
    let margery = app.login_of("margery");
    let res = answer_rightly(&client, &base, margery, "margery").await?;
    let cookie = session_cookie_of(&res).expect("a session cookie");
    let pair = cookie.split(';').next().unwrap_or_default().to_owned();
    let res = client
        .get(format!("http://{second}/api/v1/reports"))
        .header("cookie", &pair)
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let list: ReportList = res.json().await?;
    assert!(!list.reports.is_empty());

    // Failure counters are shared too: failures on both instances add up to one lock.
    for i in 0..5 {
        let target = if i % 2 == 0 {
            base.clone()
        } else {
            format!("http://{second}")
        };
        let c = challenge(&client, &target, "reyna").await?;
        login_with(
            &client,
            &target,
            &c.challenge_id,
            "reyna",
            "wrong",
            "1234 5678",
        )
        .await?;
    }
    let c = challenge(&client, &base, "reyna").await?;
    let res = login_with(
        &client,
        &base,
        &c.challenge_id,
        "reyna",
        "wrong",
        "1234 5678",
    )
    .await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    Ok(())
}

async fn a_bad_bundle_imports_nothing(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let before = app.store.count_patients().await?;
    // The patient is fine, the report after it is not: neither may be stored.
    let bundle = r#"{"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Patient","id":"new-patient","name":[{"family":"Nieuw"}]}},
        {"resource":{"resourceType":"DiagnosticReport","id":"bad","status":"final",
          "code":{"text":"X"},"subject":{"reference":"Patient/new-patient"},
          "effectiveDateTime":"2020-01-01","performer":[{"reference":"Organization/nowhere"}]}}]}"#;
    let e = inzage_server::fhir::import_bundle(&app.store, bundle, None)
        .await
        .expect_err("an unknown organization");
    assert_eq!(
        e.to_string(),
        "Organization/nowhere: `id` is referenced but neither in the bundle nor stored"
    );
    assert_eq!(app.store.count_patients().await?, before);
    assert!(app.store.patient("new-patient").await?.is_none());
    Ok(())
}

async fn the_demo_imports_the_synthea_bundles(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    // Five Synthea patients and Noor, the Dutch child of the extra bundle.
    assert_eq!(app.store.count_patients().await?, 6);
    let adan: Option<(String,)> =
        sqlx::query_as("SELECT deceased_at FROM patients WHERE given_name = $1")
            .bind("Adán")
            .fetch_optional(app.store.pool())
            .await?;
    assert_eq!(adan.map(|r| r.0).as_deref(), Some("2007-03-25"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM reports")
        .fetch_one(app.store.pool())
        .await?;
    // 92 Synthea DiagnosticReports, and 8 reports and 2 consultation notes from the extra bundle.
    assert_eq!(n, 92 + 8 + 2);
    if app.store.backend() == Backend::Sqlite {
        assert_eq!(app.store.sqlite_pragma("journal_mode").await?, "wal");
        assert_eq!(app.store.sqlite_pragma("foreign_keys").await?, "1");
        assert_eq!(app.store.sqlite_pragma("synchronous").await?, "2");
    }
    // Importing the same bundle again changes nothing (upsert by FHIR id).
    inzage_server::demo::import_file(&app.store, &inzage_tests::demo_bundles()[1], None).await?;
    let (again,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM reports")
        .fetch_one(app.store.pool())
        .await?;
    assert_eq!(again, n);
    Ok(())
}

async fn unknown_api_routes_are_json_and_client_routes_get_the_spa(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    let res = client.get(app.url("/api/v1/nothing-here")).send().await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_body(res).await?.error, "not_found");
    for path in ["/", "/verslagen", "/verslagen/abc"] {
        let res = client.get(app.url(path)).send().await?;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(
            res.headers()
                .get("x-content-type-options")
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..])
        );
        let csp = res
            .headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        let body = res.text().await?;
        assert!(body.contains("<title>Inzage"), "{path}: {body}");
    }
    Ok(())
}

async fn each_hospital_of_the_network_applies_its_own_settings(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = browser();
    // Reyna's reports come from Morton Hospital, a Dutch partner without a cutoff in
    // config/demo-network.toml: all eight show, also those from before 2016-08-15, and the
    // consultation note it releases.
    log_in(&client, &app.url(""), app.login_of("reyna"), "reyna").await?;
    let list = reports(&client, &app).await?;
    assert_eq!(list.reports.len(), 8 + 1);
    assert!(list
        .reports
        .iter()
        .any(|r| r.date < time::macros::date!(2016 - 08 - 15) && r.hospital == "MORTON HOSPITAL"));
    assert!(list.cutoffs.is_empty());
    // Margery's Belgian hospitals keep their cutoff, and the file's display name is used.
    let client = browser();
    log_in(&client, &app.url(""), app.login_of("margery"), "margery").await?;
    let list = reports(&client, &app).await?;
    let names: Vec<&str> = list.cutoffs.iter().map(|c| c.hospital.as_str()).collect();
    assert_eq!(names, vec!["AZ Voorbeeld (demo)", "MOUNT AUBURN HOSPITAL"]);
    Ok(())
}

async fn concurrent_guesses_cannot_exceed_the_limit(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let base = app.url("");
    let margery = app.login_of("margery").clone();
    let client = browser();
    let mut challenges = Vec::new();
    for _ in 0..20 {
        challenges.push(challenge(&client, &base, "margery").await?);
    }
    // Twenty wrong answers at once: the attempts are counted before they are checked, so at most
    // five are ever verified (four "wrong", the fifth locks); every other one meets the lock.
    let mut tasks = Vec::new();
    for c in challenges {
        let (client, base) = (client.clone(), base.clone());
        let code = wrong_code(&margery, c.position);
        tasks.push(tokio::spawn(async move {
            login_with(
                &client,
                &base,
                &c.challenge_id,
                "margery",
                "inzage-demo",
                &code,
            )
            .await
            .map(|r| r.status())
        }));
    }
    let mut failed = 0;
    for t in tasks {
        match t.await?? {
            StatusCode::UNAUTHORIZED => failed += 1,
            StatusCode::LOCKED => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert!(failed <= 4, "{failed} guesses were checked before the lock");
    let res = answer_rightly(&client, &base, &margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    Ok(())
}

async fn the_chosen_language_is_remembered_in_the_profile(db: Db) -> anyhow::Result<()> {
    use inzage_domain::explain::Language;
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let me: Me = client
        .get(app.url("/api/v1/me"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(
        me.language, None,
        "the browser's language until the person chooses"
    );
    let res = client
        .put(app.url("/api/v1/me/language"))
        .json(&serde_json::json!({"language": "fr"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Me = res.json().await?;
    assert_eq!(me.language, Some(Language::Fr));
    // A new session on another device finds it in the profile.
    let other = app.signed_in("margery").await?;
    let me: Me = other
        .get(app.url("/api/v1/me"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(me.language, Some(Language::Fr));
    let bad = other
        .put(app.url("/api/v1/me/language"))
        .json(&serde_json::json!({"language": "de"}))
        .send()
        .await?;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let me: Me = other
        .put(app.url("/api/v1/me/language"))
        .json(&serde_json::json!({"language": null}))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(me.language, None);
    Ok(())
}

async fn errors_come_in_the_persons_language(db: Db) -> anyhow::Result<()> {
    use inzage_i18n::{Language, Translator};
    let app = TestApp::spawn(db).await?;
    let text = |lang, key: &str| Translator::new(lang).text(key, &[]);
    // Anonymous: the browser's language, by weight.
    let res = browser()
        .get(app.url("/api/v1/me"))
        .header("accept-language", "de-DE, fr-BE;q=0.9, en;q=0.8")
        .send()
        .await?;
    let body = error_body(res).await?;
    assert_eq!(body.text, text(Language::Fr, "error.unauthenticated"));
    let res = browser().get(app.url("/api/v1/me")).send().await?;
    assert_eq!(
        error_body(res).await?.text,
        text(Language::Nl, "error.unauthenticated")
    );
    // Logged in: the profile's language wins over the browser's.
    let client = app.signed_in("margery").await?;
    client
        .put(app.url("/api/v1/me/language"))
        .json(&serde_json::json!({"language": "en"}))
        .send()
        .await?;
    let res = client
        .get(app.url("/api/v1/reports/missing"))
        .header("accept-language", "fr")
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body = error_body(res).await?;
    assert_eq!(body.message.key, "error.not_found");
    assert_eq!(body.text, text(Language::En, "error.not_found"));
    assert!(body.text.is_some());
    Ok(())
}

//! Identity: the account page's data, password change and reset, sessions, the code card's life
//! (request by post, confirmation link, printing, blocking, single use), lockouts per account,
//! per address and after 100 failures, the helpdesk, and CSRF.

use inzage_domain::account::{
    AccountView, Acknowledgement, CodeCardMode, HelpdeskAccount, ResetChallenge, StaffCardRequest,
};
use inzage_domain::wire::LoginChallengeResponse;
use inzage_tests::{
    answer_rightly, browser, challenge, login_with, token_in, wrong_code, Db, TestApp,
};
use reqwest::StatusCode;
use serde_json::json;

use super::error_body;

on_both_backends!(
    the_account_lists_its_sessions_and_ends_them,
    a_password_change_checks_the_rules_and_ends_other_sessions,
    a_reset_link_needs_the_card_works_once_and_expires,
    a_reset_request_answers_the_same_for_everyone,
    blocking_the_card_ends_every_session_and_a_posted_card_takes_over,
    an_unknown_number_gets_the_same_answer_and_no_card,
    the_desk_prints_a_card_and_the_helpdesk_unlocks,
    failures_count_per_account_across_its_names,
    one_address_guessing_many_accounts_is_locked,
    a_hundred_failures_disable_the_login_until_the_helpdesk,
    single_use_codes_are_asked_once,
    requests_from_other_sites_are_refused,
    usernames_and_email_addresses_change,
    new_terms_are_accepted_before_anything_else,
    a_suspended_person_learns_why_only_after_answering_rightly,
    anonymous_requests_are_limited_per_address_and_mails_per_account,
    the_lock_follows_the_account_across_addresses,
    hsts_is_sent_only_behind_tls,
    behind_a_trusted_proxy_each_client_has_its_own_limits_and_trail,
);

/// A browser on another loopback address (Linux routes all of 127.0.0.0/8 to this machine), so
/// the server sees a different client address.
fn browser_from(ip: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .local_address(std::net::IpAddr::from(ip))
        .build()
        .unwrap_or_default()
}

const NEW_PASSWORD: &str = "zeven blauwe olifanten dansen traag";

async fn account(client: &reqwest::Client, app: &TestApp) -> anyhow::Result<AccountView> {
    let res = client.get(app.url("/api/v1/me/account")).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(res.json().await?)
}

/// A demo patient's Belgian national number.
async fn insz_of(app: &TestApp, username: &str) -> anyhow::Result<String> {
    app.store
        .patient(&app.id_of(username))
        .await?
        .and_then(|p| p.insz)
        .ok_or_else(|| anyhow::anyhow!("{username} has no national number"))
}

async fn status_of_me(client: &reqwest::Client, app: &TestApp) -> anyhow::Result<StatusCode> {
    Ok(client.get(app.url("/api/v1/me")).send().await?.status())
}

async fn the_account_lists_its_sessions_and_ends_them(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let first = app.signed_in("margery").await?;
    let second = app.signed_in("margery").await?;
    let third = app.signed_in("margery").await?;
    let reyna = app.signed_in("reyna").await?;

    let view = account(&first, &app).await?;
    assert_eq!(view.sessions.len(), 3);
    assert!(view.sessions[0].current, "the current session comes first");
    assert_eq!(view.sessions.iter().filter(|s| s.current).count(), 1);
    assert!(view.sessions.iter().all(|s| s.method == "code_card"));
    assert_eq!(view.sessions[0].client_addr.as_deref(), Some("127.0.0.1"));
    assert_eq!(view.username.as_deref(), Some("margery"));
    assert!(view.has_card && view.email_confirmed);
    assert_eq!(view.code_card_mode, CodeCardMode::Rotation);
    assert_eq!(view.codes_left, 24);

    // Another person's session cannot be ended, and looks like a missing one.
    let reynas = account(&reyna, &app).await?.sessions[0].id.clone();
    let res = first
        .delete(app.url(&format!("/api/v1/me/sessions/{reynas}")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(status_of_me(&reyna, &app).await?, StatusCode::OK);

    let second_id = account(&second, &app).await?.sessions[0].id.clone();
    let res = first
        .delete(app.url(&format!("/api/v1/me/sessions/{second_id}")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(status_of_me(&second, &app).await?, StatusCode::UNAUTHORIZED);
    assert_eq!(status_of_me(&third, &app).await?, StatusCode::OK);

    // Logging out everywhere ends this browser's session too.
    let res = first
        .post(app.url("/api/v1/me/sessions/end-all"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(status_of_me(&first, &app).await?, StatusCode::UNAUTHORIZED);
    assert_eq!(status_of_me(&third, &app).await?, StatusCode::UNAUTHORIZED);
    assert_eq!(status_of_me(&reyna, &app).await?, StatusCode::OK);
    Ok(())
}

async fn change_password(
    client: &reqwest::Client,
    app: &TestApp,
    current: &str,
    new: &str,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .put(app.url("/api/v1/me/password"))
        .json(&json!({"current_password": current, "new_password": new}))
        .send()
        .await?)
}

async fn first_field_error(res: reqwest::Response, field: &str) -> anyhow::Result<String> {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_body(res).await?;
    Ok(body
        .fields
        .first(field)
        .map(|m| m.key.to_string())
        .unwrap_or_default())
}

async fn log_in_with_password(
    app: &TestApp,
    username: &str,
    password: &str,
) -> anyhow::Result<StatusCode> {
    let client = browser();
    let login = app.login_of(username);
    let c = challenge(&client, &app.url(""), username).await?;
    let code = login.card.code(c.position).printed();
    Ok(login_with(
        &client,
        &app.url(""),
        &c.challenge_id,
        username,
        password,
        &code,
    )
    .await?
    .status())
}

async fn a_password_change_checks_the_rules_and_ends_other_sessions(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let here = app.signed_in("margery").await?;
    let elsewhere = app.signed_in("margery").await?;
    let demo = app.login_of("margery").password.clone();

    let res = change_password(&here, &app, "niet mijn wachtwoord", NEW_PASSWORD).await?;
    assert_eq!(
        first_field_error(res, "current_password").await?,
        "account.current_password_wrong"
    );
    for (new, key) in [
        ("kort", "password.too_short"),
        ("password123", "password.common"),
        ("qwertyuiop", "password.common"),
        ("Margery houdt van de zee", "password.contains_name"),
        ("mijn inzage wachtwoord", "password.contains_name"),
    ] {
        let res = change_password(&here, &app, &demo, new).await?;
        assert_eq!(first_field_error(res, "new_password").await?, key, "{new}");
    }
    assert_eq!(
        log_in_with_password(&app, "margery", &demo).await?,
        StatusCode::OK
    );

    let res = change_password(&here, &app, &demo, NEW_PASSWORD).await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(status_of_me(&here, &app).await?, StatusCode::OK);
    assert_eq!(
        status_of_me(&elsewhere, &app).await?,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        log_in_with_password(&app, "margery", &demo).await?,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        log_in_with_password(&app, "margery", NEW_PASSWORD).await?,
        StatusCode::OK
    );
    Ok(())
}

async fn request_reset(app: &TestApp, username: &str) -> anyhow::Result<Acknowledgement> {
    let res = browser()
        .post(app.url("/api/v1/password-reset"))
        .json(&json!({ "username": username }))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    Ok(res.json().await?)
}

async fn reset_challenge(app: &TestApp, token: &str) -> anyhow::Result<reqwest::Response> {
    Ok(browser()
        .post(app.url("/api/v1/password-reset/challenge"))
        .json(&json!({ "token": token }))
        .send()
        .await?)
}

async fn complete_reset(
    app: &TestApp,
    token: &str,
    c: &ResetChallenge,
    code: &str,
    new: &str,
) -> anyhow::Result<reqwest::Response> {
    Ok(browser()
        .post(app.url("/api/v1/password-reset/complete"))
        .json(&json!({
            "token": token, "challenge_id": c.challenge_id, "code": code, "new_password": new
        }))
        .send()
        .await?)
}

async fn a_reset_link_needs_the_card_works_once_and_expires(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.login_of("margery").clone();
    let session = app.signed_in("margery").await?;
    request_reset(&app, "margery").await?;
    let mails = app.mails(1).await?;
    assert_eq!(mails.len(), 1);
    let (to, subject, body) = &mails[0];
    assert_eq!(to, "margery@demo.inzage.example");
    assert_eq!(subject, "Kies een nieuw wachtwoord");
    assert!(body.contains("/wachtwoord/nieuw?token="), "{body}");
    let token = token_in(body).unwrap();
    assert_eq!(token.len(), 43);

    // The e-mail alone is not enough: a wrong code is refused like a wrong login.
    let c: ResetChallenge = reset_challenge(&app, &token).await?.json().await?;
    let res = complete_reset(
        &app,
        &token,
        &c,
        &wrong_code(&margery, c.position),
        NEW_PASSWORD,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // The rules of a new password hold here too.
    let c: ResetChallenge = reset_challenge(&app, &token).await?.json().await?;
    let right = margery.card.code(c.position).printed();
    let res = complete_reset(&app, &token, &c, &right, "welkom01").await?;
    assert_eq!(
        first_field_error(res, "new_password").await?,
        "password.common"
    );

    let c: ResetChallenge = reset_challenge(&app, &token).await?.json().await?;
    let right = margery.card.code(c.position).printed();
    let res = complete_reset(&app, &token, &c, &right, NEW_PASSWORD).await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        status_of_me(&session, &app).await?,
        StatusCode::UNAUTHORIZED,
        "sessions end"
    );
    assert_eq!(
        log_in_with_password(&app, "margery", NEW_PASSWORD).await?,
        StatusCode::OK
    );

    // Used once: the same link no longer works.
    let res = reset_challenge(&app, &token).await?;
    assert_eq!(
        first_field_error(res, "token").await?,
        "account.link_invalid"
    );

    // A new link expires after an hour.
    request_reset(&app, "margery").await?;
    let mails = app.mails(2).await?;
    let token = token_in(&mails[1].2).unwrap();
    app.clock.advance(time::Duration::minutes(61));
    let res = reset_challenge(&app, &token).await?;
    assert_eq!(
        first_field_error(res, "token").await?,
        "account.link_invalid"
    );
    Ok(())
}

async fn a_reset_request_answers_the_same_for_everyone(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let known = request_reset(&app, "margery").await?;
    let unknown = request_reset(&app, "niemand.bekend").await?;
    let by_number = request_reset(&app, "85.07.30-033.28").await?;
    let known_number = request_reset(&app, &insz_of(&app, "reyna").await?).await?;
    assert_eq!(known, known_number);
    assert_eq!(known, unknown);
    assert_eq!(known, by_number);
    // Only the existing account got a mail.
    let mails = app.mails(3).await?;
    assert_eq!(mails.len(), 2, "margery and reyna");
    let res = browser()
        .post(app.url("/api/v1/password-reset"))
        .json(&json!({ "username": "" }))
        .send()
        .await?;
    assert_eq!(
        first_field_error(res, "username").await?,
        "login.username.empty"
    );
    Ok(())
}

/// The codes printed in a card letter, by position, read from the PDF's text.
fn codes_in_letter(pdf: &[u8]) -> anyhow::Result<Vec<(u8, String)>> {
    let text = pdf_extract::extract_text_from_mem(pdf)?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut codes = Vec::new();
    for w in words.windows(3) {
        if let (Ok(position), true, true) = (
            w[0].parse::<u8>(),
            w[1].len() == 4 && w[1].chars().all(|c| c.is_ascii_digit()),
            w[2].len() == 4 && w[2].chars().all(|c| c.is_ascii_digit()),
        ) {
            if (1..=24).contains(&position) && !codes.iter().any(|(p, _)| *p == position) {
                codes.push((position, format!("{}{}", w[1], w[2])));
            }
        }
    }
    anyhow::ensure!(codes.len() == 24, "found {} codes in:\n{text}", codes.len());
    Ok(codes)
}

async fn log_in_with_codes(
    app: &TestApp,
    username: &str,
    password: &str,
    codes: &[(u8, String)],
) -> anyhow::Result<(reqwest::Client, StatusCode)> {
    let client = browser();
    let c: LoginChallengeResponse = challenge(&client, &app.url(""), username).await?;
    let code = codes
        .iter()
        .find(|(p, _)| *p == c.position.get())
        .map(|(_, c)| c.clone())
        .unwrap_or_default();
    let status = login_with(
        &client,
        &app.url(""),
        &c.challenge_id,
        username,
        password,
        &code,
    )
    .await?
    .status();
    Ok((client, status))
}

async fn blocking_the_card_ends_every_session_and_a_posted_card_takes_over(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.login_of("margery").clone();
    let password = margery.password.clone();
    let here = app.signed_in("margery").await?;
    let elsewhere = app.signed_in("margery").await?;

    // A new card by post while the old one still works: the old one works until the new one's
    // first use.
    let res = here
        .post(app.url("/api/v1/me/code-card/request"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert!(account(&here, &app).await?.card_on_its_way);
    assert_eq!(
        log_in_with_password(&app, "margery", &password).await?,
        StatusCode::OK
    );

    let staff = app.signed_in("ombuds").await?;
    let queue: Vec<StaffCardRequest> = staff
        .get(app.url("/api/v1/staff/code-cards"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].patient_name, "Margery Gibson");
    assert_eq!(queue[0].channel, "account");
    assert!(
        queue[0].postal_address.is_some(),
        "posted to the address the hospital holds"
    );
    let res = staff
        .get(app.url(&format!("/api/v1/staff/code-cards/{}/letter", queue[0].id)))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.bytes().await?;
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&pdf)?;
    assert!(text.contains("Uw persoonlijke codekaart"), "{text}");
    assert!(text.contains("Margery Gibson"));
    let new_codes = codes_in_letter(&pdf)?;
    // Posted: the letter (the only copy of the codes) is gone.
    let res = staff
        .post(app.url(&format!("/api/v1/staff/code-cards/{}/posted", queue[0].id)))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = staff
        .get(app.url(&format!("/api/v1/staff/code-cards/{}/letter", queue[0].id)))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(std::fs::read_dir(app.uploads_dir().join("code-cards"))?
        .next()
        .is_none());

    // Lost: blocking ends every session at once, and the cards stop working.
    let res = here
        .post(app.url("/api/v1/me/code-card/block"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(status_of_me(&here, &app).await?, StatusCode::UNAUTHORIZED);
    assert_eq!(
        status_of_me(&elsewhere, &app).await?,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        log_in_with_password(&app, "margery", &password).await?,
        StatusCode::UNAUTHORIZED
    );
    let (_, status) = log_in_with_codes(&app, "margery", &password, &new_codes).await?;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the card on its way was blocked too"
    );

    // A new card, online: number and address, confirmed by the link; the password stays.
    let res = browser()
        .post(app.url("/api/v1/code-card-requests"))
        .json(&json!({"national_number": insz_of(&app, "margery").await?, "email": "margery@example.org"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let mails = app.mails(1).await?;
    let (to, _, body) = mails.last().unwrap();
    assert_eq!(to, "margery@example.org");
    let token = token_in(body).unwrap();
    let confirm = |token: String| {
        let app_url = app.url("/api/v1/code-card-requests/confirm");
        async move {
            browser()
                .post(app_url)
                .json(&json!({ "token": token }))
                .send()
                .await
        }
    };
    assert_eq!(confirm(token.clone()).await?.status(), StatusCode::OK);
    assert_eq!(
        confirm(token).await?.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a link works once"
    );
    let queue: Vec<StaffCardRequest> = staff
        .get(app.url("/api/v1/staff/code-cards"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].channel, "online");
    let pdf = staff
        .get(app.url(&format!("/api/v1/staff/code-cards/{}/letter", queue[0].id)))
        .send()
        .await?
        .bytes()
        .await?;
    let codes = codes_in_letter(&pdf)?;
    let (client, status) = log_in_with_codes(&app, "margery", &password, &codes).await?;
    assert_eq!(
        status,
        StatusCode::OK,
        "the new card works with the old password"
    );
    assert!(
        !account(&client, &app).await?.card_on_its_way,
        "its first use activated it"
    );

    // The patient's audit trail shows what happened to the card.
    let audit: serde_json::Value = client
        .get(app.url(&format!("/api/v1/records/{}/audit", app.id_of("margery"))))
        .send()
        .await?
        .json()
        .await?;
    let resources: Vec<&str> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["resource"].as_str())
        .collect();
    for r in [
        "code_card/requested",
        "code_card/posted",
        "code_card/blocked",
    ] {
        assert!(resources.contains(&r), "{r} in {resources:?}");
    }
    Ok(())
}

async fn an_unknown_number_gets_the_same_answer_and_no_card(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let ask = |number: &'static str| {
        let url = app.url("/api/v1/code-card-requests");
        async move {
            browser()
                .post(url)
                .json(&json!({"national_number": number, "email": "iemand@example.org"}))
                .send()
                .await
        }
    };
    let res = ask("85.07.30-033.29").await?;
    assert_eq!(
        first_field_error(res, "national_number").await?,
        "insz.invalid_checksum"
    );
    let res = ask("111222333").await?;
    assert_eq!(
        first_field_error(res, "national_number").await?,
        "account.card_needs_belgian_number"
    );
    // A valid number nobody in the portal has.
    let res = ask("90.02.01-997.04").await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let ack: Acknowledgement = res.json().await?;
    assert_eq!(ack.message.key, "account.card_request_sent");
    let mails = app.mails(1).await?;
    let token = token_in(&mails[0].2).unwrap();
    let res = browser()
        .post(app.url("/api/v1/code-card-requests/confirm"))
        .json(&json!({ "token": token }))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let ack: Acknowledgement = res.json().await?;
    assert_eq!(ack.message.key, "account.card_request_confirmed");
    let staff = app.signed_in("ombuds").await?;
    let queue: Vec<StaffCardRequest> = staff
        .get(app.url("/api/v1/staff/code-cards"))
        .send()
        .await?
        .json()
        .await?;
    assert!(queue.is_empty());
    Ok(())
}

async fn lookup(
    staff: &reqwest::Client,
    app: &TestApp,
    name: &str,
) -> anyhow::Result<reqwest::Response> {
    Ok(staff
        .post(app.url("/api/v1/staff/accounts/lookup"))
        .json(&json!({ "username": name }))
        .send()
        .await?)
}

async fn the_desk_prints_a_card_and_the_helpdesk_unlocks(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let staff = app.signed_in("ombuds").await?;
    let patient = app.signed_in("margery").await?;
    // Patients are not staff.
    assert_eq!(
        lookup(&patient, &app, "margery").await?.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        patient
            .post(app.url(&format!(
                "/api/v1/staff/patients/{}/code-card",
                app.id_of("margery")
            )))
            .send()
            .await?
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        lookup(&staff, &app, "niemand").await?.status(),
        StatusCode::NOT_FOUND
    );
    let insz = insz_of(&app, "margery").await?;
    let found: HelpdeskAccount = lookup(&staff, &app, &insz).await?.json().await?;
    assert_eq!(found.display_name, "Margery Gibson");
    assert_eq!(found.sessions, 1);
    assert!(found.has_card && !found.disabled && found.locked_until.is_none());

    // Five wrong answers lock the account; the helpdesk sees it and lifts it.
    let margery = app.login_of("margery").clone();
    for _ in 0..5 {
        let client = browser();
        let c = challenge(&client, &app.url(""), "margery").await?;
        login_with(
            &client,
            &app.url(""),
            &c.challenge_id,
            "margery",
            &margery.password,
            &wrong_code(&margery, c.position),
        )
        .await?;
    }
    let res = answer_rightly(&browser(), &app.url(""), &margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    let found: HelpdeskAccount = lookup(&staff, &app, "margery").await?.json().await?;
    assert!(found.locked_until.is_some());
    assert_eq!(found.failures, 5);
    let account_id = found.account_id.clone().unwrap();
    let res = staff
        .post(app.url(&format!("/api/v1/staff/accounts/{account_id}/unlock")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = answer_rightly(&browser(), &app.url(""), &margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::OK);

    // A card printed at the desk: the PDF is the only copy, and the card works from its first use.
    let res = staff
        .post(app.url(&format!(
            "/api/v1/staff/patients/{}/code-card",
            app.id_of("margery")
        )))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let pdf = res.bytes().await?;
    let codes = codes_in_letter(&pdf)?;
    let (_, status) = log_in_with_codes(&app, "margery", &margery.password, &codes).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        log_in_with_password(&app, "margery", &margery.password).await?,
        StatusCode::UNAUTHORIZED,
        "the new card's first use ended the old one"
    );
    assert!(
        staff
            .get(app.url("/api/v1/staff/code-cards"))
            .send()
            .await?
            .json::<Vec<StaffCardRequest>>()
            .await?
            .is_empty(),
        "a desk card is not posted"
    );
    Ok(())
}

async fn failures_count_per_account_across_its_names(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.login_of("margery").clone();
    // Margery logs in as `margery`, by national number and by record number: five wrong answers
    // spread over her names lock all of them.
    let patient = app.store.patient(&app.id_of("margery")).await?.unwrap();
    let names = [
        "margery".to_owned(),
        patient.insz.clone().unwrap(),
        patient
            .record_number
            .clone()
            .unwrap_or_else(|| "margery".into()),
    ];
    for i in 0..5 {
        let name = &names[i % names.len()];
        let client = browser();
        let c = challenge(&client, &app.url(""), name).await?;
        let res = login_with(
            &client,
            &app.url(""),
            &c.challenge_id,
            name,
            &margery.password,
            &wrong_code(&margery, c.position),
        )
        .await?;
        assert!(res.status() == StatusCode::UNAUTHORIZED || res.status() == StatusCode::LOCKED);
    }
    for name in &names {
        let res = answer_rightly(&browser(), &app.url(""), &margery, name).await?;
        assert_eq!(res.status(), StatusCode::LOCKED, "{name}");
    }
    app.clock.advance(time::Duration::minutes(16));
    let res = answer_rightly(&browser(), &app.url(""), &margery, &names[1]).await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn one_address_guessing_many_accounts_is_locked(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    // Thirty wrong guesses from one address, each for a different (unknown) account, so no
    // account reaches its own limit.
    for i in 0..30 {
        let name = format!("gast.{i}");
        let client = browser();
        let c = challenge(&client, &app.url(""), &name).await?;
        let res = login_with(
            &client,
            &app.url(""),
            &c.challenge_id,
            &name,
            "geraden",
            "1234 5678",
        )
        .await?;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "guess {i}");
    }
    let margery = app.login_of("margery").clone();
    let res = answer_rightly(&browser(), &app.url(""), &margery, "margery").await?;
    assert_eq!(
        res.status(),
        StatusCode::LOCKED,
        "the address is locked, for every account"
    );
    app.clock.advance(time::Duration::minutes(16));
    let res = answer_rightly(&browser(), &app.url(""), &margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn a_hundred_failures_disable_the_login_until_the_helpdesk(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let reyna = app.login_of("reyna").clone();
    let mut wrong_answers = 0;
    loop {
        let client = browser();
        let c = challenge(&client, &app.url(""), "reyna").await?;
        let res = login_with(
            &client,
            &app.url(""),
            &c.challenge_id,
            "reyna",
            &reyna.password,
            &wrong_code(&reyna, c.position),
        )
        .await?;
        match res.status() {
            StatusCode::UNAUTHORIZED => wrong_answers += 1,
            StatusCode::LOCKED => {
                let body = error_body(res).await?;
                if body.error == "disabled" {
                    break;
                }
                wrong_answers += 1;
                // Wait out the lock (and the address's).
                app.clock.advance(time::Duration::minutes(16));
            }
            other => panic!("unexpected {other}"),
        }
        assert!(wrong_answers <= 110, "never disabled");
    }
    assert!(
        wrong_answers >= 95,
        "disabled after {wrong_answers} wrong answers"
    );
    // Even the right answer, a day later, is refused now.
    app.clock.advance(time::Duration::days(1));
    let res = answer_rightly(&browser(), &app.url(""), &reyna, "reyna").await?;
    assert_eq!(error_body(res).await?.error, "disabled");
    let staff = app.signed_in("ombuds").await?;
    let found: HelpdeskAccount = lookup(&staff, &app, "reyna").await?.json().await?;
    assert!(found.disabled);
    staff
        .post(app.url(&format!(
            "/api/v1/staff/accounts/{}/unlock",
            found.account_id.unwrap()
        )))
        .send()
        .await?;
    let res = answer_rightly(&browser(), &app.url(""), &reyna, "reyna").await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn single_use_codes_are_asked_once(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn_with(db, |c| {
        c.network.code_card = CodeCardMode::SingleUse { renew_at: 4 };
    })
    .await?;
    let margery = app.login_of("margery").clone();
    let mut asked = std::collections::BTreeSet::new();
    let mut last = None;
    for _ in 0..20 {
        let client = browser();
        let c = challenge(&client, &app.url(""), "margery").await?;
        assert!(
            asked.insert(c.position.get()),
            "position {} asked twice",
            c.position.get()
        );
        let code = margery.card.code(c.position).printed();
        let res = login_with(
            &client,
            &app.url(""),
            &c.challenge_id,
            "margery",
            &margery.password,
            &code,
        )
        .await?;
        assert_eq!(res.status(), StatusCode::OK);
        last = Some(client);
    }
    let view = account(&last.unwrap(), &app).await?;
    assert_eq!(view.codes_left, 4);
    assert!(view.offers_new_card);
    assert_eq!(view.code_card_mode, CodeCardMode::SingleUse { renew_at: 4 });
    Ok(())
}

async fn requests_from_other_sites_are_refused(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let res = client
        .post(app.url("/api/v1/me/sessions/end-all"))
        .header("origin", "https://evil.example")
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_body(res).await?.error, "cross_site");
    let res = client
        .post(app.url("/api/v1/me/code-card/block"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        status_of_me(&client, &app).await?,
        StatusCode::OK,
        "nothing happened"
    );
    // Reading is not a state change; the portal's own pages are same-origin.
    let res = client
        .get(app.url("/api/v1/me"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let res = client
        .put(app.url("/api/v1/me/language"))
        .header("origin", app.url(""))
        .header("sec-fetch-site", "same-origin")
        .json(&json!({"language": "fr"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn usernames_and_email_addresses_change(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let put = |path: &'static str, body: serde_json::Value| {
        let req = client.put(app.url(path)).json(&body);
        async move { req.send().await }
    };
    let res = put("/api/v1/me/username", json!({"username": "reyna"})).await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(error_body(res).await?.message.key, "account.username_taken");
    let res = put("/api/v1/me/username", json!({"username": "1234567"})).await?;
    assert_eq!(
        first_field_error(res, "username").await?,
        "account.username_is_a_number"
    );
    let res = put("/api/v1/me/username", json!({"username": "Margery.G"})).await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let margery = app.login_of("margery").clone();
    let res = answer_rightly(&browser(), &app.url(""), &margery, "margery.g").await?;
    assert_eq!(res.status(), StatusCode::OK);

    let res = put("/api/v1/me/email", json!({"email": "geen adres"})).await?;
    assert!(!first_field_error(res, "email").await?.is_empty());
    let res = put("/api/v1/me/email", json!({"email": "margery@example.org"})).await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    // Not used before it is confirmed.
    let view = account(&client, &app).await?;
    assert_eq!(view.email.as_deref(), Some("margery@demo.inzage.example"));
    let mails = app.mails(1).await?;
    let (to, _, body) = mails.last().unwrap();
    assert_eq!(to, "margery@example.org");
    let res = browser()
        .post(app.url("/api/v1/email/confirm"))
        .json(&json!({ "token": token_in(body).unwrap() }))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let view = account(&client, &app).await?;
    assert_eq!(view.email.as_deref(), Some("margery@example.org"));
    assert!(view.email_confirmed);
    Ok(())
}

async fn new_terms_are_accepted_before_anything_else(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn_with(db, |c| c.network.terms_version = "2027-01".into()).await?;
    let patient = app.signed_in("margery").await?;
    let me: inzage_domain::wire::Me = patient
        .get(app.url("/api/v1/me"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(me.terms_to_accept.as_deref(), Some("2027-01"));
    let res = patient.get(app.url("/api/v1/reports")).send().await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_body(res).await?.error, "terms_not_accepted");
    // Care providers accept theirs with their employer, not here.
    let doctor = app.signed_in("dr.gleason").await?;
    let me: inzage_domain::wire::Me = doctor
        .get(app.url("/api/v1/me"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(me.terms_to_accept, None);
    assert_eq!(
        doctor
            .get(app.url("/api/v1/provider/patients"))
            .send()
            .await?
            .status(),
        StatusCode::OK
    );
    let terms: inzage_domain::account::Terms = browser()
        .get(app.url("/api/v1/terms"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(terms.version, "2027-01");
    assert!(terms.helpdesk_phone.is_some());
    let res = patient
        .put(app.url("/api/v1/me/terms"))
        .json(&json!({"version": "2026-11"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::CONFLICT, "an out-of-date page");
    let res = patient
        .put(app.url("/api/v1/me/terms"))
        .json(&json!({"version": "2027-01"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let me: inzage_domain::wire::Me = res.json().await?;
    assert_eq!(me.terms_to_accept, None);
    assert_eq!(
        patient
            .get(app.url("/api/v1/reports"))
            .send()
            .await?
            .status(),
        StatusCode::OK
    );
    Ok(())
}

async fn a_suspended_person_learns_why_only_after_answering_rightly(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let staff = app.signed_in("ombuds").await?;
    let patient = app.signed_in("margery").await?;
    let found: HelpdeskAccount = lookup(&staff, &app, "margery").await?.json().await?;
    let account_id = found.account_id.unwrap();
    let suspend = |client: &reqwest::Client, reason: &str| {
        client
            .post(app.url(&format!("/api/v1/staff/accounts/{account_id}/suspend")))
            .json(&json!({ "reason": reason }))
            .send()
    };
    assert_eq!(
        suspend(&patient, "zomaar").await?.status(),
        StatusCode::FORBIDDEN,
        "only staff suspend"
    );
    assert_eq!(
        first_field_error(suspend(&staff, "  ").await?, "reason").await?,
        "account.suspension_reason_empty"
    );
    let reason = "Herhaald misbruik van de berichtenfunctie";
    assert_eq!(
        suspend(&staff, reason).await?.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        status_of_me(&patient, &app).await?,
        StatusCode::UNAUTHORIZED,
        "sessions end"
    );

    // A guesser learns nothing: a wrong answer is just wrong.
    let margery = app.login_of("margery").clone();
    let client = browser();
    let c = challenge(&client, &app.url(""), "margery").await?;
    let res = login_with(
        &client,
        &app.url(""),
        &c.challenge_id,
        "margery",
        &margery.password,
        &wrong_code(&margery, c.position),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // The person herself reads why, and whom to contact.
    let res = answer_rightly(&browser(), &app.url(""), &margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body = error_body(res).await?;
    assert_eq!(body.error, "suspended");
    let text = body.text.unwrap_or_default();
    assert!(
        text.contains(reason) && text.contains("+32 16 00 00 99"),
        "{text}"
    );
    let found: HelpdeskAccount = lookup(&staff, &app, "margery").await?.json().await?;
    assert_eq!(found.suspended_reason.as_deref(), Some(reason));

    let res = staff
        .post(app.url(&format!("/api/v1/staff/accounts/{account_id}/resume")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = answer_rightly(&browser(), &app.url(""), &margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn anonymous_requests_are_limited_per_address_and_mails_per_account(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let reset = |client: reqwest::Client| {
        let url = app.url("/api/v1/password-reset");
        async move {
            client
                .post(url)
                .json(&json!({"username": "margery"}))
                .send()
                .await
        }
    };
    let here = browser_from([127, 0, 0, 2]);
    for i in 0..10 {
        let res = reset(here.clone()).await?;
        assert_eq!(res.status(), StatusCode::ACCEPTED, "request {i}");
    }
    let res = reset(here.clone()).await?;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = res.headers()["retry-after"].to_str()?.parse()?;
    assert!((1..=3600).contains(&wait), "{wait}");
    assert_eq!(error_body(res).await?.error, "too_many_requests");
    // Another address is not held up, but the account got no more than three mails.
    let res = reset(browser_from([127, 0, 0, 3])).await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.mails(4).await?.len(), 3);
    // An hour later the address may ask again.
    app.clock.advance(time::Duration::minutes(61));
    assert_eq!(reset(here).await?.status(), StatusCode::ACCEPTED);

    let card = |client: reqwest::Client, email: String| {
        let url = app.url("/api/v1/code-card-requests");
        async move {
            client
                .post(url)
                .json(&json!({"national_number": "90.02.01-997.04", "email": email}))
                .send()
                .await
        }
    };
    let there = browser_from([127, 0, 0, 4]);
    for i in 0..10 {
        let res = card(there.clone(), format!("iemand.{i}@example.org")).await?;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
    }
    let res = card(there, "nog.iemand@example.org".into()).await?;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    Ok(())
}

/// Behind the hospital's reverse proxy every request comes from the proxy's address: the
/// address `X-Forwarded-For` names is the client's, for the limits and the audit trail, but only
/// when the proxy is trusted (`INZAGE_TRUSTED_PROXIES`); anyone else's header is ignored.
async fn behind_a_trusted_proxy_each_client_has_its_own_limits_and_trail(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn_with(db, |c| {
        c.trusted_proxies = vec!["127.0.0.5/32".parse().expect("a network")];
    })
    .await?;
    let reset = |client: reqwest::Client, forwarded: &'static str| {
        let url = app.url("/api/v1/password-reset");
        async move {
            client
                .post(url)
                .header("x-forwarded-for", forwarded)
                .json(&json!({"username": "reyna"}))
                .send()
                .await
                .map(|r| r.status())
        }
    };
    let proxy = browser_from([127, 0, 0, 5]);
    for i in 0..10 {
        // A client's own first hop, which it could have written itself, does not matter.
        let forwarded = if i % 2 == 0 {
            "203.0.113.7"
        } else {
            "198.51.100.1, 203.0.113.7"
        };
        assert_eq!(
            reset(proxy.clone(), forwarded).await?,
            StatusCode::ACCEPTED,
            "{i}"
        );
    }
    assert_eq!(
        reset(proxy.clone(), "203.0.113.7").await?,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another client behind the same proxy is not held up.
    assert_eq!(
        reset(proxy.clone(), "203.0.113.8").await?,
        StatusCode::ACCEPTED
    );
    // A client that is not the proxy cannot pick its address with the header.
    let stranger = browser_from([127, 0, 0, 6]);
    for i in 0..10 {
        assert_eq!(
            reset(stranger.clone(), "203.0.113.9").await?,
            StatusCode::ACCEPTED,
            "{i}"
        );
    }
    assert_eq!(
        reset(stranger, "203.0.113.10").await?,
        StatusCode::TOO_MANY_REQUESTS
    );

    // The trail names the client the proxy saw.
    let margery = app.id_of("margery");
    let login = app.login_of("margery");
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .local_address(std::net::IpAddr::from([127, 0, 0, 5]))
        .default_headers(
            [(
                reqwest::header::HeaderName::from_static("x-forwarded-for"),
                reqwest::header::HeaderValue::from_static("192.0.2.44"),
            )]
            .into_iter()
            .collect(),
        )
        .build()?;
    let res = inzage_tests::answer_rightly(&client, &app.url(""), login, "margery").await?;
    assert!(res.status().is_success(), "{}", res.status());
    let res = client
        .get(app.url(&format!("/api/v1/records/{margery}/reports")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let (client,): (Option<String>,) = sqlx::query_as(
        "SELECT client FROM audit_log WHERE patient_id = $1 AND action = 'read' \
         AND resource = 'reports' ORDER BY seq DESC LIMIT 1",
    )
    .bind(&margery)
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(client.as_deref(), Some("192.0.2.44"));
    Ok(())
}

async fn the_lock_follows_the_account_across_addresses(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.login_of("margery").clone();
    let guesser = browser_from([127, 0, 0, 2]);
    for _ in 0..5 {
        let c = challenge(&guesser, &app.url(""), "margery").await?;
        login_with(
            &guesser,
            &app.url(""),
            &c.challenge_id,
            "margery",
            &margery.password,
            &wrong_code(&margery, c.position),
        )
        .await?;
    }
    // Margery herself, elsewhere, is held by the same lock: it is the account's.
    let res = answer_rightly(
        &browser_from([127, 0, 0, 3]),
        &app.url(""),
        &margery,
        "margery",
    )
    .await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    app.clock.advance(time::Duration::minutes(16));

    // Thirty wrong answers from one address lock that address only.
    let sprayer = browser_from([127, 0, 0, 4]);
    for i in 0..30 {
        let name = format!("gast.{i}");
        let c = challenge(&sprayer, &app.url(""), &name).await?;
        login_with(
            &sprayer,
            &app.url(""),
            &c.challenge_id,
            &name,
            "geraden",
            "1234 5678",
        )
        .await?;
    }
    let reyna = app.login_of("reyna").clone();
    let res = answer_rightly(&sprayer, &app.url(""), &reyna, "reyna").await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    let res = answer_rightly(&browser_from([127, 0, 0, 5]), &app.url(""), &reyna, "reyna").await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn hsts_is_sent_only_behind_tls(db: Db) -> anyhow::Result<()> {
    let plain = TestApp::spawn(db).await?;
    let res = browser().get(plain.url("/api/v1/health")).send().await?;
    assert!(res.headers().get("strict-transport-security").is_none());
    let tls = TestApp::spawn_with(db, |c| c.secure_cookies = true).await?;
    let res = browser().get(tls.url("/api/v1/health")).send().await?;
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=63072000; includeSubDomains"
    );
    assert!(res.headers()["content-security-policy"]
        .to_str()?
        .contains("frame-ancestors 'none'"));
    Ok(())
}

//! Passkeys: added after a code card login, then used with the password instead of the card;
//! the same counting and locks as the card; bound to the account and the challenge; removed ones
//! stop working; nobody else can remove yours.
//!
//! webauthn-authenticator-rs's software passkey plays the browser and its authenticator. It
//! cannot keep resident keys, so the test asks it for an ordinary credential and names it in the
//! allow list at login, where a browser's passkey is found through the empty allow list; the
//! Chromium end-to-end test covers that path with a resident key.

use inzage_domain::account::AccountView;
use inzage_domain::passkey::{
    PasskeyInfo, PasskeyLoginRequest, PasskeyRegistrationFinish, PasskeyRegistrationStart,
    PublicKeyCredential, RequestChallengeResponse,
};
use inzage_domain::wire::{LoginChallengeResponse, Me};
use inzage_tests::{browser, challenge, Db, TestApp};
use reqwest::StatusCode;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_rs_proto::AllowCredentials;

use super::error_body;

on_both_backends!(
    a_passkey_added_after_login_replaces_the_card,
    a_wrong_password_with_a_valid_passkey_counts_as_a_failure,
    an_assertion_is_bound_to_its_account_and_challenge,
    a_removed_passkey_no_longer_logs_in_and_only_its_owner_removes_it,
);

/// The origin the portal's passkeys belong to: a server known only by its loopback address is
/// the relying party `localhost`.
fn origin(app: &TestApp) -> anyhow::Result<url::Url> {
    Ok(url::Url::parse(&format!(
        "http://localhost:{}",
        app.addr.port()
    ))?)
}

/// A person's software authenticator with the credential it made.
struct Authenticator {
    soft: SoftPasskey,
    credential_id: Vec<u8>,
}

/// Adds a passkey named `name` to the logged-in client's account.
async fn add_passkey(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
) -> anyhow::Result<(Authenticator, PasskeyInfo)> {
    let res = client
        .post(app.url("/api/v1/me/passkeys/register/start"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let start: PasskeyRegistrationStart = res.json().await?;
    let mut options = start.options;
    let selection = options
        .public_key
        .authenticator_selection
        .as_mut()
        .ok_or_else(|| anyhow::anyhow!("no authenticator selection"))?;
    assert!(selection.require_resident_key, "the portal asks a passkey");
    // The software authenticator keeps no resident keys (see the module's documentation).
    selection.require_resident_key = false;
    let mut soft = SoftPasskey::new(true);
    let credential = soft
        .do_registration(origin(app)?, options)
        .map_err(|e| anyhow::anyhow!("registration: {e:?}"))?;
    let credential_id = credential.raw_id.to_vec();
    let res = client
        .post(app.url("/api/v1/me/passkeys/register/finish"))
        .json(&PasskeyRegistrationFinish {
            ceremony_id: start.ceremony_id,
            name: name.to_owned(),
            credential,
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok((
        Authenticator {
            soft,
            credential_id,
        },
        res.json().await?,
    ))
}

/// What the browser does with the login's passkey options.
fn sign(
    app: &TestApp,
    authenticator: &mut Authenticator,
    options: &RequestChallengeResponse,
) -> anyhow::Result<PublicKeyCredential> {
    let mut options = options.clone();
    assert!(
        options.public_key.allow_credentials.is_empty(),
        "the same empty allow list for everyone"
    );
    options.public_key.allow_credentials = vec![AllowCredentials {
        type_: "public-key".to_owned(),
        id: authenticator.credential_id.clone(),
        transports: None,
    }];
    authenticator
        .soft
        .do_authentication(origin(app)?, options)
        .map_err(|e| anyhow::anyhow!("authentication: {e:?}"))
}

fn options(c: &LoginChallengeResponse) -> anyhow::Result<&RequestChallengeResponse> {
    c.passkey
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("the challenge offers no passkey"))
}

async fn passkey_login(
    app: &TestApp,
    client: &reqwest::Client,
    challenge_id: &str,
    username: &str,
    password: &str,
    credential: PublicKeyCredential,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url("/api/v1/login/passkey"))
        .json(&PasskeyLoginRequest {
            challenge_id: challenge_id.to_owned(),
            username: username.to_owned(),
            password: password.to_owned(),
            credential,
        })
        .send()
        .await?)
}

/// A full login with password and passkey; returns the response.
async fn log_in_with_passkey(
    app: &TestApp,
    client: &reqwest::Client,
    username: &str,
    password: &str,
    authenticator: &mut Authenticator,
) -> anyhow::Result<reqwest::Response> {
    let c = challenge(client, &app.url(""), username).await?;
    let credential = sign(app, authenticator, options(&c)?)?;
    passkey_login(app, client, &c.challenge_id, username, password, credential).await
}

async fn account(app: &TestApp, client: &reqwest::Client) -> anyhow::Result<AccountView> {
    let res = client.get(app.url("/api/v1/me/account")).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(res.json().await?)
}

async fn a_passkey_added_after_login_replaces_the_card(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let card_session = app.signed_in("margery").await?;
    let (mut authenticator, info) = add_passkey(&app, &card_session, "telefoon").await?;
    assert_eq!(info.name, "telefoon");
    assert_eq!(info.last_used_at, None);
    let listed = account(&app, &card_session).await?.passkeys;
    assert_eq!(listed, vec![info.clone()]);

    // A bad name is refused beside its field, before any ceremony is spent.
    let res = card_session
        .post(app.url("/api/v1/me/passkeys/register/finish"))
        .json(&serde_json::json!({
            "ceremony_id": "x", "name": "  ",
            "credential": serde_json::to_value(sign_up_dummy())?,
        }))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_body(res)
            .await?
            .fields
            .first("name")
            .map(|m| m.key.to_string()),
        Some("passkey.name.empty".to_owned())
    );

    let margery = app.login_of("margery");
    let client = browser();
    let res = log_in_with_passkey(
        &app,
        &client,
        "margery",
        &margery.password,
        &mut authenticator,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Me = res.json().await?;
    assert_eq!(me.record.as_deref(), Some(app.id_of("margery").as_str()));
    let view = account(&app, &client).await?;
    let current = view
        .sessions
        .iter()
        .find(|s| s.current)
        .ok_or_else(|| anyhow::anyhow!("no current session"))?;
    assert_eq!(current.method, "passkey");
    assert!(view.passkeys[0].last_used_at.is_some());
    assert!(client
        .get(app.url("/api/v1/reports"))
        .send()
        .await?
        .status()
        .is_success());

    // Blocking the card keeps the passkey; logging out everywhere ends passkey sessions too.
    let res = client
        .post(app.url("/api/v1/me/code-card/block"))
        .send()
        .await?;
    assert!(res.status().is_success(), "{}", res.status());
    let again = browser();
    let res = log_in_with_passkey(
        &app,
        &again,
        "margery",
        &margery.password,
        &mut authenticator,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(account(&app, &again).await?.passkeys.len(), 1);
    let res = again
        .post(app.url("/api/v1/me/sessions/end-all"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = again.get(app.url("/api/v1/me")).send().await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    Ok(())
}

/// A registration credential that answers no ceremony (for the name check, which comes first).
fn sign_up_dummy() -> serde_json::Value {
    serde_json::json!({
        "id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": { "attestationObject": "AAAA", "clientDataJSON": "AAAA" },
        "extensions": {}
    })
}

async fn a_wrong_password_with_a_valid_passkey_counts_as_a_failure(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let card_session = app.signed_in("margery").await?;
    let (mut authenticator, _) = add_passkey(&app, &card_session, "laptop").await?;
    let margery = app.login_of("margery");
    let client = browser();
    for attempt in 1..=5 {
        let res = log_in_with_passkey(
            &app,
            &client,
            "margery",
            "not her password at all",
            &mut authenticator,
        )
        .await?;
        let expected = if attempt < 5 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::LOCKED
        };
        assert_eq!(res.status(), expected, "attempt {attempt}");
    }
    // Locked: the right password and passkey are refused too, and so is the card.
    let res = log_in_with_passkey(
        &app,
        &client,
        "margery",
        &margery.password,
        &mut authenticator,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    let res = inzage_tests::answer_rightly(&client, &app.url(""), margery, "margery").await?;
    assert_eq!(res.status(), StatusCode::LOCKED);
    // After the lock, the right pair logs in.
    app.clock.advance(time::Duration::minutes(16));
    let res = log_in_with_passkey(
        &app,
        &client,
        "margery",
        &margery.password,
        &mut authenticator,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

async fn an_assertion_is_bound_to_its_account_and_challenge(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.login_of("margery");
    let reyna = app.login_of("reyna");
    let (mut margerys, _) = add_passkey(&app, &app.signed_in("margery").await?, "m").await?;
    let (mut reynas, _) = add_passkey(&app, &app.signed_in("reyna").await?, "r").await?;
    let client = browser();

    // Unknown names get the same kind of options.
    let unknown = challenge(&client, &app.url(""), "niemand.bekend").await?;
    assert!(options(&unknown)?.public_key.allow_credentials.is_empty());

    // Reyna's passkey with Margery's name and password.
    let c = challenge(&client, &app.url(""), "margery").await?;
    let credential = sign(&app, &mut reynas, options(&c)?)?;
    let res = passkey_login(
        &app,
        &client,
        &c.challenge_id,
        "margery",
        &margery.password,
        credential,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Margery's assertion over a challenge asked for Reyna, sent with Margery's own challenge.
    let for_reyna = challenge(&client, &app.url(""), "reyna").await?;
    let mine = challenge(&client, &app.url(""), "margery").await?;
    let credential = sign(&app, &mut margerys, options(&for_reyna)?)?;
    let res = passkey_login(
        &app,
        &client,
        &mine.challenge_id,
        "margery",
        &margery.password,
        credential.clone(),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // ... or with Reyna's challenge under Margery's name: the challenge is not hers.
    let res = passkey_login(
        &app,
        &client,
        &for_reyna.challenge_id,
        "margery",
        &margery.password,
        credential,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        error_body(res).await?.message.key,
        "login.challenge_invalid"
    );

    // A challenge serves once.
    let c = challenge(&client, &app.url(""), "reyna").await?;
    let credential = sign(&app, &mut reynas, options(&c)?)?;
    let res = passkey_login(
        &app,
        &client,
        &c.challenge_id,
        "reyna",
        &reyna.password,
        credential.clone(),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let res = passkey_login(
        &app,
        &client,
        &c.challenge_id,
        "reyna",
        &reyna.password,
        credential,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    Ok(())
}

async fn a_removed_passkey_no_longer_logs_in_and_only_its_owner_removes_it(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.login_of("margery");
    let card_session = app.signed_in("margery").await?;
    let (mut authenticator, info) = add_passkey(&app, &card_session, "telefoon").await?;
    let reyna = app.signed_in("reyna").await?;
    let res = reyna
        .delete(app.url(&format!("/api/v1/me/passkeys/{}", info.id)))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = log_in_with_passkey(
        &app,
        &browser(),
        "margery",
        &margery.password,
        &mut authenticator,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK, "Reyna removed nothing");

    let res = card_session
        .delete(app.url(&format!("/api/v1/me/passkeys/{}", info.id)))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(account(&app, &card_session).await?.passkeys.is_empty());
    let res = log_in_with_passkey(
        &app,
        &browser(),
        "margery",
        &margery.password,
        &mut authenticator,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    Ok(())
}

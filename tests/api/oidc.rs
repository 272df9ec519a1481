//! Logging in through an identity provider (OpenID Connect), against a real `oidc-provider`
//! started by the test: the success path, and every answer the portal must refuse.

use inzage_domain::wire::{IdentityKind, IdentityProviderInfo, Me};
use inzage_server::identity::IdentityProviders;
use inzage_tests::oidc::{free_port, OidcProvider};
use inzage_tests::{Db, TestApp};
use reqwest::{Client, StatusCode, Url};
use serde_json::json;

on_both_backends!(
    a_patient_logs_in_through_the_identity_provider,
    a_callback_works_once_and_only_in_the_browser_that_started,
    answers_that_do_not_verify_are_refused,
    a_person_without_an_account_is_refused_and_none_is_created,
    an_unreachable_provider_sends_back_to_the_login_page,
    a_deceased_patients_account_no_longer_logs_in,
);

const SECRET: &str = "inzage-test-secret";

/// A belgian national register number that belongs to no demo patient.
const STRANGER: &str = "90.02.01-997.04";

/// The identity file: eID (Belgian numbers in `egovNRN`) and DigiD (BSN in `bsn`) at the same
/// test provider, and one provider nobody listens for.
fn identity(issuer: &str, unreachable: u16) -> anyhow::Result<IdentityProviders> {
    IdentityProviders::parse(
        &format!(
            r#"
[[provider]]
id = "eid"
kind = "be-fas"
name = {{ nl = "Aanmelden met eID of itsme", fr = "Se connecter avec eID ou itsme", en = "Log in with eID or itsme" }}
issuer = "{issuer}"
client_id = "inzage"
client_secret_env = "TEST_SECRET"
national_number_claim = "egovNRN"
scopes = ["openid", "egovNRN"]

[[provider]]
id = "digid"
kind = "digid"
name = "DigiD"
issuer = "{issuer}"
client_id = "inzage-digid"
client_secret_env = "TEST_SECRET"
national_number_claim = "bsn"
scopes = ["openid", "bsn"]

[[provider]]
id = "down"
kind = "itsme"
name = "itsme"
issuer = "http://127.0.0.1:{unreachable}"
client_id = "inzage"
client_secret_env = "TEST_SECRET"
national_number_claim = "egovNRN"
"#
        ),
        |name| (name == "TEST_SECRET").then(|| SECRET.to_owned()),
    )
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The portal with the identity file, and the provider that knows the demo patients (and a
/// few people it should not let in), its ID tokens valid for 60 s.
async fn setup(db: Db) -> anyhow::Result<(TestApp, OidcProvider)> {
    let port = free_port()?;
    let issuer = format!("http://127.0.0.1:{port}");
    let down = free_port()?;
    let providers = identity(&issuer, down)?;
    let app = TestApp::spawn_with(db, |c| c.identity = providers).await?;
    // The provider signs with the real time; the portal's clock starts there.
    app.clock.set(time::OffsetDateTime::now_utc());
    let number = |user: &str| digits(app.login_of(user).national_number.as_deref().unwrap_or(""));
    let provider = OidcProvider::start(
        port,
        json!({
            "clients": [
                { "client_id": "inzage", "client_secret": SECRET,
                  "redirect_uris": [app.url("/api/v1/oidc/eid/callback")] },
                { "client_id": "inzage-digid", "client_secret": SECRET,
                  "redirect_uris": [app.url("/api/v1/oidc/digid/callback")] },
            ],
            "accounts": {
                "margery": { "name": "Margery Gibson", "egovNRN": number("margery") },
                "noor": { "name": "Noor Visser", "bsn": number("noor") },
                "stranger": { "name": "Someone Else", "egovNRN": digits(STRANGER) },
                "misprint": { "name": "A Misprint", "egovNRN": "85073003329" },
                "dutch-at-eid": { "name": "Dutch at eID", "egovNRN": number("noor") },
                "anonymous": { "name": "No Number" },
            },
            "scopes": { "egovNRN": ["egovNRN"], "bsn": ["bsn"] },
            "id_token_ttl": 60,
            "test_controls": true,
        }),
    )
    .await?;
    Ok((app, provider))
}

/// A browser that does not follow redirects, so each step can be checked.
fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_default()
}

fn location(res: &reqwest::Response) -> anyhow::Result<Url> {
    anyhow::ensure!(
        res.status() == StatusCode::SEE_OTHER || res.status() == StatusCode::FOUND,
        "{} answered {}, not a redirect",
        res.url(),
        res.status()
    );
    let to = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| anyhow::anyhow!("a redirect without a location"))?;
    Ok(res.url().join(to)?)
}

/// What the flow cookie's value is, from the start's answer.
fn flow_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("inzage_oidc="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

/// Goes through the provider as a browser would: the portal's start, the provider's login page,
/// the person chosen (none: cancel), until the provider sends the browser back. Returns the
/// callback URL, not yet visited, and the flow cookie.
async fn through_provider(
    client: &Client,
    app: &TestApp,
    provider: &str,
    account: Option<&str>,
) -> anyhow::Result<(Url, String)> {
    let start = client
        .get(app.url(&format!("/api/v1/oidc/{provider}/start")))
        .send()
        .await?;
    let cookie = flow_cookie(&start).ok_or_else(|| anyhow::anyhow!("no flow cookie"))?;
    let mut next = location(&start)?;
    for _ in 0..10 {
        if next.as_str().starts_with(&app.url("/api/v1/oidc/")) {
            return Ok((next, cookie));
        }
        let res = client.get(next.clone()).send().await?;
        if res.status() == StatusCode::OK && next.path().starts_with("/interaction/") {
            let page = res.text().await?;
            assert!(page.contains("Demo identity provider"), "{page}");
            let form: Vec<(&str, &str)> = match account {
                Some(a) => vec![("account", a)],
                None => vec![("cancel", "1")],
            };
            let posted = client
                .post(next.join(&format!("{}/login", next.path()))?)
                .form(&form)
                .send()
                .await?;
            next = location(&posted)?;
        } else {
            next = location(&res)?;
        }
    }
    anyhow::bail!("the provider never sent the browser back")
}

/// Visits the callback; returns where the portal sends the browser.
async fn callback(client: &Client, url: &Url) -> anyhow::Result<String> {
    let res = client.get(url.clone()).send().await?;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    Ok(to)
}

async fn me(client: &Client, app: &TestApp) -> anyhow::Result<Option<Me>> {
    let res = client.get(app.url("/api/v1/me")).send().await?;
    Ok(match res.status() {
        StatusCode::OK => Some(res.json().await?),
        StatusCode::UNAUTHORIZED => None,
        other => anyhow::bail!("/me answered {other}"),
    })
}

async fn log_in_as(
    app: &TestApp,
    provider: &str,
    account: Option<&str>,
) -> anyhow::Result<(Client, String)> {
    let client = browser();
    let (url, _) = through_provider(&client, app, provider, account).await?;
    let to = callback(&client, &url).await?;
    Ok((client, to))
}

async fn a_patient_logs_in_through_the_identity_provider(db: Db) -> anyhow::Result<()> {
    let (app, _provider) = setup(db).await?;

    let list: Vec<IdentityProviderInfo> = browser()
        .get(app.url("/api/v1/oidc/providers"))
        .send()
        .await?
        .json()
        .await?;
    let ids: Vec<&str> = list.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["eid", "digid", "down"]);
    assert_eq!(list[0].kind, IdentityKind::BeFas);
    assert_eq!(list[0].name.fr, "Se connecter avec eID ou itsme");
    assert_eq!(list[1].name.nl, "DigiD");

    // The start sends the browser to the provider with PKCE, state and nonce.
    let client = browser();
    let start = client.get(app.url("/api/v1/oidc/eid/start")).send().await?;
    let cookie = start
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("inzage_oidc="))
        .unwrap_or_default()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let to = location(&start)?;
    assert!(
        to.as_str()
            .starts_with(&format!("{}/auth?", _provider.issuer)),
        "{to}"
    );
    let params: std::collections::HashMap<String, String> = to.query_pairs().into_owned().collect();
    assert_eq!(params["code_challenge_method"], "S256");
    assert_eq!(params["client_id"], "inzage");
    assert_eq!(params["redirect_uri"], app.url("/api/v1/oidc/eid/callback"));
    assert!(params["scope"].split(' ').any(|s| s == "egovNRN"));
    assert!(params["state"].len() >= 16 && params["nonce"].len() >= 16);

    // Margery, with her Belgian number, lands logged in on the portal.
    let (client, to) = log_in_as(&app, "eid", Some("margery")).await?;
    assert_eq!(to, "/");
    let margery = me(&client, &app).await?.expect("a session");
    assert_eq!(margery.display_name, "Margery Gibson");
    let res = client.get(app.url("/api/v1/reports")).send().await?;
    assert_eq!(res.status(), StatusCode::OK);

    // Noor, Dutch, through DigiD with her BSN.
    let (client, to) = log_in_as(&app, "digid", Some("noor")).await?;
    assert_eq!(to, "/");
    assert_eq!(
        me(&client, &app).await?.map(|m| m.display_name).as_deref(),
        Some("Noor Visser")
    );

    // The session is the password login's: logout ends it on the server.
    let res = client.post(app.url("/api/v1/logout")).send().await?;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(me(&client, &app).await?.is_none());

    let res = browser()
        .get(app.url("/api/v1/oidc/nobody/start"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    Ok(())
}

async fn a_callback_works_once_and_only_in_the_browser_that_started(db: Db) -> anyhow::Result<()> {
    let (app, _provider) = setup(db).await?;
    let client = browser();
    let (url, cookie) = through_provider(&client, &app, "eid", Some("margery")).await?;

    // Another browser with the callback URL but without the flow cookie gets nothing, and does
    // not spoil the flow for the browser that started it.
    let other = browser();
    assert_eq!(callback(&other, &url).await?, "/inloggen?oidc_error=flow");
    assert!(me(&other, &app).await?.is_none());

    assert_eq!(callback(&client, &url).await?, "/");
    assert!(me(&client, &app).await?.is_some());

    // The same callback again, even with the flow cookie: the state was used.
    let replay = browser();
    let res = replay
        .get(url.clone())
        .header("cookie", format!("inzage_oidc={cookie}"))
        .send()
        .await?;
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/inloggen?oidc_error=flow")
    );
    assert!(me(&replay, &app).await?.is_none());

    // A flow not finished within ten minutes is over.
    let client = browser();
    let (url, _) = through_provider(&client, &app, "eid", Some("margery")).await?;
    app.clock.advance(time::Duration::minutes(11));
    assert_eq!(callback(&client, &url).await?, "/inloggen?oidc_error=flow");
    assert!(me(&client, &app).await?.is_none());
    Ok(())
}

async fn answers_that_do_not_verify_are_refused(db: Db) -> anyhow::Result<()> {
    let (app, provider) = setup(db).await?;
    let cases = [
        (
            "signed with a key the provider does not publish",
            json!({ "unpublished_key": true }),
        ),
        (
            "issued to another client",
            json!({ "aud": "another-portal" }),
        ),
        (
            "for another login (nonce)",
            json!({ "nonce": "not-the-nonce-we-sent" }),
        ),
    ];
    for (what, change) in cases {
        let client = browser();
        let (url, _) = through_provider(&client, &app, "eid", Some("margery")).await?;
        provider.next_token(change).await?;
        assert_eq!(
            callback(&client, &url).await?,
            "/inloggen?oidc_error=token",
            "an ID token {what}"
        );
        assert!(me(&client, &app).await?.is_none(), "{what}");
    }

    // Expired: the ID token lives 60 s; the portal's clock is 5 minutes on (the flow itself is
    // still valid).
    let client = browser();
    let (url, _) = through_provider(&client, &app, "eid", Some("margery")).await?;
    app.clock.advance(time::Duration::minutes(5));
    assert_eq!(callback(&client, &url).await?, "/inloggen?oidc_error=token");
    assert!(me(&client, &app).await?.is_none());

    // The control: the same steps, untouched, log in.
    app.clock.set(time::OffsetDateTime::now_utc());
    let (client, to) = log_in_as(&app, "eid", Some("margery")).await?;
    assert_eq!(to, "/");
    assert!(me(&client, &app).await?.is_some());
    Ok(())
}

async fn a_person_without_an_account_is_refused_and_none_is_created(db: Db) -> anyhow::Result<()> {
    let (app, _provider) = setup(db).await?;
    let accounts = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts")
            .fetch_one(app.store.pool())
            .await?;
        anyhow::Ok(n)
    };
    let before = accounts().await?;
    for (provider, account, expected) in [
        ("eid", Some("stranger"), "no_account"),
        ("eid", Some("misprint"), "number"),
        ("eid", Some("anonymous"), "number"),
        // A BSN where a Belgian number is expected.
        ("eid", Some("dutch-at-eid"), "number"),
        ("eid", None, "cancelled"),
    ] {
        let (client, to) = log_in_as(&app, provider, account).await?;
        assert_eq!(
            to,
            format!("/inloggen?oidc_error={expected}"),
            "{account:?} at {provider}"
        );
        assert!(me(&client, &app).await?.is_none());
    }
    assert_eq!(accounts().await?, before, "no account was created");
    Ok(())
}

async fn an_unreachable_provider_sends_back_to_the_login_page(db: Db) -> anyhow::Result<()> {
    let (app, _provider) = setup(db).await?;
    let res = browser()
        .get(app.url("/api/v1/oidc/down/start"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/inloggen?oidc_error=provider")
    );
    // A callback for a provider that was never started: no flow.
    let res = browser()
        .get(app.url("/api/v1/oidc/down/callback?code=x&state=y"))
        .send()
        .await?;
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/inloggen?oidc_error=flow")
    );
    Ok(())
}

/// Portal access ends at death for the patient's own account: the right answers, by code card
/// or by eID, give no session, and the person is told why and where relatives turn.
async fn a_deceased_patients_account_no_longer_logs_in(db: Db) -> anyhow::Result<()> {
    let (app, _provider) = setup(db).await?;
    let margery = app.id_of("margery");
    // The control: before the death, both work.
    let client = browser();
    inzage_tests::log_in(&client, &app.url(""), app.login_of("margery"), "margery").await?;
    let (_, to) = log_in_as(&app, "eid", Some("margery")).await?;
    assert_eq!(to, "/");

    sqlx::query("UPDATE patients SET deceased_at = '2026-11-20' WHERE id = $1")
        .bind(&margery)
        .execute(app.store.pool())
        .await?;
    let client = browser();
    let res =
        inzage_tests::answer_rightly(&client, &app.url(""), app.login_of("margery"), "margery")
            .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: inzage_domain::wire::ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "login.deceased");
    assert!(me(&client, &app).await?.is_none(), "no session");
    let (client, to) = log_in_as(&app, "eid", Some("margery")).await?;
    assert_eq!(to, "/inloggen?oidc_error=deceased");
    assert!(me(&client, &app).await?.is_none());
    // Nothing was deleted: her doctor still reads her record.
    let gp = app.signed_in("dr.gleason").await?;
    let res = gp
        .get(app.url(&format!("/api/v1/records/{margery}/reports")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(())
}

//! Share links: made by the patient for chosen reports she may see, opened without an account
//! (the secret in the body), audited under the link's label, closed for good by a revocation,
//! its expiry, or the maker's loss of access; what it shows is decided anew at each opening.

use inzage_domain::sharing::{
    NewShare, OpenShare, ShareCreated, ShareList, ShareState, ShareSummary, SharedDocument,
    SharedRecord,
};
use inzage_domain::wire::{AuditPage, ErrorBody, ReportList};
use inzage_tests::{browser, Db, TestApp};
use reqwest::StatusCode;
use time::Duration;

use super::sections::get;

on_both_backends!(
    a_share_link_opens_without_an_account_until_it_expires_or_is_revoked,
    only_reports_the_maker_may_see_are_shared_and_only_by_the_records_managers,
    a_link_shows_what_the_rules_allow_at_each_opening,
    a_shared_reports_documents_are_fetched_with_the_links_secret,
);

async fn make(
    client: &reqwest::Client,
    app: &TestApp,
    record: &str,
    form: &NewShare,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url(&format!("/api/v1/records/{record}/shares")))
        .json(form)
        .send()
        .await?)
}

async fn open(app: &TestApp, token: &str) -> anyhow::Result<reqwest::Response> {
    Ok(browser()
        .post(app.url("/api/v1/shared"))
        .json(&OpenShare {
            token: token.to_owned(),
        })
        .send()
        .await?)
}

async fn gone_because(res: reqwest::Response) -> anyhow::Result<String> {
    assert_eq!(res.status(), StatusCode::GONE);
    let body: ErrorBody = res.json().await?;
    Ok(body.message.key.to_string())
}

/// The ids of the first `n` reports the patient sees, newest first.
async fn first_reports(
    client: &reqwest::Client,
    app: &TestApp,
    record: &str,
    n: usize,
) -> anyhow::Result<Vec<(String, String)>> {
    let list: ReportList = get(client, app, &format!("/api/v1/records/{record}/reports")).await?;
    Ok(list
        .reports
        .into_iter()
        .take(n)
        .map(|r| (r.id, r.title))
        .collect())
}

fn form(label: &str, days: u8, reports: &[(String, String)]) -> NewShare {
    NewShare {
        label: label.into(),
        days,
        reports: reports.iter().map(|(id, _)| id.clone()).collect(),
    }
}

async fn a_share_link_opens_without_an_account_until_it_expires_or_is_revoked(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let chosen = first_reports(&patient, &app, &margery, 2).await?;

    let res = make(
        &patient,
        &app,
        &margery,
        &form(" Dr. Weber, Charité ", 7, &chosen),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: ShareCreated = res.json().await?;
    assert!(made.token.len() >= 43, "256 bits");
    let share = &made.share;
    assert_eq!(share.label, "Dr. Weber, Charité");
    assert_eq!(share.state, ShareState::Open);
    assert_eq!(share.expires - share.created, Duration::days(7));
    let titles: Vec<String> = chosen.iter().map(|(_, t)| t.clone()).collect();
    assert_eq!(share.reports, titles);

    // Opened without an account: the patient's name and the two reports.
    let res = open(&app, &made.token).await?;
    assert_eq!(res.status(), StatusCode::OK);
    let shared: SharedRecord = res.json().await?;
    assert!(shared.patient.contains("Margery"), "{}", shared.patient);
    assert_eq!(shared.label, "Dr. Weber, Charité");
    let mut ids: Vec<&str> = shared.reports.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    let mut want: Vec<&str> = chosen.iter().map(|(id, _)| id.as_str()).collect();
    want.sort_unstable();
    assert_eq!(ids, want);

    // A wrong secret opens nothing.
    assert_eq!(
        open(&app, "not-the-secret").await?.status(),
        StatusCode::NOT_FOUND
    );

    // The patient sees the opening in her trail, under the link's label, and in the list.
    let audit: AuditPage = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/audit?limit=50"),
    )
    .await?;
    let openings: Vec<_> = audit
        .entries
        .iter()
        .filter(|e| e.resource == format!("share/{}", share.id))
        .collect();
    assert_eq!(openings.len(), 1);
    assert_eq!(openings[0].actor_name, "Dr. Weber, Charité");
    assert_eq!(openings[0].actor_role, "share_link");
    assert!(audit
        .entries
        .iter()
        .any(|e| e.resource == format!("share/new/{}", share.id) && e.action == "change"));
    let list: ShareList = get(&patient, &app, &format!("/api/v1/records/{margery}/shares")).await?;
    assert_eq!(list.shares.len(), 1);
    assert_eq!(list.shares[0].opened, 1);

    // A second link, revoked: closed at once, for good.
    let second: ShareCreated = make(
        &patient,
        &app,
        &margery,
        &form("Tweede mening", 30, &chosen[..1]),
    )
    .await?
    .json()
    .await?;
    let revoke_url = app.url(&format!(
        "/api/v1/records/{margery}/shares/{}/revoke",
        second.share.id
    ));
    let res = patient.post(&revoke_url).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    let revoked: ShareSummary = res.json().await?;
    assert_eq!(revoked.state, ShareState::Revoked);
    assert_eq!(
        gone_because(open(&app, &second.token).await?).await?,
        "share.revoked"
    );
    assert_eq!(
        patient.post(&revoke_url).send().await?.status(),
        StatusCode::CONFLICT
    );

    // The first expires by itself, to the second.
    app.clock.set(share.expires - Duration::seconds(1));
    assert_eq!(open(&app, &made.token).await?.status(), StatusCode::OK);
    app.clock.set(share.expires);
    assert_eq!(
        gone_because(open(&app, &made.token).await?).await?,
        "share.expired"
    );
    Ok(())
}

async fn only_reports_the_maker_may_see_are_shared_and_only_by_the_records_managers(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let reyna = app.id_of("reyna");
    let patient = app.signed_in("margery").await?;
    let mine = first_reports(&patient, &app, &margery, 1).await?;
    let reynas = first_reports(&app.signed_in("reyna").await?, &app, &reyna, 1).await?;

    // A shielded report, another record's report, or none at all: the same refusal.
    for id in [
        "inzage-demo-psychiatrie-afgeschermd".to_owned(),
        reynas[0].0.clone(),
        "no-such-report".to_owned(),
    ] {
        let bad = vec![mine[0].clone(), (id, String::new())];
        let res = make(&patient, &app, &margery, &form("Dr. Weber", 7, &bad)).await?;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ErrorBody = res.json().await?;
        assert_eq!(
            body.fields.first("reports").unwrap().key,
            "share.reports.unknown"
        );
    }
    // The form's own rules, field by field, as the browser checks them.
    let res = make(&patient, &app, &margery, &form("", 0, &mine)).await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.fields.first("label").unwrap().key, "share.label.empty");
    assert_eq!(body.fields.first("days").unwrap().key, "share.days.range");
    let list: ShareList = get(&patient, &app, &format!("/api/v1/records/{margery}/shares")).await?;
    assert!(list.shares.is_empty(), "nothing was stored");

    // Another patient: the same answer as a missing record; her GP may read but not share.
    let other = app.signed_in("reyna").await?;
    let res = make(&other, &app, &margery, &form("x", 7, &mine)).await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let gp = app.signed_in("dr.gleason").await?;
    let res = make(&gp, &app, &margery, &form("x", 7, &mine)).await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // A link of Margery's cannot be revoked through another record.
    let made: ShareCreated = make(&patient, &app, &margery, &form("Dr. Weber", 7, &mine))
        .await?
        .json()
        .await?;
    let res = other
        .post(app.url(&format!(
            "/api/v1/records/{reyna}/shares/{}/revoke",
            made.share.id
        )))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(open(&app, &made.token).await?.status(), StatusCode::OK);
    Ok(())
}

async fn a_link_shows_what_the_rules_allow_at_each_opening(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let chosen = first_reports(&patient, &app, &margery, 2).await?;
    let made: ShareCreated = make(&patient, &app, &margery, &form("Dr. Weber", 14, &chosen))
        .await?
        .json()
        .await?;

    // The care team shields one of the two after the link was made: it is no longer shown.
    sqlx::query("UPDATE reports SET shielded = 1 WHERE id = $1")
        .bind(&chosen[0].0)
        .execute(app.store.pool())
        .await?;
    let shared: SharedRecord = open(&app, &made.token).await?.json().await?;
    let ids: Vec<&str> = shared.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec![chosen[1].0.as_str()]);

    // The patient dies: portal access ends, and with it every link she made.
    sqlx::query("UPDATE patients SET deceased_at = '2026-11-27' WHERE id = $1")
        .bind(&margery)
        .execute(app.store.pool())
        .await?;
    assert_eq!(
        gone_because(open(&app, &made.token).await?).await?,
        "share.ended"
    );
    Ok(())
}

async fn a_shared_reports_documents_are_fetched_with_the_links_secret(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let letter = ("inzage-demo-ontslagbrief".to_owned(), String::new());
    let other = first_reports(&patient, &app, &margery, 1).await?;
    let made: ShareCreated = make(&patient, &app, &margery, &form("Dr. Weber", 7, &[letter]))
        .await?
        .json()
        .await?;
    let shared: SharedRecord = open(&app, &made.token).await?.json().await?;
    let documents = &shared.reports[0].documents;
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0].media_type, "application/pdf");

    let fetch = |report: &str, index: u32, token: &str| {
        let body = SharedDocument {
            token: token.to_owned(),
            report: report.to_owned(),
            index,
        };
        let url = app.url("/api/v1/shared/document");
        async move { anyhow::Ok(browser().post(url).json(&body).send().await?) }
    };
    let res = fetch("inzage-demo-ontslagbrief", 1, &made.token).await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap_or_default()),
        Some("application/pdf")
    );
    assert!(res.bytes().await?.starts_with(b"%PDF"));
    // Another report of hers, a place it does not have, a wrong secret: nothing.
    if other[0].0 != "inzage-demo-ontslagbrief" {
        let res = fetch(&other[0].0, 1, &made.token).await?;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(
        fetch("inzage-demo-ontslagbrief", 9, &made.token)
            .await?
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch("inzage-demo-ontslagbrief", 1, "wrong")
            .await?
            .status(),
        StatusCode::NOT_FOUND
    );

    // The fetch is in the trail, but counts as no new opening.
    let audit: AuditPage = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/audit?limit=50"),
    )
    .await?;
    assert!(audit.entries.iter().any(|e| e.resource
        == format!(
            "share/{}/report/inzage-demo-ontslagbrief/document/1",
            made.share.id
        )
        && e.actor_role == "share_link"));
    let list: ShareList = get(&patient, &app, &format!("/api/v1/records/{margery}/shares")).await?;
    assert_eq!(list.shares[0].opened, 1);

    // Revoked: the documents close with the link.
    patient
        .post(app.url(&format!(
            "/api/v1/records/{margery}/shares/{}/revoke",
            made.share.id
        )))
        .send()
        .await?;
    assert_eq!(
        fetch("inzage-demo-ontslagbrief", 1, &made.token)
            .await?
            .status(),
        StatusCode::GONE
    );
    Ok(())
}

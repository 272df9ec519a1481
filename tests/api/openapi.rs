//! The published OpenAPI document against the server's real answers: every answer's status is
//! documented for its route, and every JSON body validates against the documented schema.

use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

use inzage_tests::{browser, Db, TestApp, TEST_START};

on_both_backends!(every_answer_matches_the_published_document);

/// Checks one answer against the document; returns its body.
async fn conforms(
    doc: &Value,
    method: &Method,
    route: &str,
    res: reqwest::Response,
) -> anyhow::Result<Value> {
    let status = res.status().as_u16().to_string();
    let op = &doc["paths"][route][method.as_str().to_lowercase()];
    assert!(op.is_object(), "{method} {route} is not in the document");
    let documented = &op["responses"][&status];
    assert!(
        documented.is_object(),
        "{method} {route} answered {status}, which the document does not list"
    );
    let is_json = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let text = res.text().await?;
    let Some(schema) = documented["content"]["application/json"].get("schema") else {
        assert!(
            !is_json || text.is_empty(),
            "{method} {route} {status}: a JSON body the document does not describe"
        );
        return Ok(Value::Null);
    };
    assert!(is_json, "{method} {route} {status}: not JSON");
    let body: Value = serde_json::from_str(&text)?;
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc["components"].clone(),
        "allOf": [schema.clone()],
    });
    let validator = jsonschema::validator_for(&root)
        .map_err(|e| anyhow::anyhow!("the schema of {method} {route} {status}: {e}"))?;
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {route} {status} does not match its schema: {errors:?}\n{body}"
    );
    Ok(body)
}

/// Sends a request and checks the answer; `route` is the document's path template.
async fn call(
    client: &Client,
    app: &TestApp,
    doc: &Value,
    method: Method,
    route: &str,
    path: &str,
    body: Option<Value>,
) -> anyhow::Result<(StatusCode, Value)> {
    let mut req = client.request(method.clone(), app.url(path));
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await?;
    let status = res.status();
    Ok((status, conforms(doc, &method, route, res).await?))
}

async fn every_answer_matches_the_published_document(db: Db) -> anyhow::Result<()> {
    // One identity provider, which does not answer: its start and callback send the browser
    // back to the login page (the whole flow is tested in oidc.rs).
    let down = inzage_tests::oidc::free_port()?;
    let identity = inzage_server::identity::IdentityProviders::parse(
        &format!(
            "[[provider]]\nid = \"down\"\nkind = \"be-fas\"\nname = \"eID\"\n\
             issuer = \"http://127.0.0.1:{down}\"\nclient_id = \"inzage\"\n\
             client_secret_env = \"S\"\nnational_number_claim = \"egovNRN\"\n"
        ),
        |_| Some("secret".into()),
    )?;
    let app = TestApp::spawn_with(db, |c| c.identity = identity).await?;
    let no_redirects = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let doc: Value = browser()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await?
        .json()
        .await?;
    let margery = app.id_of("margery");
    let gleason = app.id_of("dr.gleason");
    let reyna = app.id_of("reyna");
    let patient = app.signed_in("margery").await?;
    let doctor = app.signed_in("dr.gleason").await?;
    let anonymous = browser();
    let rec = "/api/v1/records/{record}";
    let report = app.store.reports_for_patient(&margery).await?[0].id.clone();
    // Free slots after the demo hospital's 24-hour deadline, and an appointment it lets move.
    let slots: Vec<String> = app
        .store
        .free_slots((TEST_START + time::Duration::days(1)).unix_timestamp())
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let controle = "Appointment%2Finzage-demo-controle-orthopedie";

    let get = Method::GET;
    let post = Method::POST;
    let mut seen = std::collections::BTreeSet::new();
    let cases: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
        (
            &anonymous,
            get.clone(),
            "/api/v1/oidc/providers".into(),
            "/api/v1/oidc/providers".into(),
            None,
        ),
        (
            &no_redirects,
            get.clone(),
            "/api/v1/oidc/{provider}/start".into(),
            "/api/v1/oidc/down/start".into(),
            None,
        ),
        (
            &no_redirects,
            get.clone(),
            "/api/v1/oidc/{provider}/start".into(),
            "/api/v1/oidc/nobody/start".into(),
            None,
        ),
        (
            &no_redirects,
            get.clone(),
            "/api/v1/oidc/{provider}/callback".into(),
            "/api/v1/oidc/down/callback?code=c&state=s".into(),
            None,
        ),
        (
            &no_redirects,
            get.clone(),
            "/api/v1/oidc/{provider}/callback".into(),
            "/api/v1/oidc/nobody/callback?code=c&state=s".into(),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            "/api/v1/health".into(),
            "/api/v1/health".into(),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            "/api/v1/me".into(),
            "/api/v1/me".into(),
            None,
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/me".into(),
            "/api/v1/me".into(),
            None,
        ),
        (
            &doctor,
            get.clone(),
            "/api/v1/me".into(),
            "/api/v1/me".into(),
            None,
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/login/challenge".into(),
            "/api/v1/login/challenge".into(),
            Some(json!({"username": "margery"})),
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/login/challenge".into(),
            "/api/v1/login/challenge".into(),
            Some(json!({"username": ""})),
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/login/challenge".into(),
            "/api/v1/login/challenge".into(),
            Some(json!({"user": 1})),
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/login".into(),
            "/api/v1/login".into(),
            Some(
                json!({"challenge_id": "x", "username": "margery", "password": "inzage-demo", "code": "12345678"}),
            ),
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/login".into(),
            "/api/v1/login".into(),
            Some(json!({"challenge_id": "x", "username": "", "password": "", "code": "1"})),
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/reports".into(),
            "/api/v1/reports".into(),
            None,
        ),
        (
            &doctor,
            get.clone(),
            "/api/v1/reports".into(),
            "/api/v1/reports".into(),
            None,
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/reports/{id}".into(),
            format!("/api/v1/reports/{report}"),
            None,
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/reports/{id}".into(),
            "/api/v1/reports/missing".into(),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/reports"),
            format!("/api/v1/records/{margery}/reports"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/reports"),
            format!("/api/v1/records/{reyna}/reports"),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            format!("{rec}/reports"),
            format!("/api/v1/records/{margery}/reports"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/reports/{{id}}"),
            format!("/api/v1/records/{margery}/reports/{report}"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/reports/{{id}}/pdf"),
            format!("/api/v1/records/{margery}/reports/{report}/pdf"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/reports/{{id}}/pdf"),
            format!("/api/v1/records/{margery}/reports/missing/pdf"),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            format!("{rec}/reports/{{id}}/pdf"),
            format!("/api/v1/records/{margery}/reports/{report}/pdf"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/pdf"),
            format!("/api/v1/records/{margery}/pdf"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/pdf"),
            format!("/api/v1/records/{reyna}/pdf"),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            format!("{rec}/pdf"),
            format!("/api/v1/records/{margery}/pdf"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/results"),
            format!("/api/v1/records/{margery}/results"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/results/{{code}}"),
            format!("/api/v1/records/{margery}/results/718-7"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/summary"),
            format!("/api/v1/records/{margery}/summary"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/results"),
            format!("/api/v1/records/{margery}/results?q=glucose&page=1"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/results"),
            format!("/api/v1/records/{margery}/results?from=31-12-2020"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/reports"),
            format!("/api/v1/records/{margery}/reports?from=2024-01-01&to=2023-01-01"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/search"),
            format!("/api/v1/records/{margery}/search?q=ontslag"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/search"),
            format!("/api/v1/records/{margery}/search?page=0"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/search"),
            format!("/api/v1/records/{reyna}/search?q=x"),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            format!("{rec}/search"),
            format!("/api/v1/records/{margery}/search?q=x"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/medications"),
            format!("/api/v1/records/{margery}/medications"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/appointments"),
            format!("/api/v1/records/{margery}/appointments"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/results/{{code}}"),
            format!("/api/v1/records/{margery}/results/2823-3"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/summary"),
            format!("/api/v1/records/{reyna}/summary"),
            None,
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/fhir/Patient/{id}/$everything".into(),
            format!("/api/v1/fhir/Patient/{margery}/$everything"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            "/api/v1/fhir/Patient/{id}/$everything".into(),
            format!("/api/v1/fhir/Patient/{reyna}/$everything"),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            format!("{rec}/appointments"),
            format!("/api/v1/records/{margery}/appointments"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/leaflets"),
            format!("/api/v1/records/{margery}/leaflets"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/leaflets"),
            format!("/api/v1/records/{reyna}/leaflets"),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            format!("{rec}/leaflets"),
            format!("/api/v1/records/{margery}/leaflets"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/shares"),
            format!("/api/v1/records/{margery}/shares"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/shares"),
            format!("/api/v1/records/{margery}/shares"),
            None,
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/shares"),
            format!("/api/v1/records/{margery}/shares"),
            Some(json!({"label": "Dr. Weber", "days": 7, "reports": [report]})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/shares"),
            format!("/api/v1/records/{margery}/shares"),
            Some(json!({"label": "", "days": 40, "reports": []})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/shares/{{id}}/revoke"),
            format!("/api/v1/records/{margery}/shares/none/revoke"),
            None,
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/shared".into(),
            "/api/v1/shared".into(),
            Some(json!({"token": "not-a-secret"})),
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/shared".into(),
            "/api/v1/shared".into(),
            Some(json!({"secret": 1})),
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/shared/document".into(),
            "/api/v1/shared/document".into(),
            Some(json!({"token": "not-a-secret", "report": report, "index": 1})),
        ),
        (
            &anonymous,
            post.clone(),
            "/api/v1/shared/document".into(),
            "/api/v1/shared/document".into(),
            Some(json!({"token": "not-a-secret", "report": report, "index": -1})),
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/release"),
            format!("/api/v1/records/{margery}/release"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/release"),
            format!("/api/v1/records/{reyna}/release"),
            None,
        ),
        (
            &patient,
            Method::PUT,
            format!("{rec}/release"),
            format!("/api/v1/records/{margery}/release"),
            Some(json!({"category": "results", "preference": "after_consultation"})),
        ),
        (
            &patient,
            Method::PUT,
            format!("{rec}/release"),
            format!("/api/v1/records/{margery}/release"),
            Some(json!({"category": "results", "preference": "never"})),
        ),
        (
            &doctor,
            Method::PUT,
            format!("{rec}/release"),
            format!("/api/v1/records/{margery}/release"),
            Some(json!({"category": "reports", "preference": "after_a_week"})),
        ),
        (
            &anonymous,
            Method::PUT,
            format!("{rec}/release"),
            format!("/api/v1/records/{margery}/release"),
            Some(json!({"category": "reports", "preference": "after_a_week"})),
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/appointments/slots"),
            format!("/api/v1/records/{margery}/appointments/slots"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/appointments/slots"),
            format!("/api/v1/records/{margery}/appointments/slots"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/appointments/slots"),
            format!("/api/v1/records/{reyna}/appointments/slots"),
            None,
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments"),
            format!("/api/v1/records/{margery}/appointments"),
            Some(json!({"slot": slots[0]})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments"),
            format!("/api/v1/records/{margery}/appointments"),
            Some(json!({"slot": slots[0]})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments"),
            format!("/api/v1/records/{margery}/appointments"),
            Some(json!({"slot": "Slot/none"})),
        ),
        (
            &doctor,
            post.clone(),
            format!("{rec}/appointments"),
            format!("/api/v1/records/{margery}/appointments"),
            Some(json!({"slot": slots[1]})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments/{{id}}/move"),
            format!("/api/v1/records/{margery}/appointments/{controle}/move"),
            Some(json!({"slot": slots[1]})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments/{{id}}/move"),
            format!("/api/v1/records/{margery}/appointments/{controle}/move"),
            Some(json!({"slot": "Slot/none"})),
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/appointments/slots"),
            format!("/api/v1/records/{margery}/appointments/slots?for={controle}"),
            None,
        ),
        (
            &doctor,
            post.clone(),
            format!("{rec}/appointments/{{id}}/move"),
            format!("/api/v1/records/{margery}/appointments/{controle}/move"),
            Some(json!({"slot": slots[2]})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments/{{id}}/move"),
            format!("/api/v1/records/{margery}/appointments/Appointment%2Fnone/move"),
            Some(json!({"slot": slots[2]})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments/{{id}}/cancel"),
            format!("/api/v1/records/{margery}/appointments/{controle}/cancel"),
            None,
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments/{{id}}/cancel"),
            format!("/api/v1/records/{margery}/appointments/{controle}/cancel"),
            None,
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments/{{id}}/move"),
            format!("/api/v1/records/{margery}/appointments/{controle}/move"),
            Some(json!({"slot": slots[2]})),
        ),
        (
            &doctor,
            post.clone(),
            format!("{rec}/appointments/{{id}}/cancel"),
            format!("/api/v1/records/{margery}/appointments/{controle}/cancel"),
            None,
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/appointments/{{id}}/cancel"),
            format!("/api/v1/records/{margery}/appointments/Appointment%2Fnone/cancel"),
            None,
        ),
        (
            &anonymous,
            post.clone(),
            format!("{rec}/appointments/{{id}}/cancel"),
            format!("/api/v1/records/{margery}/appointments/{controle}/cancel"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{margery}/access"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{margery}/access"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{reyna}/access"),
            None,
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{margery}/access"),
            Some(json!({"kind": "give_exchange_consent"})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{margery}/access"),
            Some(json!({"kind": "give_exchange_consent"})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{margery}/access"),
            Some(json!({"kind": "exclude", "practitioner": "nobody"})),
        ),
        (
            &patient,
            post.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{margery}/access"),
            Some(json!({"kind": "nonsense"})),
        ),
        (
            &doctor,
            post.clone(),
            format!("{rec}/access"),
            format!("/api/v1/records/{margery}/access"),
            Some(json!({"kind": "refuse_gp"})),
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/view-as"),
            format!("/api/v1/records/{margery}/view-as?kind=practitioner&id={gleason}"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/view-as"),
            format!("/api/v1/records/{margery}/view-as?kind=robot&id=x"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/audit"),
            format!("/api/v1/records/{margery}/audit?limit=5"),
            None,
        ),
        (
            &patient,
            get.clone(),
            format!("{rec}/audit"),
            format!("/api/v1/records/{margery}/audit?from=gisteren"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            format!("{rec}/audit"),
            format!("/api/v1/records/{margery}/audit"),
            None,
        ),
        (
            &doctor,
            get.clone(),
            "/api/v1/provider/patients".into(),
            "/api/v1/provider/patients".into(),
            None,
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/provider/patients".into(),
            "/api/v1/provider/patients".into(),
            None,
        ),
        (
            &doctor,
            post.clone(),
            "/api/v1/provider/referrals".into(),
            "/api/v1/provider/referrals".into(),
            Some(json!({"national_number": "85.07.30-033.28", "reason": "Tweede advies"})),
        ),
        (
            &doctor,
            post.clone(),
            "/api/v1/provider/referrals".into(),
            "/api/v1/provider/referrals".into(),
            Some(json!({"national_number": "1", "reason": ""})),
        ),
        (
            &patient,
            Method::PUT,
            "/api/v1/me/language".into(),
            "/api/v1/me/language".into(),
            Some(json!({"language": "fr"})),
        ),
        (
            &patient,
            Method::PUT,
            "/api/v1/me/language".into(),
            "/api/v1/me/language".into(),
            Some(json!({"language": "de"})),
        ),
        (
            &anonymous,
            Method::PUT,
            "/api/v1/me/language".into(),
            "/api/v1/me/language".into(),
            Some(json!({"language": "fr"})),
        ),
        (
            &patient,
            post.clone(),
            "/api/v1/logout".into(),
            "/api/v1/logout".into(),
            None,
        ),
    ];
    // Acting for someone else, and the staff's queue.
    let staff = app.signed_in("ombuds").await?;
    let (jorge, _) = app
        .store
        .find_patient_by_name("Jorge", "Brekke")
        .await?
        .expect("demo child");
    let jorge_insz = app
        .store
        .patient(&jorge)
        .await?
        .and_then(|p| p.insz)
        .expect("demo child's number");
    let (_, filed) = call(
        &patient,
        &app,
        &doc,
        post.clone(),
        "/api/v1/link-requests",
        "/api/v1/link-requests",
        Some(json!({"child_name": "Jorge Brekke", "child_national_number": jorge_insz, "message": ""})),
    )
    .await?;
    let request_id = filed["id"].as_str().unwrap_or_default().to_owned();
    let more: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
        (
            &patient,
            post.clone(),
            "/api/v1/link-requests".into(),
            "/api/v1/link-requests".into(),
            Some(json!({"child_name": "", "child_national_number": "1", "message": ""})),
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/link-requests".into(),
            "/api/v1/link-requests".into(),
            None,
        ),
        (
            &doctor,
            get.clone(),
            "/api/v1/link-requests".into(),
            "/api/v1/link-requests".into(),
            None,
        ),
        (
            &staff,
            get.clone(),
            "/api/v1/staff/link-requests".into(),
            "/api/v1/staff/link-requests".into(),
            None,
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/staff/link-requests".into(),
            "/api/v1/staff/link-requests".into(),
            None,
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/link-requests/{id}".into(),
            "/api/v1/staff/link-requests/missing".into(),
            Some(json!({"approve": true, "reason": ""})),
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/link-requests/{id}".into(),
            format!("/api/v1/staff/link-requests/{request_id}"),
            Some(json!({"approve": false, "reason": ""})),
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/link-requests/{id}".into(),
            format!("/api/v1/staff/link-requests/{request_id}"),
            Some(json!({"approve": true, "reason": ""})),
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/link-requests/{id}".into(),
            format!("/api/v1/staff/link-requests/{request_id}"),
            Some(json!({"approve": true, "reason": ""})),
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/records".into(),
            "/api/v1/records".into(),
            None,
        ),
        (
            &staff,
            get.clone(),
            "/api/v1/records".into(),
            "/api/v1/records".into(),
            None,
        ),
        (
            &staff,
            get.clone(),
            "/api/v1/me".into(),
            "/api/v1/me".into(),
            None,
        ),
    ];
    for (client, method, route, path, body) in more {
        let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
        seen.insert((method.to_string(), route, status.as_u16()));
    }
    seen.insert(("POST".into(), "/api/v1/link-requests".into(), 202));

    // Designation forms (multipart).
    let designations = "/api/v1/records/{record}/designations";
    let number = app
        .login_of("reyna")
        .national_number
        .clone()
        .unwrap_or_default();
    for (file, expected) in [
        (super::designations::PDF, 202),
        (b"not a pdf".as_slice(), 422),
    ] {
        let res = patient
            .post(app.url(&format!("/api/v1/records/{margery}/designations")))
            .multipart(super::designations::form(
                "trusted_person",
                &number,
                "Reyna",
                file,
                "f.pdf",
            ))
            .send()
            .await?;
        assert_eq!(res.status().as_u16(), expected);
        conforms(&doc, &post, designations, res).await?;
        seen.insert(("POST".into(), designations.into(), expected));
    }
    let (_, queue) = call(
        &staff,
        &app,
        &doc,
        get.clone(),
        "/api/v1/staff/designations",
        "/api/v1/staff/designations",
        None,
    )
    .await?;
    seen.insert(("GET".into(), "/api/v1/staff/designations".into(), 200));
    let designation = queue[0]["id"].as_str().unwrap_or_default().to_owned();
    let form_route = "/api/v1/staff/designations/{id}/form";
    let res = staff
        .get(app.url(&format!("/api/v1/staff/designations/{designation}/form")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let op = &doc["paths"][form_route]["get"]["responses"]["200"]["content"];
    assert!(
        op.get("application/pdf").is_some(),
        "the form is documented as a PDF"
    );
    seen.insert(("GET".into(), form_route.into(), 200));
    let designation_cases: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
        (
            &patient,
            get.clone(),
            designations.into(),
            format!("/api/v1/records/{margery}/designations"),
            None,
        ),
        (
            &patient,
            get.clone(),
            form_route.into(),
            format!("/api/v1/staff/designations/{designation}/form"),
            None,
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/designations/{id}".into(),
            format!("/api/v1/staff/designations/{designation}"),
            Some(json!({"approve": false, "reason": ""})),
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/designations/{id}".into(),
            format!("/api/v1/staff/designations/{designation}"),
            Some(json!({"approve": true, "reason": ""})),
        ),
    ];
    for (client, method, route, path, body) in designation_cases {
        let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
        seen.insert((method.to_string(), route, status.as_u16()));
    }

    // Applications to represent an adult (multipart), and their forms for staff.
    let applications = "/api/v1/representation-requests";
    let margery_number = app
        .login_of("margery")
        .national_number
        .clone()
        .unwrap_or_default();
    let mut application = String::new();
    let applicant = app.signed_in("reyna").await?;
    for (file, kind, expected) in [
        (super::designations::PDF, "representative", 202),
        (super::designations::PDF, "trusted_person", 422),
        (b"not a pdf".as_slice(), "representative", 422),
    ] {
        let res = staff
            .post(app.url(applications))
            .multipart(super::representation::application(
                kind,
                &margery_number,
                file,
            ))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "staff do not apply");
        conforms(&doc, &post, applications, res).await?;
        let res = applicant
            .post(app.url(applications))
            .multipart(super::representation::application(
                kind,
                &margery_number,
                file,
            ))
            .send()
            .await?;
        assert_eq!(res.status().as_u16(), expected);
        let body = conforms(&doc, &post, applications, res).await?;
        if expected == 202 {
            application = body["id"].as_str().unwrap_or_default().to_owned();
        }
        seen.insert(("POST".into(), applications.into(), expected));
    }
    seen.insert(("POST".into(), applications.into(), 403));
    let application_form = "/api/v1/staff/link-requests/{id}/form";
    let res = staff
        .get(app.url(&format!("/api/v1/staff/link-requests/{application}/form")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        doc["paths"][application_form]["get"]["responses"]["200"]["content"]
            .get("application/pdf")
            .is_some()
    );
    seen.insert(("GET".into(), application_form.into(), 200));
    for (client, path) in [
        // A parent's request has no form.
        (
            &staff,
            format!("/api/v1/staff/link-requests/{request_id}/form"),
        ),
        (
            &patient,
            format!("/api/v1/staff/link-requests/{application}/form"),
        ),
    ] {
        let (status, _) = call(
            client,
            &app,
            &doc,
            get.clone(),
            application_form,
            &path,
            None,
        )
        .await?;
        seen.insert(("GET".into(), application_form.into(), status.as_u16()));
    }

    // Questions to the helpdesk (multipart, open without an account) and staff's answers.
    {
        use super::help::question;
        use inzage_tests::documents::png;
        let ask = "/api/v1/help";
        for (client, form, expected) in [
            (
                &anonymous,
                question("login", "an@example.be", "Het lukt niet.").part(
                    "screenshot",
                    reqwest::multipart::Part::bytes(png(8, 8)).file_name("s.png"),
                ),
                202,
            ),
            (&patient, question("record", "an@example.be", "Waar?"), 202),
            (&anonymous, question("billing", "an@", ""), 422),
        ] {
            let res = client.post(app.url(ask)).multipart(form).send().await?;
            assert_eq!(res.status().as_u16(), expected);
            conforms(&doc, &post, ask, res).await?;
            seen.insert(("POST".into(), ask.into(), expected));
        }
        let res = anonymous
            .post(app.url(ask))
            .multipart(question("login", "an@example.be", "x").text("other", "y"))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        conforms(&doc, &post, ask, res).await?;
        let (_, cases) = call(
            &staff,
            &app,
            &doc,
            get.clone(),
            "/api/v1/staff/help",
            "/api/v1/staff/help",
            None,
        )
        .await?;
        seen.insert(("GET".into(), "/api/v1/staff/help".into(), 200));
        let with_shot = cases
            .as_array()
            .and_then(|c| c.iter().find(|c| !c["screenshot_size"].is_null()))
            .and_then(|c| c["id"].as_str())
            .unwrap_or_default()
            .to_owned();
        let shot = "/api/v1/staff/help/{id}/screenshot";
        let res = staff
            .get(app.url(&format!("/api/v1/staff/help/{with_shot}/screenshot")))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(doc["paths"][shot]["get"]["responses"]["200"]["content"]
            .get("image/png")
            .is_some());
        seen.insert(("GET".into(), shot.into(), 200));
        let answer = "/api/v1/staff/help/{id}/answer";
        let help_cases: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
            (
                &patient,
                get.clone(),
                "/api/v1/staff/help".into(),
                "/api/v1/staff/help".into(),
                None,
            ),
            (
                &staff,
                get.clone(),
                shot.into(),
                "/api/v1/staff/help/missing/screenshot".into(),
                None,
            ),
            (
                &staff,
                post.clone(),
                answer.into(),
                format!("/api/v1/staff/help/{with_shot}/answer"),
                Some(json!({"answer": ""})),
            ),
            (
                &staff,
                post.clone(),
                answer.into(),
                format!("/api/v1/staff/help/{with_shot}/answer"),
                Some(json!({"answer": "Probeer opnieuw."})),
            ),
            (
                &staff,
                post.clone(),
                answer.into(),
                format!("/api/v1/staff/help/{with_shot}/answer"),
                Some(json!({"answer": "Nog eens."})),
            ),
            (
                &staff,
                post.clone(),
                answer.into(),
                "/api/v1/staff/help/missing/answer".into(),
                Some(json!({"answer": "x"})),
            ),
            (
                &patient,
                post.clone(),
                answer.into(),
                "/api/v1/staff/help/missing/answer".into(),
                Some(json!({"answer": "x"})),
            ),
        ];
        for (client, method, route, path, body) in help_cases {
            let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
            seen.insert((method.to_string(), route, status.as_u16()));
        }
    }

    // The records whose patient cannot decide (none yet: no application was approved here).
    let margery_end = format!("/api/v1/staff/incapacities/{margery}/end");
    let incapacity_cases: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
        (
            &staff,
            get.clone(),
            "/api/v1/staff/incapacities".into(),
            "/api/v1/staff/incapacities".into(),
            None,
        ),
        (
            &patient,
            get.clone(),
            "/api/v1/staff/incapacities".into(),
            "/api/v1/staff/incapacities".into(),
            None,
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/incapacities/{record}/end".into(),
            margery_end.clone(),
            Some(json!({"reason": "Attest."})),
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/incapacities/{record}/end".into(),
            margery_end.clone(),
            Some(json!({"reason": ""})),
        ),
        (
            &staff,
            post.clone(),
            "/api/v1/staff/incapacities/{record}/end".into(),
            "/api/v1/staff/incapacities/missing/end".into(),
            Some(json!({"reason": "Attest."})),
        ),
    ];
    for (client, method, route, path, body) in incapacity_cases {
        let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
        seen.insert((method.to_string(), route, status.as_u16()));
    }

    // Requests and their cases (multipart for filing and for staff's steps).
    {
        use super::requests::{form_of, request, step, AZ};
        use inzage_domain::requests::RequestForm;
        use inzage_tests::documents::png;
        let filing = "/api/v1/records/{record}/requests";
        let url = app.url(&format!("/api/v1/records/{margery}/requests"));
        let copy = request(AZ, RequestForm::Copy { psychiatry: false });
        let destroy = request(AZ, RequestForm::Destruction { core_data: false });
        let fix = request(
            AZ,
            RequestForm::CorrectionOrAddition {
                statement: String::new(),
            },
        );
        let mut copy_id = String::new();
        for (client, r, expected) in [
            (&patient, &copy, 201),
            (&patient, &fix, 422),
            (&patient, &destroy, 409),
            (&doctor, &copy, 403),
            (&anonymous, &copy, 401),
        ] {
            let res = client.post(&url).multipart(form_of(r, &[])).send().await?;
            assert_eq!(res.status().as_u16(), expected);
            let body = conforms(&doc, &post, filing, res).await?;
            if expected == 201 {
                copy_id = body["id"].as_str().unwrap_or_default().to_owned();
            }
            seen.insert(("POST".into(), filing.into(), expected));
        }
        let res = patient
            .post(&url)
            .multipart(reqwest::multipart::Form::new().text("request", "{}"))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        conforms(&doc, &post, filing, res).await?;
        let staff_route = "/api/v1/staff/requests/{id}";
        for (client, id, s, file, expected) in [
            (
                &staff,
                copy_id.as_str(),
                json!({"step": "complete"}),
                None,
                422,
            ),
            (
                &staff,
                copy_id.as_str(),
                json!({"step": "ask_information", "question": "Welke jaren?"}),
                None,
                200,
            ),
            (
                &staff,
                copy_id.as_str(),
                json!({"step": "ask_information", "question": "Welke jaren?"}),
                None,
                409,
            ),
            (&staff, "onbekend", json!({"step": "start"}), None, 404),
            (
                &patient,
                copy_id.as_str(),
                json!({"step": "start"}),
                None,
                403,
            ),
        ] {
            let res = step(&app, client, id, s, file).await?;
            assert_eq!(res.status().as_u16(), expected);
            conforms(&doc, &post, staff_route, res).await?;
            seen.insert(("POST".into(), staff_route.into(), expected));
        }
        let answer = "/api/v1/records/{record}/requests/{id}/answer";
        let answer_path = format!("/api/v1/records/{margery}/requests/{copy_id}/answer");
        for (body, expected) in [
            (json!({"answer": ""}), 422),
            (json!({"answer": "2020 tot nu"}), 200),
            (json!({"answer": "nog eens"}), 409),
        ] {
            let (status, _) = call(
                &patient,
                &app,
                &doc,
                post.clone(),
                answer,
                &answer_path,
                Some(body),
            )
            .await?;
            assert_eq!(status.as_u16(), expected);
            seen.insert(("POST".into(), answer.into(), expected));
        }
        let res = step(
            &app,
            &staff,
            &copy_id,
            json!({"step": "complete"}),
            Some(super::designations::PDF),
        )
        .await?;
        assert_eq!(res.status(), StatusCode::OK);
        let delivery = "/api/v1/records/{record}/requests/{id}/delivery";
        let res = patient
            .get(app.url(&format!(
                "/api/v1/records/{margery}/requests/{copy_id}/delivery"
            )))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(doc["paths"][delivery]["get"]["responses"]["200"]["content"]
            .get("application/pdf")
            .is_some());
        seen.insert(("GET".into(), delivery.into(), 200));
        // A Dutch child's copy with her ID, for the staff's document route.
        let noor_id = app.id_of("noor");
        let noor = app.signed_in("noor").await?;
        let minor = request(
            "8ad64ecf-c817-3753-bee7-006a8e662e06",
            RequestForm::CopyForMinor {
                two_parents_with_authority: false,
            },
        );
        let id_card = png(800, 500);
        let res = noor
            .post(app.url(&format!("/api/v1/records/{noor_id}/requests")))
            .multipart(form_of(
                &minor,
                &[
                    ("signer_first_parent", &id_card),
                    ("signer_patient", &id_card),
                ],
            ))
            .send()
            .await?;
        let minor_case = conforms(&doc, &post, filing, res).await?;
        let minor_id = minor_case["id"].as_str().unwrap_or_default().to_owned();
        let file_route = "/api/v1/staff/requests/{id}/files/{signer}";
        let res = staff
            .get(app.url(&format!("/api/v1/staff/requests/{minor_id}/files/patient")))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::OK);
        seen.insert(("GET".into(), file_route.into(), 200));
        let request_cases: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
            (
                &patient,
                get.clone(),
                filing.into(),
                format!("/api/v1/records/{margery}/requests"),
                None,
            ),
            (
                &doctor,
                get.clone(),
                filing.into(),
                format!("/api/v1/records/{margery}/requests"),
                None,
            ),
            (
                &patient,
                get.clone(),
                filing.into(),
                format!("/api/v1/records/{reyna}/requests"),
                None,
            ),
            (
                &patient,
                get.clone(),
                delivery.into(),
                format!("/api/v1/records/{margery}/requests/onbekend/delivery"),
                None,
            ),
            (
                &staff,
                get.clone(),
                "/api/v1/staff/requests".into(),
                "/api/v1/staff/requests".into(),
                None,
            ),
            (
                &patient,
                get.clone(),
                "/api/v1/staff/requests".into(),
                "/api/v1/staff/requests".into(),
                None,
            ),
            (
                &patient,
                get.clone(),
                file_route.into(),
                format!("/api/v1/staff/requests/{minor_id}/files/patient"),
                None,
            ),
            (
                &staff,
                get.clone(),
                file_route.into(),
                format!("/api/v1/staff/requests/{minor_id}/files/partner"),
                None,
            ),
        ];
        for (client, method, route, path, body) in request_cases {
            let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
            seen.insert((method.to_string(), route, status.as_u16()));
        }
    }

    // E-mail notification settings.
    let notification_cases: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
        (
            &patient,
            get.clone(),
            "/api/v1/me/notifications".into(),
            "/api/v1/me/notifications".into(),
            None,
        ),
        (
            &staff,
            get.clone(),
            "/api/v1/me/notifications".into(),
            "/api/v1/me/notifications".into(),
            None,
        ),
        (
            &anonymous,
            get.clone(),
            "/api/v1/me/notifications".into(),
            "/api/v1/me/notifications".into(),
            None,
        ),
        (
            &patient,
            Method::PUT,
            "/api/v1/me/notifications".into(),
            "/api/v1/me/notifications".into(),
            Some(json!({"enabled": true, "topics": ["new_message"], "frequency": "daily"})),
        ),
        (
            &patient,
            Method::PUT,
            "/api/v1/me/notifications".into(),
            "/api/v1/me/notifications".into(),
            Some(json!({"enabled": true, "topics": [], "frequency": "daily"})),
        ),
        (
            &patient,
            Method::PUT,
            "/api/v1/me/notifications".into(),
            "/api/v1/me/notifications".into(),
            Some(json!({"enabled": true, "topics": ["new_message"], "frequency": "hourly"})),
        ),
        (
            &staff,
            Method::PUT,
            "/api/v1/me/notifications".into(),
            "/api/v1/me/notifications".into(),
            Some(json!({"enabled": false, "topics": [], "frequency": "daily"})),
        ),
    ];
    for (client, method, route, path, body) in notification_cases {
        let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
        seen.insert((method.to_string(), route, status.as_u16()));
    }
    {
        let addresses = "/api/v1/me/notifications/addresses";
        let one = "/api/v1/me/notifications/addresses/{address}";
        let confirm = "/api/v1/notice-address/confirm";
        let delete = Method::DELETE;
        /// Who calls, how, the route, the path, the body, and the status expected.
        type Case<'a> = (&'a Client, Method, &'a str, String, Option<Value>, u16);
        let cases: Vec<Case> = vec![
            (
                &patient,
                post.clone(),
                addresses,
                addresses.into(),
                Some(json!({"email": "hulp@example.be"})),
                202,
            ),
            (
                &patient,
                post.clone(),
                addresses,
                addresses.into(),
                Some(json!({"email": "geen adres"})),
                422,
            ),
            (
                &staff,
                post.clone(),
                addresses,
                addresses.into(),
                Some(json!({"email": "x@example.be"})),
                403,
            ),
            (
                &anonymous,
                post.clone(),
                addresses,
                addresses.into(),
                Some(json!({"email": "x@example.be"})),
                401,
            ),
            (
                &patient,
                delete.clone(),
                one,
                format!("{addresses}/hulp@example.be"),
                None,
                204,
            ),
            (
                &patient,
                delete.clone(),
                one,
                format!("{addresses}/hulp@example.be"),
                None,
                404,
            ),
            (
                &staff,
                delete.clone(),
                one,
                format!("{addresses}/hulp@example.be"),
                None,
                403,
            ),
            (
                &anonymous,
                post.clone(),
                confirm,
                confirm.into(),
                Some(json!({"token": "onbekend"})),
                422,
            ),
        ];
        for (client, method, route, path, body, expected) in cases {
            let (status, _) = call(client, &app, &doc, method.clone(), route, &path, body).await?;
            assert_eq!(status.as_u16(), expected, "{method} {path}");
            seen.insert((method.to_string(), route.into(), expected));
        }
    }

    // E-consults: Margery asks her GP, who reads and answers on the provider's routes.
    {
        use super::messages::message_form;
        use inzage_domain::messaging::{Department, NewReply, NewThread};
        let gp = app.signed_in("dr.weimann").await?;
        let pdf: &[u8] = super::designations::PDF;
        let res = patient
            .post(app.url(&format!("/api/v1/records/{margery}/messages")))
            .multipart(message_form(
                &NewThread {
                    hospital: "inzage-demo-az-voorbeeld".into(),
                    department: Department::EConsult,
                    doctor: Some(app.id_of("dr.weimann")),
                    subject: "Sporten".into(),
                    body: "Mag ik weer lopen?".into(),
                },
                &[("brief.pdf", pdf)],
            ))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::CREATED);
        let created: Value = res.json().await?;
        let id = created["summary"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let message = created["messages"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let list = "/api/v1/provider/e-consults";
        let one = "/api/v1/provider/e-consults/{thread}";
        let attachment = "/api/v1/provider/e-consults/{thread}/attachments/{message}/{index}";
        for (client, route, path, expected) in [
            (&gp, list, list.to_owned(), 200),
            (&patient, list, list.to_owned(), 403),
            (&anonymous, list, list.to_owned(), 401),
            (&gp, one, format!("{list}/{id}"), 200),
            (&doctor, one, format!("{list}/{id}"), 404),
            (&patient, one, format!("{list}/{id}"), 403),
            (
                &gp,
                attachment,
                format!("{list}/{id}/attachments/{message}/9"),
                404,
            ),
        ] {
            let (status, _) = call(client, &app, &doc, get.clone(), route, &path, None).await?;
            assert_eq!(status.as_u16(), expected, "{path}");
            seen.insert(("GET".into(), route.into(), expected));
        }
        let res = gp
            .get(app.url(&format!("{list}/{id}/attachments/{message}/1")))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::OK);
        seen.insert(("GET".into(), attachment.into(), 200));
        for (client, body, expected) in [
            (&gp, "Ja, rustig beginnen.", 200),
            (&gp, " ", 422),
            (&doctor, "x", 404),
        ] {
            let res = client
                .post(app.url(&format!("{list}/{id}")))
                .multipart(message_form(&NewReply { body: body.into() }, &[]))
                .send()
                .await?;
            assert_eq!(res.status().as_u16(), expected);
            conforms(&doc, &post, one, res).await?;
            seen.insert(("POST".into(), one.into(), expected));
        }
    }

    // Personal data.
    {
        let route = "/api/v1/records/{record}/personal-data";
        for (client, path, expected) in [
            (
                &patient,
                format!("/api/v1/records/{margery}/personal-data"),
                200,
            ),
            (
                &patient,
                "/api/v1/records/onbekend/personal-data".to_owned(),
                404,
            ),
            (
                &anonymous,
                format!("/api/v1/records/{margery}/personal-data"),
                401,
            ),
        ] {
            let (status, _) = call(client, &app, &doc, get.clone(), route, &path, None).await?;
            assert_eq!(status.as_u16(), expected);
            seen.insert(("GET".into(), route.into(), expected));
        }
        let route = "/api/v1/records/{record}/reports/{id}/documents/{index}";
        for (client, expected) in [(&patient, 404), (&anonymous, 401)] {
            let path = format!("/api/v1/records/{margery}/reports/onbekend/documents/1");
            let (status, _) = call(client, &app, &doc, get.clone(), route, &path, None).await?;
            assert_eq!(status.as_u16(), expected);
            seen.insert(("GET".into(), route.into(), expected));
        }
    }

    // A relative's requests about a deceased patient (multipart for filing).
    {
        let list = "/api/v1/me/relative-requests";
        for (client, expected) in [(&patient, 200), (&staff, 403), (&anonymous, 401)] {
            let (status, _) = call(client, &app, &doc, get.clone(), list, list, None).await?;
            assert_eq!(status.as_u16(), expected);
            seen.insert(("GET".into(), list.into(), expected));
        }
        let (adan, _) = app
            .store
            .find_patient_by_name("Adán", "Pulido")
            .await?
            .unwrap();
        let insz = app.store.patient(&adan).await?.unwrap().insz.unwrap();
        let filing = |degree: u8, birth: &str| {
            json!({
                "hospital": "d78e84ec-30aa-3bba-a33a-f29a3a454662",
                "national_number": insz,
                "birth_date": birth,
                "died_on": "2007-03-25",
                "degree": degree,
                "motivation": "Erfelijke aandoening",
                "practitioner": "dr. Peeters",
            })
            .to_string()
        };
        let pdf: &[u8] = super::designations::PDF;
        let mut case_id = String::new();
        for (client, request, expected) in [
            (&patient, filing(1, "1936-08-18"), 201),
            (&patient, filing(3, "1936-08-18"), 409),
            (&patient, filing(1, "1936-08-19"), 422),
            (&staff, filing(1, "1936-08-18"), 403),
            (&anonymous, filing(1, "1936-08-18"), 401),
        ] {
            let form = reqwest::multipart::Form::new()
                .text("request", request)
                .part(
                    "signer_relative",
                    reqwest::multipart::Part::bytes(pdf.to_vec()).file_name("id.pdf"),
                );
            let res = client.post(app.url(list)).multipart(form).send().await?;
            assert_eq!(res.status().as_u16(), expected);
            let body = conforms(&doc, &post, list, res).await?;
            if expected == 201 {
                case_id = body["id"].as_str().unwrap_or_default().to_owned();
            }
            seen.insert(("POST".into(), list.into(), expected));
        }
        let res = patient
            .post(app.url(list))
            .multipart(reqwest::multipart::Form::new().text("other", "x"))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        conforms(&doc, &post, list, res).await?;
        seen.insert(("POST".into(), list.into(), 400));
        let res = super::requests::step(
            &app,
            &staff,
            &case_id,
            json!({"step": "ask_information", "question": "Welke arts?"}),
            None,
        )
        .await?;
        assert_eq!(res.status(), StatusCode::OK);
        let answer = "/api/v1/me/relative-requests/{id}/answer";
        let answer_path = format!("{list}/{case_id}/answer");
        for (client, path, body, expected) in [
            (&patient, answer_path.clone(), json!({"answer": ""}), 422),
            (
                &patient,
                answer_path.clone(),
                json!({"answer": "dr. Peeters"}),
                200,
            ),
            (
                &patient,
                answer_path.clone(),
                json!({"answer": "nog eens"}),
                409,
            ),
            (
                &patient,
                format!("{list}/onbekend/answer"),
                json!({"answer": "x"}),
                404,
            ),
            (&staff, answer_path.clone(), json!({"answer": "x"}), 403),
            (&anonymous, answer_path.clone(), json!({"answer": "x"}), 401),
        ] {
            let (status, _) =
                call(client, &app, &doc, post.clone(), answer, &path, Some(body)).await?;
            assert_eq!(status.as_u16(), expected);
            seen.insert(("POST".into(), answer.into(), expected));
        }
        let delivery = "/api/v1/me/relative-requests/{id}/delivery";
        let delivery_path = format!("{list}/{case_id}/delivery");
        for (client, expected) in [(&patient, 404), (&staff, 403), (&anonymous, 401)] {
            let (status, _) = call(
                client,
                &app,
                &doc,
                get.clone(),
                delivery,
                &delivery_path,
                None,
            )
            .await?;
            assert_eq!(status.as_u16(), expected);
            seen.insert(("GET".into(), delivery.into(), expected));
        }
    }

    // Messages (multipart for writing).
    {
        use super::messages::{message_form, thread};
        use inzage_domain::messaging::NewReply;
        let threads = "/api/v1/records/{record}/messages";
        let reyna_client = app.signed_in("reyna").await?;
        let url = app.url(&format!("/api/v1/records/{margery}/messages"));
        let mut thread_id = String::new();
        let mut message_id = String::new();
        let pdf: &[u8] = super::designations::PDF;
        for (client, body, files, expected) in [
            (
                &patient,
                thread("Vraag", "Hallo"),
                vec![("a.pdf", pdf)],
                201,
            ),
            (&patient, thread("", ""), vec![], 422),
            (&doctor, thread("Vraag", "Hallo"), vec![], 403),
            (&anonymous, thread("Vraag", "Hallo"), vec![], 401),
        ] {
            let res = client
                .post(&url)
                .multipart(message_form(&body, &files))
                .send()
                .await?;
            assert_eq!(res.status().as_u16(), expected);
            let body = conforms(&doc, &post, threads, res).await?;
            if expected == 201 {
                thread_id = body["summary"]["id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                message_id = body["messages"][0]["id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
            }
            seen.insert(("POST".into(), threads.into(), expected));
        }
        let res = patient
            .post(&url)
            .multipart(reqwest::multipart::Form::new().text("message", "{}"))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        conforms(&doc, &post, threads, res).await?;
        seen.insert(("POST".into(), threads.into(), 400));
        let one = "/api/v1/records/{record}/messages/{thread}";
        let one_url = app.url(&format!("/api/v1/records/{margery}/messages/{thread_id}"));
        for (client, body, expected) in [
            (
                &patient,
                NewReply {
                    body: "Nog iets".into(),
                },
                200,
            ),
            (&patient, NewReply { body: " ".into() }, 422),
            (&reyna_client, NewReply { body: "x".into() }, 404),
        ] {
            let res = client
                .post(&one_url)
                .multipart(message_form(&body, &[]))
                .send()
                .await?;
            assert_eq!(res.status().as_u16(), expected);
            conforms(&doc, &post, one, res).await?;
            seen.insert(("POST".into(), one.into(), expected));
        }
        let staff_one = "/api/v1/staff/messages/{thread}";
        let staff_url = app.url(&format!("/api/v1/staff/messages/{thread_id}"));
        for (client, body, expected) in [
            (
                &staff,
                NewReply {
                    body: "Antwoord".into(),
                },
                200,
            ),
            (&staff, NewReply { body: "".into() }, 422),
            (&patient, NewReply { body: "x".into() }, 403),
        ] {
            let res = client
                .post(&staff_url)
                .multipart(message_form(&body, &[]))
                .send()
                .await?;
            assert_eq!(res.status().as_u16(), expected);
            conforms(&doc, &post, staff_one, res).await?;
            seen.insert(("POST".into(), staff_one.into(), expected));
        }
        let attachment = "/api/v1/records/{record}/messages/{thread}/attachments/{message}/{index}";
        let staff_attachment = "/api/v1/staff/messages/{thread}/attachments/{message}/{index}";
        for (client, route, path) in [
            (
                &patient,
                attachment,
                format!(
                    "/api/v1/records/{margery}/messages/{thread_id}/attachments/{message_id}/1"
                ),
            ),
            (
                &staff,
                staff_attachment,
                format!("/api/v1/staff/messages/{thread_id}/attachments/{message_id}/1"),
            ),
        ] {
            let res = client.get(app.url(&path)).send().await?;
            assert_eq!(res.status(), StatusCode::OK);
            assert!(doc["paths"][route]["get"]["responses"]["200"]["content"]
                .get("application/pdf")
                .is_some());
            seen.insert(("GET".into(), route.into(), 200));
        }
        let message_cases: Vec<(&Client, Method, String, String, Option<Value>)> = vec![
            (
                &patient,
                get.clone(),
                threads.into(),
                format!("/api/v1/records/{margery}/messages"),
                None,
            ),
            (
                &doctor,
                get.clone(),
                threads.into(),
                format!("/api/v1/records/{margery}/messages"),
                None,
            ),
            (
                &patient,
                get.clone(),
                threads.into(),
                format!("/api/v1/records/{reyna}/messages"),
                None,
            ),
            (
                &patient,
                get.clone(),
                one.into(),
                format!("/api/v1/records/{margery}/messages/{thread_id}"),
                None,
            ),
            (
                &patient,
                get.clone(),
                one.into(),
                format!("/api/v1/records/{margery}/messages/onbekend"),
                None,
            ),
            (
                &patient,
                get.clone(),
                attachment.into(),
                format!(
                    "/api/v1/records/{margery}/messages/{thread_id}/attachments/{message_id}/9"
                ),
                None,
            ),
            (
                &staff,
                get.clone(),
                "/api/v1/staff/messages".into(),
                "/api/v1/staff/messages".into(),
                None,
            ),
            (
                &patient,
                get.clone(),
                "/api/v1/staff/messages".into(),
                "/api/v1/staff/messages".into(),
                None,
            ),
            (
                &staff,
                get.clone(),
                staff_one.into(),
                format!("/api/v1/staff/messages/{thread_id}"),
                None,
            ),
            (
                &staff,
                get.clone(),
                staff_one.into(),
                "/api/v1/staff/messages/onbekend".into(),
                None,
            ),
            (
                &patient,
                get.clone(),
                staff_one.into(),
                format!("/api/v1/staff/messages/{thread_id}"),
                None,
            ),
            (
                &patient,
                get.clone(),
                staff_attachment.into(),
                format!("/api/v1/staff/messages/{thread_id}/attachments/{message_id}/1"),
                None,
            ),
        ];
        for (client, method, route, path, body) in message_cases {
            let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
            seen.insert((method.to_string(), route, status.as_u16()));
        }
    }

    // Identity: the account, recovery, code cards and the helpdesk, in an order that works.
    let acct = app.signed_in("reyna").await?;
    let leaving = app.signed_in("margery").await?;
    let losing = app.signed_in("noor").await?;
    let helpdesk = app.signed_in("ombuds").await?;
    let put = Method::PUT;
    let delete = Method::DELETE;
    let identity =
        |client: &Client, method: &Method, route: &str, path: &str, body: Option<Value>| {
            let (client, method, route, path) = (
                client.clone(),
                method.clone(),
                route.to_owned(),
                path.to_owned(),
            );
            let (app, doc) = (&app, &doc);
            async move {
                let (status, body) =
                    call(&client, app, doc, method.clone(), &route, &path, body).await?;
                anyhow::Ok((method.to_string(), route, status.as_u16(), body))
            }
        };
    let mut record = |r: (String, String, u16, Value)| {
        seen.insert((r.0, r.1, r.2));
        r.3
    };
    record(
        identity(
            &acct,
            &get,
            "/api/v1/me/account",
            "/api/v1/me/account",
            None,
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &get,
            "/api/v1/me/account",
            "/api/v1/me/account",
            None,
        )
        .await?,
    );
    record(identity(&acct, &put, "/api/v1/me/password", "/api/v1/me/password", Some(json!({"current_password": "fout", "new_password": "zeven blauwe olifanten dansen"}))).await?);
    record(
        identity(
            &acct,
            &put,
            "/api/v1/me/username",
            "/api/v1/me/username",
            Some(json!({"username": "margery"})),
        )
        .await?,
    );
    record(
        identity(
            &acct,
            &put,
            "/api/v1/me/username",
            "/api/v1/me/username",
            Some(json!({"username": "1234567"})),
        )
        .await?,
    );
    record(
        identity(
            &acct,
            &put,
            "/api/v1/me/email",
            "/api/v1/me/email",
            Some(json!({"email": "reyna@example.org"})),
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &post,
            "/api/v1/email/confirm",
            "/api/v1/email/confirm",
            Some(json!({"token": "onbekend"})),
        )
        .await?,
    );
    record(
        identity(
            &acct,
            &delete,
            "/api/v1/me/sessions/{id}",
            "/api/v1/me/sessions/onbekend",
            None,
        )
        .await?,
    );
    record(
        identity(
            &acct,
            &post,
            "/api/v1/me/code-card/request",
            "/api/v1/me/code-card/request",
            None,
        )
        .await?,
    );
    record(
        identity(
            &doctor,
            &post,
            "/api/v1/me/code-card/request",
            "/api/v1/me/code-card/request",
            None,
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &post,
            "/api/v1/code-card-requests",
            "/api/v1/code-card-requests",
            Some(json!({"national_number": "90.02.01-997.04", "email": "iemand@example.org"})),
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &post,
            "/api/v1/code-card-requests",
            "/api/v1/code-card-requests",
            Some(json!({"national_number": "90.02.01-997.05", "email": "iemand@example.org"})),
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &post,
            "/api/v1/code-card-requests/confirm",
            "/api/v1/code-card-requests/confirm",
            Some(json!({"token": "onbekend"})),
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &post,
            "/api/v1/password-reset",
            "/api/v1/password-reset",
            Some(json!({"username": "reyna"})),
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &post,
            "/api/v1/password-reset",
            "/api/v1/password-reset",
            Some(json!({"username": ""})),
        )
        .await?,
    );
    record(
        identity(
            &anonymous,
            &post,
            "/api/v1/password-reset/challenge",
            "/api/v1/password-reset/challenge",
            Some(json!({"token": "onbekend"})),
        )
        .await?,
    );
    record(identity(&anonymous, &post, "/api/v1/password-reset/complete", "/api/v1/password-reset/complete", Some(json!({"token": "onbekend", "challenge_id": "x", "code": "1234 5678", "new_password": "zeven blauwe olifanten dansen"}))).await?);
    record(
        identity(
            &patient,
            &get,
            "/api/v1/staff/code-cards",
            "/api/v1/staff/code-cards",
            None,
        )
        .await?,
    );
    let queue = record(
        identity(
            &helpdesk,
            &get,
            "/api/v1/staff/code-cards",
            "/api/v1/staff/code-cards",
            None,
        )
        .await?,
    );
    let letter = queue[0]["id"].as_str().unwrap_or_default().to_owned();
    record(
        identity(
            &helpdesk,
            &get,
            "/api/v1/staff/code-cards/{id}/letter",
            &format!("/api/v1/staff/code-cards/{letter}/letter"),
            None,
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/code-cards/{id}/posted",
            &format!("/api/v1/staff/code-cards/{letter}/posted"),
            None,
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/code-cards/{id}/posted",
            &format!("/api/v1/staff/code-cards/{letter}/posted"),
            None,
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &get,
            "/api/v1/staff/code-cards/{id}/letter",
            &format!("/api/v1/staff/code-cards/{letter}/letter"),
            None,
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/patients/{id}/code-card",
            &format!("/api/v1/staff/patients/{reyna}/code-card"),
            None,
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/patients/{id}/code-card",
            "/api/v1/staff/patients/onbekend/code-card",
            None,
        )
        .await?,
    );
    let found = record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/lookup",
            "/api/v1/staff/accounts/lookup",
            Some(json!({"username": "reyna"})),
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/lookup",
            "/api/v1/staff/accounts/lookup",
            Some(json!({"username": "niemand"})),
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/lookup",
            "/api/v1/staff/accounts/lookup",
            Some(json!({"username": ""})),
        )
        .await?,
    );
    record(
        identity(
            &patient,
            &post,
            "/api/v1/staff/accounts/lookup",
            "/api/v1/staff/accounts/lookup",
            Some(json!({"username": "reyna"})),
        )
        .await?,
    );
    let account_id = found["account_id"].as_str().unwrap_or_default().to_owned();
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/{id}/unlock",
            &format!("/api/v1/staff/accounts/{account_id}/unlock"),
            None,
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/{id}/unlock",
            "/api/v1/staff/accounts/onbekend/unlock",
            None,
        )
        .await?,
    );
    // Passkeys: the options (the ceremony is tested in passkeys.rs), and the refusals of a
    // credential that answers no ceremony and of a passkey that is not the person's.
    let options = record(
        identity(
            &acct,
            &post,
            "/api/v1/me/passkeys/register/start",
            "/api/v1/me/passkeys/register/start",
            None,
        )
        .await?,
    );
    assert_eq!(options["options"]["publicKey"]["rp"]["id"], "localhost");
    let no_credential = json!({
        "id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": { "attestationObject": "AAAA", "clientDataJSON": "AAAA" },
        "extensions": {}
    });
    record(
        identity(
            &acct,
            &post,
            "/api/v1/me/passkeys/register/finish",
            "/api/v1/me/passkeys/register/finish",
            Some(json!({"ceremony_id": "onbekend", "name": "telefoon",
                "credential": no_credential})),
        )
        .await?,
    );
    record(
        identity(
            &acct,
            &delete,
            "/api/v1/me/passkeys/{id}",
            "/api/v1/me/passkeys/onbekend",
            None,
        )
        .await?,
    );
    let no_assertion = json!({
        "id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": { "authenticatorData": "AAAA", "clientDataJSON": "AAAA",
            "signature": "AAAA", "userHandle": null },
        "extensions": {}
    });
    record(
        identity(
            &browser(),
            &post,
            "/api/v1/login/passkey",
            "/api/v1/login/passkey",
            Some(json!({"challenge_id": "onbekend", "username": "reyna",
                "password": "een wachtwoord dat niet klopt", "credential": no_assertion})),
        )
        .await?,
    );
    // Terms of use and suspension (a care provider's account: staff suspend any account).
    record(identity(&anonymous, &get, "/api/v1/terms", "/api/v1/terms", None).await?);
    record(
        identity(
            &acct,
            &put,
            "/api/v1/me/terms",
            "/api/v1/me/terms",
            Some(json!({"version": "1999-01"})),
        )
        .await?,
    );
    record(
        identity(
            &acct,
            &put,
            "/api/v1/me/terms",
            "/api/v1/me/terms",
            Some(json!({"version": inzage_server::network::DEFAULT_TERMS_VERSION})),
        )
        .await?,
    );
    let schroeder = record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/lookup",
            "/api/v1/staff/accounts/lookup",
            Some(json!({"username": "dr.schroeder"})),
        )
        .await?,
    );
    let schroeder = schroeder["account_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/{id}/suspend",
            &format!("/api/v1/staff/accounts/{schroeder}/suspend"),
            Some(json!({"reason": ""})),
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/{id}/suspend",
            &format!("/api/v1/staff/accounts/{schroeder}/suspend"),
            Some(json!({"reason": "Misbruik"})),
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/{id}/suspend",
            "/api/v1/staff/accounts/onbekend/suspend",
            Some(json!({"reason": "Misbruik"})),
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/{id}/resume",
            &format!("/api/v1/staff/accounts/{schroeder}/resume"),
            None,
        )
        .await?,
    );
    record(
        identity(
            &helpdesk,
            &post,
            "/api/v1/staff/accounts/{id}/resume",
            "/api/v1/staff/accounts/onbekend/resume",
            None,
        )
        .await?,
    );
    record(
        identity(
            &leaving,
            &post,
            "/api/v1/me/sessions/end-all",
            "/api/v1/me/sessions/end-all",
            None,
        )
        .await?,
    );
    record(
        identity(
            &losing,
            &post,
            "/api/v1/me/code-card/block",
            "/api/v1/me/code-card/block",
            None,
        )
        .await?,
    );

    let fresh = browser();
    let login =
        inzage_tests::answer_rightly(&fresh, &app.url(""), app.login_of("reyna"), "reyna").await?;
    assert_eq!(login.status(), StatusCode::OK);
    conforms(&doc, &post, "/api/v1/login", login).await?;
    for (client, method, route, path, body) in cases {
        let (status, _) = call(client, &app, &doc, method.clone(), &route, &path, body).await?;
        seen.insert((method.to_string(), route, status.as_u16()));
    }
    // Video consultations: the room before and in its hours; the signalling route answers a
    // request that is no WebSocket upgrade with 400 (the upgrade itself is in video.rs).
    {
        let patient = app.signed_in("margery").await?;
        let doctor = app.signed_in("dr.gleason").await?;
        let other = app.signed_in("sherron").await?;
        let room = "/api/v1/records/{record}/appointments/{id}/video";
        let signal = "/api/v1/records/{record}/appointments/{id}/video/signal";
        let list = "/api/v1/provider/video-consultations";
        let video = "Appointment%2Finzage-demo-videoconsultatie";
        let room_path = format!("/api/v1/records/{margery}/appointments/{video}/video");
        let signal_path = format!("{room_path}/signal");
        let before: Vec<(&Client, &str, String, u16)> = vec![
            (&patient, room, room_path.clone(), 409),
            (&anonymous, room, room_path.clone(), 401),
            (&doctor, list, list.into(), 200),
            (&patient, list, list.into(), 403),
            (&anonymous, list, list.into(), 401),
        ];
        let after: Vec<(&Client, &str, String, u16)> = vec![
            (&patient, room, room_path.clone(), 200),
            (&doctor, room, room_path.clone(), 200),
            (&other, room, room_path.clone(), 404),
            (&patient, signal, signal_path.clone(), 400),
            (&other, signal, signal_path.clone(), 404),
            (&anonymous, signal, signal_path.clone(), 401),
        ];
        for (step, cases) in [before, after].into_iter().enumerate() {
            if step == 1 {
                app.clock.advance(time::Duration::minutes(20));
            }
            for (client, route, path, expected) in cases {
                let (status, _) = call(client, &app, &doc, get.clone(), route, &path, None).await?;
                assert_eq!(status.as_u16(), expected, "{path}");
                seen.insert(("GET".into(), route.into(), expected));
            }
        }
    }

    // The check bites: a body that breaks the schema is caught.
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc["components"].clone(),
        "$ref": "#/components/schemas/Me",
    });
    let validator = jsonschema::validator_for(&root).map_err(|e| anyhow::anyhow!("{e}"))?;
    assert!(validator.is_valid(&json!({"display_name": "X", "kind": "patient", "record": "p1"})));
    assert!(!validator.is_valid(&json!({"display_name": 5, "kind": "patient"})));
    assert!(!validator.is_valid(&json!({"display_name": "X", "kind": "robot"})));

    // Every documented route was exercised.
    let routes: Vec<(String, String)> = doc["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.iter())
        .flat_map(|(route, ops)| {
            ops.as_object()
                .into_iter()
                .flat_map(|o| o.keys())
                .map(move |m| (m.to_uppercase(), route.clone()))
        })
        .collect();
    for (method, route) in routes {
        assert!(
            seen.iter().any(|(m, r, _)| *m == method && *r == route),
            "{method} {route} is documented but not exercised here"
        );
    }
    Ok(())
}

//! When new results appear: the care team's hold (AZ Voorbeeld holds new results two days in
//! the demo network) and the patient's own choice on top of it. A held value is missing from
//! every path (overview, series, search, export) until the instant its hold ends; only the
//! patient or whoever acts in their place changes the choice; each change is audited.

use inzage_domain::appointments::TakeSlot;
use inzage_domain::record::{ResultsOverview, SearchResults};
use inzage_domain::release::{
    HospitalHold, ReleaseCategory, ReleasePreference, ReleaseSettings, SetRelease,
};
use inzage_domain::wire::AuditPage;
use inzage_tests::{Db, TestApp};
use reqwest::StatusCode;
use time::macros::{date, datetime};
use time::Duration;

use super::sections::get;

on_both_backends!(
    new_results_wait_for_the_care_team_and_for_the_patients_own_choice,
    a_new_report_waits_for_the_care_team_in_every_path_but_not_for_the_doctor,
    only_the_patient_or_their_proxy_chooses_and_bad_choices_are_refused,
);

/// Which of the demo's two new values (vitamin D, issued 26 November 16:00 Brussels time;
/// ferritin, issued 27 November 12:00) the patient sees now, through every path (in a new
/// session: the test moves the clock by days).
async fn new_values_seen(app: &TestApp, record: &str) -> anyhow::Result<(bool, bool)> {
    let client = &app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{record}");
    let overview: ResultsOverview = get(client, app, &format!("{rec}/results")).await?;
    let listed = |code: &str| overview.tests.iter().any(|t| t.code == code);
    let export = client
        .get(app.url(&format!("/api/v1/fhir/Patient/{record}/$everything")))
        .send()
        .await?
        .text()
        .await?;
    let mut seen = Vec::new();
    for (code, id, word) in [
        ("1989-3", "inzage-demo-vitamine-d", "vitamine"),
        ("2276-4", "inzage-demo-ferritine", "ferritine"),
    ] {
        let found: SearchResults = get(client, app, &format!("{rec}/search?q={word}")).await?;
        let paths = [listed(code), export.contains(id), !found.hits.is_empty()];
        assert!(
            paths.iter().all(|p| *p == paths[0]),
            "{code}: overview, export and search disagree: {paths:?}"
        );
        seen.push(paths[0]);
    }
    Ok((seen[0], seen[1]))
}

async fn set(
    client: &reqwest::Client,
    app: &TestApp,
    record: &str,
    category: ReleaseCategory,
    preference: ReleasePreference,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .put(app.url(&format!("/api/v1/records/{record}/release")))
        .json(&SetRelease {
            category,
            preference,
        })
        .send()
        .await?)
}

async fn new_results_wait_for_the_care_team_and_for_the_patients_own_choice(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;

    // The settings: nothing chosen yet; AZ Voorbeeld holds new results two days.
    let settings: ReleaseSettings = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/release"),
    )
    .await?;
    assert!(settings.can_change);
    let results = &settings.categories[0];
    assert_eq!(results.category, ReleaseCategory::Results);
    assert_eq!(results.preference, ReleasePreference::Immediately);
    assert_eq!(results.since, None);
    assert_eq!(
        results.care_team,
        vec![HospitalHold {
            hospital: "AZ Voorbeeld (demo)".into(),
            days: 2
        }]
    );
    assert!(settings.categories[1].care_team.is_empty());

    // Both values are still held by the care team.
    assert_eq!(new_values_seen(&app, &margery).await?, (false, false));

    // The patient chooses to see new results only after her consultation, and books one.
    let res = set(
        &patient,
        &app,
        &margery,
        ReleaseCategory::Results,
        ReleasePreference::AfterConsultation,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let settings: ReleaseSettings = res.json().await?;
    assert_eq!(
        settings.categories[0].preference,
        ReleasePreference::AfterConsultation
    );
    assert_eq!(settings.categories[0].since, Some(date!(2026 - 11 - 27)));
    let consultation = datetime!(2026-11-30 08:00 UTC);
    let res = patient
        .post(app.url(&format!("/api/v1/records/{margery}/appointments")))
        .json(&TakeSlot {
            slot: "Slot/inzage-demo-slot-20261130-0900".into(),
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::CREATED);

    // Vitamin D was issued before the choice: the care team's two days end to the second.
    let vitamin_d_released = datetime!(2026-11-28 15:00 UTC);
    app.clock.set(vitamin_d_released - Duration::seconds(1));
    assert_eq!(new_values_seen(&app, &margery).await?, (false, false));
    app.clock.set(vitamin_d_released);
    assert_eq!(new_values_seen(&app, &margery).await?, (true, false));

    // Ferritin came on the day of the choice: past the care team's hold it waits for the
    // consultation, and appears the moment it starts.
    app.clock.set(consultation - Duration::seconds(1));
    assert_eq!(new_values_seen(&app, &margery).await?, (true, false));
    app.clock.set(consultation);
    assert_eq!(new_values_seen(&app, &margery).await?, (true, true));

    // Switching to "a week later" keeps the day of the first choice; "immediately" clears it.
    let patient = app.signed_in("margery").await?;
    let res = set(
        &patient,
        &app,
        &margery,
        ReleaseCategory::Results,
        ReleasePreference::AfterAWeek,
    )
    .await?;
    let settings: ReleaseSettings = res.json().await?;
    assert_eq!(settings.categories[0].since, Some(date!(2026 - 11 - 27)));
    // Ferritin was issued on 27 November: a week later is 4 December.
    assert_eq!(new_values_seen(&app, &margery).await?, (true, false));
    let res = set(
        &patient,
        &app,
        &margery,
        ReleaseCategory::Results,
        ReleasePreference::Immediately,
    )
    .await?;
    let settings: ReleaseSettings = res.json().await?;
    assert_eq!(settings.categories[0].since, None);
    assert_eq!(new_values_seen(&app, &margery).await?, (true, true));

    // Each change is in the audit trail.
    let audit: AuditPage = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/audit?limit=100"),
    )
    .await?;
    let changes = audit
        .entries
        .iter()
        .filter(|e| e.resource == "release/results")
        .count();
    assert_eq!(changes, 3);
    Ok(())
}

async fn only_the_patient_or_their_proxy_chooses_and_bad_choices_are_refused(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let url = app.url(&format!("/api/v1/records/{margery}/release"));

    // Another patient: the same answer as a missing record, reading or writing.
    let reyna = app.signed_in("reyna").await?;
    assert_eq!(
        reyna.get(&url).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    let res = set(
        &reyna,
        &app,
        &margery,
        ReleaseCategory::Results,
        ReleasePreference::AfterAWeek,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Her GP reads the record but does not choose for her.
    let gp = app.signed_in("dr.gleason").await?;
    let settings: ReleaseSettings =
        get(&gp, &app, &format!("/api/v1/records/{margery}/release")).await?;
    assert!(!settings.can_change);
    let res = set(
        &gp,
        &app,
        &margery,
        ReleaseCategory::Results,
        ReleasePreference::AfterAWeek,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Not a category or a choice: refused, nothing stored.
    let patient = app.signed_in("margery").await?;
    for body in [
        serde_json::json!({ "category": "results", "preference": "never" }),
        serde_json::json!({ "category": "x-rays", "preference": "after_a_week" }),
        serde_json::json!({ "category": "results" }),
        serde_json::json!({ "category": "results", "preference": "after_a_week", "days": 3 }),
    ] {
        let res = patient.put(&url).json(&body).send().await?;
        assert!(res.status().is_client_error(), "{body}: {}", res.status());
        assert_ne!(res.status(), StatusCode::NOT_FOUND);
    }
    let settings: ReleaseSettings = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/release"),
    )
    .await?;
    assert!(settings
        .categories
        .iter()
        .all(|c| c.preference == ReleasePreference::Immediately));
    Ok(())
}

async fn a_new_report_waits_for_the_care_team_in_every_path_but_not_for_the_doctor(
    db: Db,
) -> anyhow::Result<()> {
    // AZ Voorbeeld also holds new reports a week.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../config/demo-network.toml"),
    )?
    .replace(
        "release = { results_after_days = 2 }",
        "release = { results_after_days = 2, reports_after_days = 7 }",
    );
    let network = inzage_server::network::Network::parse(&text)?;
    let app = TestApp::spawn_with(db, move |c| c.network = network).await?;
    let margery = app.id_of("margery");
    let bundle = serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
        "resourceType": "DiagnosticReport", "id": "release-test-mri", "status": "final",
        "code": {"text": "MRI knie vrijgavetest"},
        "subject": {"reference": format!("Patient/{margery}")},
        "effectiveDateTime": "2026-11-25T14:00:00+01:00",
        "issued": "2026-11-26T16:00:00+01:00",
        "performer": [{"reference": "Organization/inzage-demo-az-voorbeeld"}]
    }}]});
    inzage_server::fhir::import_bundle(&app.store, &bundle.to_string(), None).await?;

    let rec = format!("/api/v1/records/{margery}");
    let seen = |who: &'static str| {
        let app = &app;
        let rec = rec.clone();
        async move {
            let client = app.signed_in(who).await?;
            let list: inzage_domain::wire::ReportList =
                get(&client, app, &format!("{rec}/reports")).await?;
            let listed = list.reports.iter().any(|r| r.id == "release-test-mri");
            let found: SearchResults =
                get(&client, app, &format!("{rec}/search?q=vrijgavetest")).await?;
            let opened = client
                .get(app.url(&format!("{rec}/reports/release-test-mri")))
                .send()
                .await?
                .status();
            let paths = [listed, !found.hits.is_empty(), opened == StatusCode::OK];
            assert!(paths.iter().all(|p| *p == paths[0]), "{who}: {paths:?}");
            anyhow::Ok(paths[0])
        }
    };
    // Held for the patient a week from when it was issued; her GP reads it at once.
    assert!(!seen("margery").await?);
    assert!(seen("dr.gleason").await?);
    let settings: ReleaseSettings = get(
        &app.signed_in("margery").await?,
        &app,
        &format!("{rec}/release"),
    )
    .await?;
    assert_eq!(settings.categories[1].care_team[0].days, 7);
    app.clock
        .set(datetime!(2026-12-03 15:00 UTC) - Duration::seconds(1));
    assert!(!seen("margery").await?);
    app.clock.set(datetime!(2026-12-03 15:00 UTC));
    assert!(seen("margery").await?);
    Ok(())
}

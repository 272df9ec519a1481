//! Filters, pages and the search across the record: a filter only narrows what the person may
//! read already, bad filters get a message per field, and a search never finds what its page
//! would not show.

use std::collections::HashSet;

use super::sections::get;
use inzage_domain::record::{HitKind, ResultsOverview, SearchResults};
use inzage_domain::wire::{AuditPage, ErrorBody, ReportList};
use inzage_tests::{browser, Db, TestApp};
use reqwest::StatusCode;
use time::macros::date;

on_both_backends!(
    reports_filter_by_hospital_period_and_words_in_pages,
    results_filter_by_words_and_hospital,
    bad_filters_are_refused_by_field,
    a_search_finds_only_what_its_reader_may_open,
);

const DEMO_HOSPITAL: &str = "AZ Voorbeeld (demo)";

async fn reports_filter_by_hospital_period_and_words_in_pages(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let rec = format!("/api/v1/records/{}/reports", app.id_of("margery"));

    // Her GP reads more of Margery's reports than fit on a page (the patient's own list has
    // fewer: not all are validated yet). Every page together holds each report once, newest
    // first, and no page is too long.
    let gp = app.signed_in("dr.weimann").await?;
    let first: ReportList = get(&gp, &app, &rec).await?;
    assert_eq!(first.page.number, 1);
    assert!(first.page.count() > 1, "more than one page");
    let mut pages = Vec::new();
    for page in 1..=first.page.count() {
        let list: ReportList = get(&gp, &app, &format!("{rec}?page={page}")).await?;
        assert_eq!(list.page.total, first.page.total);
        assert!(list.reports.len() <= list.page.size as usize);
        pages.extend(list.reports);
    }
    assert_eq!(pages.len(), first.page.total as usize);
    let ids: HashSet<&str> = pages.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), pages.len(), "no report on two pages");
    assert!(
        pages.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    // A page past the end is empty, not an error.
    let past: ReportList =
        get(&gp, &app, &format!("{rec}?page={}", first.page.count() + 1)).await?;
    assert!(past.reports.is_empty());

    let client = app.signed_in("margery").await?;
    let first: ReportList = get(&client, &app, &rec).await?;
    assert_eq!(first.page.count(), 1);
    let all = first.reports.clone();

    // The hospitals to choose from are those of the reports.
    let names: HashSet<&str> = all.iter().map(|r| r.hospital.as_str()).collect();
    let offered: HashSet<&str> = first.hospitals.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(offered, names);
    let demo = first
        .hospitals
        .iter()
        .find(|h| h.name == DEMO_HOSPITAL)
        .expect("the demo hospital is offered");
    let only_demo: ReportList = get(&client, &app, &format!("{rec}?hospital={}", demo.id)).await?;
    let expected = all.iter().filter(|r| r.hospital == DEMO_HOSPITAL).count();
    assert_eq!(only_demo.page.total as usize, expected);
    assert!(only_demo
        .reports
        .iter()
        .all(|r| r.hospital == DEMO_HOSPITAL));
    assert_eq!(
        only_demo.hospitals, first.hospitals,
        "the choice stays whole"
    );

    // A period includes both of its days.
    let period: ReportList = get(
        &client,
        &app,
        &format!("{rec}?from=2023-09-18&to=2024-12-31"),
    )
    .await?;
    let in_period = all
        .iter()
        .filter(|r| (date!(2023 - 09 - 18)..=date!(2024 - 12 - 31)).contains(&r.date))
        .count();
    assert_eq!(period.page.total as usize, in_period);
    assert!(period
        .reports
        .iter()
        .any(|r| r.id == "inzage-demo-mri-knie"));

    // Words match in any case, with or without accents.
    for words in ["rechterknie", "MRI  RECHTERKNIE", "réchterknïe"] {
        let found: ReportList = get(&client, &app, &format!("{rec}?q={words}")).await?;
        let ids: Vec<&str> = found.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["inzage-demo-mri-knie"], "{words}");
    }
    // A hidden report is not found by its title either.
    let hidden: ReportList = get(&client, &app, &format!("{rec}?q=Psychiatrisch")).await?;
    assert!(hidden.reports.is_empty());
    assert_eq!(hidden.page.total, 0);
    Ok(())
}

async fn results_filter_by_words_and_hospital(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{}/results", app.id_of("margery"));
    let all: ResultsOverview = get(&client, &app, &rec).await?;
    assert_eq!(
        all.page.total as usize,
        all.tests.len(),
        "one page holds them"
    );

    let crp: ResultsOverview = get(&client, &app, &format!("{rec}?q=proteine")).await?;
    let codes: Vec<&str> = crp.tests.iter().map(|t| t.code.as_str()).collect();
    assert!(codes.contains(&"1988-5"), "{codes:?}");
    assert!(crp
        .tests
        .iter()
        .all(|t| inzage_domain::listing::fold(&t.name).contains("proteine")));

    let demo = all
        .hospitals
        .iter()
        .find(|h| h.name == DEMO_HOSPITAL)
        .expect("the demo hospital is offered");
    let only_demo: ResultsOverview =
        get(&client, &app, &format!("{rec}?hospital={}", demo.id)).await?;
    assert!(!only_demo.tests.is_empty());
    assert!(only_demo.tests.len() < all.tests.len());
    // Haemoglobin: four values from the demo hospital, the fifth from Synthea's is left out.
    let hb = only_demo
        .tests
        .iter()
        .find(|t| t.code == "718-7")
        .expect("haemoglobin");
    assert_eq!(hb.count, 4);
    assert!(only_demo
        .tests
        .iter()
        .all(|t| t.latest.hospital == DEMO_HOSPITAL));
    Ok(())
}

async fn bad_filters_are_refused_by_field(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let rec = format!("/api/v1/records/{}", app.id_of("margery"));
    let long = "x".repeat(101);
    for (list, query, field, key) in [
        ("reports", "from=31-12-2020", "from", "list.bad_date"),
        (
            "reports",
            "from=2024-05-01&to=2024-04-30",
            "to",
            "list.period_reversed",
        ),
        ("results", "to=2024-02-30", "to", "list.bad_date"),
        ("results", "page=0", "page", "list.bad_page"),
        ("search", "page=-1", "page", "list.bad_page"),
        ("search", &format!("q={long}"), "q", "list.query_too_long"),
    ] {
        let res = client
            .get(app.url(&format!("{rec}/{list}?{query}")))
            .send()
            .await?;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{list}?{query}"
        );
        let body: ErrorBody = res.json().await?;
        assert_eq!(
            body.fields
                .first(field)
                .map(|m| m.key.to_string())
                .as_deref(),
            Some(key),
            "{list}?{query}"
        );
    }
    // A bad filter is refused before anything is read: nothing is audited.
    let audit: AuditPage = get(&client, &app, &format!("{rec}/audit?limit=50")).await?;
    assert!(audit
        .entries
        .iter()
        .all(|e| !matches!(e.resource.as_str(), "reports" | "results" | "search")));
    Ok(())
}

async fn a_search_finds_only_what_its_reader_may_open(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let client = app.signed_in("margery").await?;
    let search = |words: &str| format!("/api/v1/records/{margery}/search?q={words}");

    // A report's conclusion is searched, not only its title.
    let found: SearchResults = get(&client, &app, &search("meniscus")).await?;
    assert!(found
        .hits
        .iter()
        .any(|h| h.kind == HitKind::Report && h.id == "inzage-demo-mri-knie"));
    // A test counts once, whatever its number of values.
    let crp: SearchResults = get(&client, &app, &search("proteïne")).await?;
    let crp_hits = crp
        .hits
        .iter()
        .filter(|h| h.kind == HitKind::Result && h.id == "1988-5")
        .count();
    assert_eq!(crp_hits, 1);
    let allergy: SearchResults = get(&client, &app, &search("penicilline")).await?;
    assert!(allergy.hits.iter().any(|h| h.kind == HitKind::Allergy));

    // Shielded, preliminary, refuted, draft and pre-cutoff entries are never found, by any word.
    for words in [
        "Psychiatrisch",
        "therapeutische exceptie",
        "Echografie abdomen",
        "Latex",
        "Tramadol",
        "Normale thoraxfoto",
    ] {
        let res: SearchResults = get(&client, &app, &search(words)).await?;
        assert!(res.hits.is_empty(), "{words}: {:?}", res.hits);
    }
    let everything: SearchResults = get(&client, &app, &search("")).await?;
    let mut ids = HashSet::new();
    for page in 1..=everything.page.count() {
        let res: SearchResults = get(
            &client,
            &app,
            &format!("/api/v1/records/{margery}/search?page={page}"),
        )
        .await?;
        ids.extend(res.hits.into_iter().map(|h| h.id));
    }
    for hidden in [
        "inzage-demo-psychiatrie-afgeschermd",
        "inzage-demo-genetica-afgeschermd",
        "inzage-demo-echo-voorlopig",
        "inzage-demo-bloedname-geregistreerd",
        "inzage-demo-rx-voor-cutoff",
        "2823-3",
        "20447-9",
    ] {
        assert!(!ids.contains(hidden), "{hidden} found");
    }

    // The hospital and period narrow a search too.
    let demo = everything
        .hospitals
        .iter()
        .find(|h| h.name == DEMO_HOSPITAL)
        .expect("the demo hospital is offered");
    let narrowed: SearchResults = get(
        &client,
        &app,
        &format!(
            "/api/v1/records/{margery}/search?hospital={}&from=2023-01-01&to=2023-12-31",
            demo.id
        ),
    )
    .await?;
    assert!(!narrowed.hits.is_empty());
    assert!(narrowed.hits.iter().all(|h| h.hospital == DEMO_HOSPITAL
        && (date!(2023 - 01 - 01)..=date!(2023 - 12 - 31)).contains(&h.date)));

    // Another patient finds nothing of Margery's in her own record and cannot search Margery's.
    let reyna = app.signed_in("reyna").await?;
    let own: SearchResults = get(
        &reyna,
        &app,
        &format!(
            "/api/v1/records/{}/search?q=penicilline",
            app.id_of("reyna")
        ),
    )
    .await?;
    assert!(own.hits.is_empty());
    let foreign = reyna.get(app.url(&search("penicilline"))).send().await?;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    let anonymous = browser()
        .get(app.url(&search("penicilline")))
        .send()
        .await?;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    // Each search is in the audit trail, as a search.
    let audit: AuditPage = get(
        &client,
        &app,
        &format!("/api/v1/records/{margery}/audit?limit=50"),
    )
    .await?;
    let searches = audit
        .entries
        .iter()
        .filter(|e| e.resource == "search")
        .count();
    assert!(searches >= 10, "{searches} searches audited");
    Ok(())
}

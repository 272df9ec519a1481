//! Acting for someone else (issue 5): a parent's link request, staff's decision, the linked
//! records, and the link ending by itself at the child's 15th birthday.

use inzage_domain::access::RuleId;
use inzage_domain::wire::{
    ErrorBody, LinkRequest, LinkRequestStatus, LinkedRecord, RequestStatus, StaffDecision,
    StaffLinkRequest,
};
use inzage_tests::{Db, TestApp};
use reqwest::{Client, StatusCode};
use time::macros::datetime;

on_both_backends!(
    a_parent_is_linked_by_staff_and_the_link_ends_at_15,
    staff_refuse_with_a_reason_and_decide_once,
    the_law_gives_no_link_to_a_child_of_15,
    only_staff_handle_the_queue,
    at_death_portal_access_ends_for_the_patient_and_every_proxy_and_nothing_is_deleted,
    a_dutch_child_of_13_grants_and_withdraws_a_parents_access,
    staff_record_a_dutch_parent_without_authority_whom_no_consent_lets_in,
);

pub(super) async fn insz_of(app: &TestApp, given: &str, family: &str) -> anyhow::Result<String> {
    let (id, _) = app
        .store
        .find_patient_by_name(given, family)
        .await?
        .expect("demo child");
    Ok(app
        .store
        .patient(&id)
        .await?
        .and_then(|p| p.insz)
        .expect("national number"))
}

pub(super) async fn ask(
    app: &TestApp,
    parent: &Client,
    name: &str,
    insz: &str,
) -> anyhow::Result<LinkRequestStatus> {
    let res = parent
        .post(app.url("/api/v1/link-requests"))
        .json(&LinkRequest {
            child_name: name.into(),
            child_national_number: insz.into(),
            message: "Ik ben de moeder.".into(),
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    Ok(res.json().await?)
}

pub(super) async fn decide(
    app: &TestApp,
    staff: &Client,
    id: &str,
    approve: bool,
    reason: &str,
) -> anyhow::Result<reqwest::Response> {
    Ok(staff
        .post(app.url(&format!("/api/v1/staff/link-requests/{id}")))
        .json(&StaffDecision {
            approve,
            reason: reason.into(),
            without_authority: false,
            incapacity: false,
        })
        .send()
        .await?)
}

async fn records(app: &TestApp, client: &Client) -> anyhow::Result<Vec<LinkedRecord>> {
    Ok(client
        .get(app.url("/api/v1/records"))
        .send()
        .await?
        .json()
        .await?)
}

async fn a_parent_is_linked_by_staff_and_the_link_ends_at_15(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let (jorge, _) = app
        .store
        .find_patient_by_name("Jorge", "Brekke")
        .await?
        .unwrap();
    let insz = insz_of(&app, "Jorge", "Brekke").await?;
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;

    let before = records(&app, &reyna).await?;
    assert_eq!(before.len(), 1);
    assert!(before[0].own);

    let request = ask(&app, &reyna, "Jorge Brekke", &insz).await?;
    assert_eq!(request.status, RequestStatus::Pending);
    let queue: Vec<StaffLinkRequest> = staff
        .get(app.url("/api/v1/staff/link-requests"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].requester_name, "Reyna Ziemann");
    assert_eq!(queue[0].record_name.as_deref(), Some("Jorge Brekke"));

    let res = decide(&app, &staff, &request.id, true, "").await?;
    assert_eq!(res.status(), StatusCode::OK);
    let decided: LinkRequestStatus = res.json().await?;
    assert_eq!(decided.status, RequestStatus::Approved);

    let linked = records(&app, &reyna).await?;
    let child = linked
        .iter()
        .find(|r| r.record == jorge)
        .expect("the child's record");
    assert!(!child.own);
    assert_eq!(child.read.rules, vec![RuleId::BeParentLink]);
    let change = child.next_change.as_ref().expect("the 15th birthday ahead");
    assert_eq!(change.age, 15);
    assert_eq!(
        change.at,
        datetime!(2027-11-10 23:00 UTC),
        "midnight in Brussels"
    );
    assert!(!child.change_soon, "a year ahead by the server's clock");
    let reports = |c: &Client| {
        let c = c.clone();
        let url = app.url(&format!("/api/v1/records/{jorge}/reports"));
        async move { c.get(url).send().await.map(|r| r.status()) }
    };
    assert_eq!(reports(&reyna).await?, StatusCode::OK);
    // The child's trail names her a parent, the ground the domain found.
    let (role,): (String,) = sqlx::query_as(
        "SELECT actor_role FROM audit_log WHERE patient_id = $1 AND resource = 'reports' \
         ORDER BY seq DESC LIMIT 1",
    )
    .bind(&jorge)
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(role, "parent");
    // A second parent who was not linked sees nothing.
    let margery = app.signed_in("margery").await?;
    assert_eq!(reports(&margery).await?, StatusCode::NOT_FOUND);

    // The staff's decision is in the child's audit trail.
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE patient_id = $1 AND actor_kind = 'staff' \
         AND resource LIKE 'link/approved/%'",
    )
    .bind(&jorge)
    .fetch_one(app.store.pool())
    .await?;
    assert_eq!(n, 1);

    // One second before local midnight of the 15th birthday the link holds, and the birthday
    // is highlighted (within a month, by the server's clock); at midnight the link ends.
    app.clock.set(datetime!(2027-11-10 22:59:59 UTC));
    let reyna = app.signed_in("reyna").await?;
    assert_eq!(reports(&reyna).await?, StatusCode::OK);
    let soon = records(&app, &reyna).await?;
    assert!(soon.iter().any(|r| r.record == jorge && r.change_soon));
    app.clock.set(datetime!(2027-11-10 23:00 UTC));
    assert_eq!(reports(&reyna).await?, StatusCode::NOT_FOUND);
    let after = records(&app, &reyna).await?;
    assert!(
        after.iter().all(|r| r.record != jorge),
        "the link is gone from the menu"
    );
    Ok(())
}

async fn staff_refuse_with_a_reason_and_decide_once(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let insz = insz_of(&app, "Jorge", "Brekke").await?;
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;
    let request = ask(&app, &reyna, "Jorge Brekke", &insz).await?;
    let res = decide(&app, &staff, &request.id, false, "  ").await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert_eq!(
        body.fields.first("reason").unwrap().key,
        "staff.reason.empty"
    );
    let res = decide(
        &app,
        &staff,
        &request.id,
        false,
        "Geen bewijs van ouderschap.",
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let again = decide(&app, &staff, &request.id, true, "").await?;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let mine: Vec<LinkRequestStatus> = reyna
        .get(app.url("/api/v1/link-requests"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(mine[0].status, RequestStatus::Refused);
    assert_eq!(
        mine[0].reason.as_deref(),
        Some("Geen bewijs van ouderschap.")
    );
    assert_eq!(records(&app, &reyna).await?.len(), 1, "no link");
    // A request for a number that is no patient's is answered the same, and cannot be approved.
    let nobody = ask(&app, &reyna, "Niemand", "85.07.30-033.28").await?;
    let res = decide(&app, &staff, &nobody.id, true, "").await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "link.no_such_patient");
    // Bad input gets field errors.
    let res = reyna
        .post(app.url("/api/v1/link-requests"))
        .json(&serde_json::json!({"child_name": "", "child_national_number": "123", "message": ""}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    Ok(())
}

async fn the_law_gives_no_link_to_a_child_of_15(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let insz = insz_of(&app, "Sherron", "Kutch").await?;
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;
    let request = ask(&app, &reyna, "Sherron Kutch", &insz).await?;
    let res = decide(&app, &staff, &request.id, true, "").await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "link.child_too_old");
    assert_eq!(body.message.get("age"), Some("15"));
    // Nothing was stored: the request is still pending.
    let mine: Vec<LinkRequestStatus> = reyna
        .get(app.url("/api/v1/link-requests"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(mine[0].status, RequestStatus::Pending);
    Ok(())
}

async fn only_staff_handle_the_queue(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let insz = insz_of(&app, "Jorge", "Brekke").await?;
    let reyna = app.signed_in("reyna").await?;
    let request = ask(&app, &reyna, "Jorge Brekke", &insz).await?;
    for who in ["reyna", "dr.gleason"] {
        let client = app.signed_in(who).await?;
        let res = client
            .get(app.url("/api/v1/staff/link-requests"))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{who}");
        let res = decide(&app, &client, &request.id, true, "").await?;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{who}");
    }
    // Staff read no record.
    let staff = app.signed_in("ombuds").await?;
    let margery = app.id_of("margery");
    let res = staff
        .get(app.url(&format!("/api/v1/records/{margery}/reports")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = staff.get(app.url("/api/v1/records")).send().await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    Ok(())
}

async fn at_death_portal_access_ends_for_the_patient_and_every_proxy_and_nothing_is_deleted(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let (jorge, _) = app
        .store
        .find_patient_by_name("Jorge", "Brekke")
        .await?
        .unwrap();
    let insz = insz_of(&app, "Jorge", "Brekke").await?;
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;
    let request = ask(&app, &reyna, "Jorge Brekke", &insz).await?;
    assert_eq!(
        decide(&app, &staff, &request.id, true, "").await?.status(),
        StatusCode::OK
    );
    let url = app.url(&format!("/api/v1/records/{jorge}/reports"));
    assert_eq!(reyna.get(&url).send().await?.status(), StatusCode::OK);
    let reports_before = app.store.reports_for_patient(&jorge).await?.len();

    // The hospital records the death (as a new import of the patient would).
    sqlx::query("UPDATE patients SET deceased_at = '2026-11-26' WHERE id = $1")
        .bind(&jorge)
        .execute(app.store.pool())
        .await?;
    assert_eq!(
        reyna.get(&url).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    assert!(records(&app, &reyna)
        .await?
        .iter()
        .all(|r| r.record != jorge));
    // Nothing is deleted: the reports and the link stay, for the hospital and for the law.
    assert_eq!(
        app.store.reports_for_patient(&jorge).await?.len(),
        reports_before
    );
    assert!(!app.store.facts_of(&jorge).await?.is_empty());

    // The patient's own account: a session from before the death lists the record with the
    // reason and reads nothing (a new login is refused: see the OIDC tests).
    let margery = app.id_of("margery");
    let own = app.signed_in("margery").await?;
    sqlx::query("UPDATE patients SET deceased_at = '2026-11-26' WHERE id = $1")
        .bind(&margery)
        .execute(app.store.pool())
        .await?;
    let mine = records(&app, &own).await?;
    assert_eq!(mine[0].read.rules, vec![RuleId::Death]);
    let res = own.get(app.url("/api/v1/reports")).send().await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    Ok(())
}

async fn a_dutch_child_of_13_grants_and_withdraws_a_parents_access(db: Db) -> anyhow::Result<()> {
    use inzage_domain::manage::{overview, AccessCommand, Group};
    use inzage_domain::wire::AccessView;
    use inzage_domain::{PersonId, Principal};
    let app = TestApp::spawn(db).await?;
    let noor = app.id_of("noor");
    let reyna_id = app.id_of("reyna");
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;
    // The Dutch parent asks with the child's BSN; staff approve; the law of Noor's (Dutch)
    // hospital makes it parental authority, which at 13 needs the child's consent.
    let request = ask(&app, &reyna, "Noor Visser", "111 222 333").await?;
    assert_eq!(
        decide(&app, &staff, &request.id, true, "").await?.status(),
        StatusCode::OK
    );
    let url = app.url(&format!("/api/v1/records/{noor}/reports"));
    assert_eq!(
        reyna.get(&url).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    assert!(records(&app, &reyna)
        .await?
        .iter()
        .all(|r| r.record != noor));

    // Noor sees her mother on Toegangen, with the consent the domain offers her.
    let child = app.signed_in("noor").await?;
    let access_url = app.url(&format!("/api/v1/records/{noor}/access"));
    let view: AccessView = child.get(&access_url).send().await?.json().await?;
    let me = Principal::Person {
        id: PersonId(noor.clone()),
    };
    let entries = overview(&me, &view.facts, view.now);
    let mum = entries
        .iter()
        .find(|e| {
            e.principal
                == Principal::Person {
                    id: PersonId(reyna_id.clone()),
                }
        })
        .expect("the parent on Toegangen");
    assert_eq!(mum.group, Group::Parent);
    assert_eq!(mum.read.rules, vec![RuleId::NlChildConsentMissing]);
    let give = AccessCommand::GiveChildConsent {
        parent: PersonId(reyna_id.clone()),
    };
    assert_eq!(mum.commands, vec![give.clone()]);

    // The parent cannot consent for the child.
    let res = reyna.post(&access_url).json(&give).send().await?;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "she may not even read the record yet"
    );

    let res = child.post(&access_url).json(&give).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(reyna.get(&url).send().await?.status(), StatusCode::OK);
    let linked = records(&app, &reyna).await?;
    let r = linked
        .iter()
        .find(|r| r.record == noor)
        .expect("listed now");
    assert_eq!(r.read.rules, vec![RuleId::NlParentWithChildConsent]);
    let change = r.next_change.as_ref().expect("the 16th birthday ahead");
    assert_eq!(change.age, 16);
    assert_eq!(
        change.at,
        datetime!(2029-06-14 22:00 UTC),
        "midnight in Amsterdam"
    );
    // With consent the parent reads, but does not manage access.
    let res = reyna.post(&access_url).json(&give).send().await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let withdraw = AccessCommand::WithdrawChildConsent {
        parent: PersonId(reyna_id),
    };
    assert_eq!(
        child
            .post(&access_url)
            .json(&withdraw)
            .send()
            .await?
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        reyna.get(&url).send().await?.status(),
        StatusCode::NOT_FOUND
    );

    // Given again, it ends by itself at 16: the child decides alone.
    assert_eq!(
        child.post(&access_url).json(&give).send().await?.status(),
        StatusCode::OK
    );
    app.clock.set(datetime!(2029-06-14 22:00 UTC));
    let reyna = app.signed_in("reyna").await?;
    assert_eq!(
        reyna.get(&url).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    Ok(())
}

async fn staff_record_a_dutch_parent_without_authority_whom_no_consent_lets_in(
    db: Db,
) -> anyhow::Result<()> {
    use inzage_domain::access::RuleId;
    let app = TestApp::spawn(db).await?;
    let noor = app.id_of("noor");
    let reyna = app.signed_in("reyna").await?;
    let staff = app.signed_in("ombuds").await?;
    let refuse_without_authority = |id: String, reason: &'static str| {
        let staff = staff.clone();
        let url = app.url(&format!("/api/v1/staff/link-requests/{id}"));
        async move {
            anyhow::Ok(
                staff
                    .post(url)
                    .json(&StaffDecision {
                        approve: false,
                        reason: reason.into(),
                        without_authority: true,
                        incapacity: false,
                    })
                    .send()
                    .await?,
            )
        }
    };

    // Approving and saying "without authority" at once is refused beside the checkbox.
    let request = ask(&app, &reyna, "Noor Visser", "111 222 333").await?;
    let res = staff
        .post(app.url(&format!("/api/v1/staff/link-requests/{}", request.id)))
        .json(&StaffDecision {
            approve: true,
            reason: String::new(),
            without_authority: true,
            incapacity: false,
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert_eq!(
        body.fields.first("without_authority").unwrap().key,
        "staff.authority.refuse"
    );

    // Refused as a parent without authority: the fact is on Noor's record.
    let res = refuse_without_authority(
        request.id.clone(),
        "Geen ouderlijk gezag volgens het gezagsregister.",
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let facts = app.store.facts_of(&noor).await?;
    assert!(facts.iter().any(|f| matches!(
        f.to_fact(),
        Ok(inzage_domain::Fact::ParentWithoutAuthority { parent }) if parent.0 == app.id_of("reyna")
    )));
    // Noor (13) sees her on Toegangen with the reason, and is offered no consent to give;
    // consenting anyway is refused.
    use inzage_domain::manage::{overview, AccessCommand};
    use inzage_domain::wire::AccessView;
    use inzage_domain::{PersonId, Principal};
    let reyna_id = app.id_of("reyna");
    let child = app.signed_in("noor").await?;
    let access_url = app.url(&format!("/api/v1/records/{noor}/access"));
    let view: AccessView = child.get(&access_url).send().await?.json().await?;
    let me = Principal::Person {
        id: PersonId(noor.clone()),
    };
    let parent = Principal::Person {
        id: PersonId(reyna_id.clone()),
    };
    let entries = overview(&me, &view.facts, view.now);
    let entry = entries
        .iter()
        .find(|e| e.principal == parent)
        .expect("the parent on Toegangen");
    assert_eq!(entry.read.rules, vec![RuleId::NlParentWithoutAuthority]);
    assert!(entry.commands.is_empty());
    let give = AccessCommand::GiveChildConsent {
        parent: PersonId(reyna_id),
    };
    let res = child.post(&access_url).json(&give).send().await?;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert!(records(&app, &reyna)
        .await?
        .iter()
        .all(|r| r.record != noor));

    // Belgium has no such fact: Jorge's request cannot be refused that way.
    let insz = insz_of(&app, "Jorge", "Brekke").await?;
    let be = ask(&app, &reyna, "Jorge Brekke", &insz).await?;
    let res = refuse_without_authority(be.id, "Geen gezag.").await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "link.authority_nl_only");
    Ok(())
}

//! Access management and the audit trail (issue 4): every action and every refusal, seen from
//! the patient's and the care provider's side, on both backends.

use inzage_domain::access::{Principal, RuleId};
use inzage_domain::manage::{overview, settings, AccessCommand, Group};
use inzage_domain::wire::{
    AccessView, AuditPage, ErrorBody, ProviderPatient, ReferralRequest, ReportList, ViewAs,
};
use inzage_domain::PractitionerId;
use inzage_server::store::{NewAuditEntry, VerifyOutcome};
use inzage_tests::{Db, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::json;

on_both_backends!(
    the_patient_sees_who_can_read_and_why,
    refusing_the_gp_applies_on_the_very_next_request,
    a_referrer_asks_the_patient_approves_and_revokes,
    an_exclusion_overrides_the_treating_relationship,
    a_treating_relationship_cannot_be_refused,
    nobody_but_the_patient_manages_the_record,
    exchange_consent_and_reuse_opt_out,
    every_read_is_audited_once_with_its_reason,
    the_audit_chain_names_the_first_tampered_entry,
    the_audit_trail_pages_and_filters,
    the_audit_trail_does_not_reveal_a_shielded_report,
    concurrent_reads_from_two_instances_keep_one_gapless_chain,
    group_commits_keep_every_entry_in_one_chain,
    a_kept_record_follows_every_change_on_the_next_request,
    the_patient_views_the_record_as_their_gp_sees_it,
);

async fn view(client: &Client, app: &TestApp, record: &str) -> anyhow::Result<AccessView> {
    let res = client
        .get(app.url(&format!("/api/v1/records/{record}/access")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(res.json().await?)
}

async fn command(
    client: &Client,
    app: &TestApp,
    record: &str,
    command: &AccessCommand,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url(&format!("/api/v1/records/{record}/access")))
        .json(command)
        .send()
        .await?)
}

/// The status of reading a record's report list.
async fn read_status(client: &Client, app: &TestApp, record: &str) -> anyhow::Result<StatusCode> {
    Ok(client
        .get(app.url(&format!("/api/v1/records/{record}/reports")))
        .send()
        .await?
        .status())
}

fn doctor(app: &TestApp, username: &str) -> PractitionerId {
    PractitionerId(app.id_of(username))
}

async fn the_patient_sees_who_can_read_and_why(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let client = app.signed_in("margery").await?;
    let v = view(&client, &app, &margery).await?;
    let me = Principal::Person {
        id: inzage_domain::PersonId(margery.clone()),
    };
    let entries = overview(&me, &v.facts, v.now);
    let gp = Principal::Practitioner {
        id: doctor(&app, "dr.weimann"),
    };
    let gp_entry = entries.iter().find(|e| e.principal == gp).unwrap();
    assert_eq!(gp_entry.group, Group::GeneralPractitioner);
    assert_eq!(gp_entry.read.rules, vec![RuleId::GeneralPractitioner]);
    assert!(gp_entry.commands.contains(&AccessCommand::RefuseGp));
    let treating = entries.iter().find(|e| e.group == Group::Treating).unwrap();
    assert_eq!(
        v.card(&treating.principal).unwrap().name,
        "Dr. Mariam Gleason"
    );
    assert!(
        !treating
            .commands
            .iter()
            .any(|c| matches!(c, AccessCommand::EndTreatment { .. })),
        "a treating relationship is never offered for refusal"
    );
    let card = v.card(&gp).unwrap();
    assert_eq!(
        card.institution.as_deref(),
        Some("Huisartsenpraktijk De Linde")
    );
    let own = app.store.reports_for_patient(&margery).await?.len();
    assert_eq!(
        card.readable_reports as usize, own,
        "a practitioner with access reads every report of the record"
    );
    assert_eq!(v.requests.len(), 1, "Dr. Kshlerin's pending request");
    assert_eq!(v.requests[0].practitioner, doctor(&app, "dr.kshlerin"));
    assert_eq!(v.projects.len(), 2);
    Ok(())
}

async fn refusing_the_gp_applies_on_the_very_next_request(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let gp = app.signed_in("dr.weimann").await?;
    assert_eq!(read_status(&gp, &app, &margery).await?, StatusCode::OK);

    let res = command(&patient, &app, &margery, &AccessCommand::RefuseGp).await?;
    assert_eq!(res.status(), StatusCode::OK);
    let v: AccessView = res.json().await?;
    assert!(settings(&v.facts, v.now).gp_refused);
    assert_eq!(
        read_status(&gp, &app, &margery).await?,
        StatusCode::NOT_FOUND
    );
    let list: Vec<ProviderPatient> = gp
        .get(app.url("/api/v1/provider/patients"))
        .send()
        .await?
        .json()
        .await?;
    let entry = list.iter().find(|p| p.record == margery).unwrap();
    assert_eq!(entry.read.rules, vec![RuleId::GpAccessRefused]);

    let again = command(&patient, &app, &margery, &AccessCommand::RefuseGp).await?;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let body: ErrorBody = again.json().await?;
    assert_eq!(body.message.key, "access.gp_already_refused");

    let res = command(&patient, &app, &margery, &AccessCommand::RestoreGp).await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(read_status(&gp, &app, &margery).await?, StatusCode::OK);
    Ok(())
}

async fn a_referrer_asks_the_patient_approves_and_revokes(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let kshlerin = doctor(&app, "dr.kshlerin");
    let patient = app.signed_in("margery").await?;
    let referrer = app.signed_in("dr.kshlerin").await?;
    assert_eq!(
        read_status(&referrer, &app, &margery).await?,
        StatusCode::NOT_FOUND
    );

    // Filing a request answers the same whether or not the number is a patient's.
    for number in [
        app.login_of("reyna").national_number.clone().unwrap(),
        "85.07.30-033.28".to_owned(),
    ] {
        let res = referrer
            .post(app.url("/api/v1/provider/referrals"))
            .json(&ReferralRequest {
                national_number: number,
                reason: "Tweede advies".into(),
            })
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
    }
    let bad = referrer
        .post(app.url("/api/v1/provider/referrals"))
        .json(&json!({"national_number": "12", "reason": ""}))
        .send()
        .await?;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = bad.json().await?;
    assert_eq!(
        body.fields.first("reason").unwrap().key,
        "referral.reason.empty"
    );
    assert!(body.fields.first("national_number").is_some());
    let patients_refer = patient
        .post(app.url("/api/v1/provider/referrals"))
        .json(&ReferralRequest {
            national_number: "85.07.30-033.28".into(),
            reason: "x".into(),
        })
        .send()
        .await?;
    assert_eq!(patients_refer.status(), StatusCode::FORBIDDEN);

    let approve = AccessCommand::ApproveReferrer {
        practitioner: kshlerin.clone(),
    };
    let res = command(&patient, &app, &margery, &approve).await?;
    assert_eq!(res.status(), StatusCode::OK);
    let v: AccessView = res.json().await?;
    assert!(v.requests.is_empty(), "the request is answered");
    assert_eq!(
        read_status(&referrer, &app, &margery).await?,
        StatusCode::OK
    );

    // No request is pending any more: neither approving nor refusing again is accepted.
    for c in [
        approve.clone(),
        AccessCommand::RefuseReferrer {
            practitioner: kshlerin.clone(),
        },
    ] {
        let res = command(&patient, &app, &margery, &c).await?;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let body: ErrorBody = res.json().await?;
        assert_eq!(body.message.key, "access.no_pending_request");
    }

    let revoke = AccessCommand::RevokeReferrer {
        practitioner: kshlerin,
    };
    assert_eq!(
        command(&patient, &app, &margery, &revoke).await?.status(),
        StatusCode::OK
    );
    assert_eq!(
        read_status(&referrer, &app, &margery).await?,
        StatusCode::NOT_FOUND
    );
    Ok(())
}

async fn an_exclusion_overrides_the_treating_relationship(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let gleason = doctor(&app, "dr.gleason");
    let patient = app.signed_in("margery").await?;
    let specialist = app.signed_in("dr.gleason").await?;
    assert_eq!(
        read_status(&specialist, &app, &margery).await?,
        StatusCode::OK
    );
    let exclude = AccessCommand::Exclude {
        practitioner: gleason.clone(),
    };
    assert_eq!(
        command(&patient, &app, &margery, &exclude).await?.status(),
        StatusCode::OK
    );
    assert_eq!(
        read_status(&specialist, &app, &margery).await?,
        StatusCode::NOT_FOUND
    );
    let list: Vec<ProviderPatient> = specialist
        .get(app.url("/api/v1/provider/patients"))
        .send()
        .await?
        .json()
        .await?;
    let entry = list.iter().find(|p| p.record == margery).unwrap();
    assert_eq!(entry.read.rules, vec![RuleId::Exclusion]);
    let unknown = command(
        &patient,
        &app,
        &margery,
        &AccessCommand::Exclude {
            practitioner: PractitionerId("nobody".into()),
        },
    )
    .await?;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let lift = AccessCommand::LiftExclusion {
        practitioner: gleason,
    };
    assert_eq!(
        command(&patient, &app, &margery, &lift).await?.status(),
        StatusCode::OK
    );
    assert_eq!(
        read_status(&specialist, &app, &margery).await?,
        StatusCode::OK
    );
    Ok(())
}

async fn a_treating_relationship_cannot_be_refused(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let res = command(
        &patient,
        &app,
        &margery,
        &AccessCommand::EndTreatment {
            practitioner: doctor(&app, "dr.gleason"),
        },
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "access.treating_cannot_be_refused");
    let specialist = app.signed_in("dr.gleason").await?;
    assert_eq!(
        read_status(&specialist, &app, &margery).await?,
        StatusCode::OK
    );
    Ok(())
}

async fn nobody_but_the_patient_manages_the_record(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let reyna = app.id_of("reyna");
    let exclude_gp = AccessCommand::Exclude {
        practitioner: doctor(&app, "dr.weimann"),
    };

    // A treating provider may read the record but not act for the patient: 403 with the
    // domain's reasons.
    let specialist = app.signed_in("dr.gleason").await?;
    let res = command(&specialist, &app, &margery, &exclude_gp).await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.error, "forbidden");
    assert!(!body.reasons.is_empty());
    let res = specialist
        .get(app.url(&format!("/api/v1/records/{margery}/access")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Another patient's record answers exactly like a record that does not exist.
    let other = app.signed_in("reyna").await?;
    let foreign = command(&other, &app, &margery, &exclude_gp).await?;
    let missing = command(&other, &app, "no-such-record", &exclude_gp).await?;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(foreign.text().await?, missing.text().await?);
    for path in ["access", "audit", "reports"] {
        let res = other
            .get(app.url(&format!("/api/v1/records/{margery}/{path}")))
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    // Nothing changed for Margery: her GP still reads.
    let gp = app.signed_in("dr.weimann").await?;
    assert_eq!(read_status(&gp, &app, &margery).await?, StatusCode::OK);
    // And Reyna manages her own record.
    assert_eq!(view(&other, &app, &reyna).await?.facts.patient.id.0, reyna);
    // Without a session nothing at all.
    let res = inzage_tests::browser()
        .post(app.url(&format!("/api/v1/records/{margery}/access")))
        .json(&exclude_gp)
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // A body that is not a command is refused without changing anything.
    let patient = app.signed_in("margery").await?;
    let res = patient
        .post(app.url(&format!("/api/v1/records/{margery}/access")))
        .json(&json!({"kind": "delete_everything"}))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    Ok(())
}

async fn exchange_consent_and_reuse_opt_out(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let res = command(
        &patient,
        &app,
        &margery,
        &AccessCommand::GiveExchangeConsent,
    )
    .await?;
    let v: AccessView = res.json().await?;
    assert!(settings(&v.facts, v.now).exchange_consent);
    let res = command(&patient, &app, &margery, &AccessCommand::OptOutOfReuse).await?;
    let v: AccessView = res.json().await?;
    assert_eq!(settings(&v.facts, v.now).reuse_opted_out_since, Some(v.now));
    let again = command(&patient, &app, &margery, &AccessCommand::OptOutOfReuse).await?;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let res = command(
        &patient,
        &app,
        &margery,
        &AccessCommand::WithdrawExchangeConsent,
    )
    .await?;
    let v: AccessView = res.json().await?;
    assert!(!settings(&v.facts, v.now).exchange_consent);
    // A provider can never opt a patient out of reuse.
    let specialist = app.signed_in("dr.gleason").await?;
    let res = command(
        &specialist,
        &app,
        &margery,
        &AccessCommand::WithdrawReuseOptOut,
    )
    .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: ErrorBody = res.json().await?;
    assert!(body
        .reasons
        .iter()
        .any(|r| r.key == RuleId::DataReuseOnlyPatient.reason_key()));
    Ok(())
}

async fn audit(
    client: &Client,
    app: &TestApp,
    record: &str,
    query: &str,
) -> anyhow::Result<AuditPage> {
    let res = client
        .get(app.url(&format!("/api/v1/records/{record}/audit{query}")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    Ok(res.json().await?)
}

async fn every_read_is_audited_once_with_its_reason(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let gleason = doctor(&app, "dr.gleason");
    let patient = app.signed_in("margery").await?;
    let specialist = app.signed_in("dr.gleason").await?;
    let referrer = app.signed_in("dr.kshlerin").await?;

    let before = audit(&patient, &app, &margery, "").await?.entries.len();
    let list: ReportList = specialist
        .get(app.url(&format!("/api/v1/records/{margery}/reports")))
        .send()
        .await?
        .json()
        .await?;
    assert!(!list.reports.is_empty());
    assert_eq!(
        read_status(&referrer, &app, &margery).await?,
        StatusCode::NOT_FOUND
    );
    let page = audit(&patient, &app, &margery, "").await?;
    // The specialist's read, the referrer's refused read, and the patient's earlier look at
    // this page: three new entries, the newest first.
    assert_eq!(page.entries.len(), before + 3);
    let refused = &page.entries[0];
    assert_eq!(refused.actor_name, "Dr. Monica Kshlerin");
    assert!(!refused.permitted);
    let read = &page.entries[1];
    assert_eq!(read.actor, Principal::Practitioner { id: gleason });
    assert_eq!(read.actor_name, "Dr. Mariam Gleason");
    assert_eq!(read.actor_role, "specialist");
    assert_eq!(
        (read.action.as_str(), read.resource.as_str()),
        ("read", "reports")
    );
    assert!(read.permitted);
    assert_eq!(
        read.reasons
            .iter()
            .map(|r| r.key.as_ref())
            .collect::<Vec<_>>(),
        vec![RuleId::TreatingRelationship.reason_key()]
    );

    // A change is audited in its own transaction, with what was changed.
    command(&patient, &app, &margery, &AccessCommand::RefuseGp).await?;
    let page = audit(&patient, &app, &margery, "").await?;
    assert_eq!(page.entries[0].resource, "access/refuse_gp");
    assert_eq!(page.entries[0].action, "change");
    assert_eq!(
        app.store.verify_audit().await?,
        VerifyOutcome::Intact {
            entries: verify_count(&app).await?
        }
    );
    Ok(())
}

/// How many entries the whole trail holds.
async fn verify_count(app: &TestApp) -> anyhow::Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
        .fetch_one(app.store.pool())
        .await?;
    Ok(n)
}

async fn the_audit_chain_names_the_first_tampered_entry(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let specialist = app.signed_in("dr.gleason").await?;
    for _ in 0..5 {
        read_status(&specialist, &app, &margery).await?;
    }
    assert_eq!(
        app.store.verify_audit().await?,
        VerifyOutcome::Intact { entries: 5 }
    );
    sqlx::query("UPDATE audit_log SET actor_name = 'Dr. Niemand' WHERE seq = 3")
        .execute(app.store.pool())
        .await?;
    assert!(matches!(
        app.store.verify_audit().await?,
        VerifyOutcome::Broken { seq: 3, .. }
    ));
    sqlx::query("UPDATE audit_log SET actor_name = 'Dr. Mariam Gleason' WHERE seq = 3")
        .execute(app.store.pool())
        .await?;
    assert_eq!(
        app.store.verify_audit().await?,
        VerifyOutcome::Intact { entries: 5 }
    );
    sqlx::query("DELETE FROM audit_log WHERE seq = 2")
        .execute(app.store.pool())
        .await?;
    assert!(matches!(
        app.store.verify_audit().await?,
        VerifyOutcome::Broken { seq: 2, .. }
    ));
    Ok(())
}

async fn the_audit_trail_pages_and_filters(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let gleason = app.id_of("dr.gleason");
    let patient = app.signed_in("margery").await?;
    let specialist = app.signed_in("dr.gleason").await?;
    for _ in 0..3 {
        read_status(&specialist, &app, &margery).await?;
    }
    let mut seen = Vec::new();
    let mut query = format!("?actor={gleason}&limit=2");
    loop {
        let page = audit(&patient, &app, &margery, &query).await?;
        assert!(page.entries.len() <= 2);
        seen.extend(page.entries.iter().map(|e| e.seq));
        match page.next_before {
            Some(b) => query = format!("?actor={gleason}&limit=2&before={b}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 3, "every one of the specialist's reads, once");
    assert!(seen.windows(2).all(|w| w[0] > w[1]), "newest first");

    let today = "2026-11-27";
    let page = audit(
        &patient,
        &app,
        &margery,
        &format!("?from={today}&until={today}"),
    )
    .await?;
    assert!(page.entries.len() >= 3);
    let page = audit(&patient, &app, &margery, "?until=2026-11-26").await?;
    assert!(
        page.entries.is_empty(),
        "nothing happened before the test day"
    );

    let res = patient
        .get(app.url(&format!(
            "/api/v1/records/{margery}/audit?from=27-11-2026&until=2026-11-01"
        )))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.fields.first("from").unwrap().key, "audit.bad_date");
    let res = patient
        .get(app.url(&format!("/api/v1/records/{margery}/audit?limit=100000")))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    Ok(())
}

async fn the_audit_trail_does_not_reveal_a_shielded_report(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let res = patient
        .get(app.url("/api/v1/reports/inzage-demo-psychiatrie-afgeschermd"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let page = audit(&patient, &app, &margery, "").await?;
    let refused = page.entries.iter().find(|e| !e.permitted).unwrap();
    assert_eq!(refused.resource, "report");
    assert_eq!(
        refused
            .reasons
            .iter()
            .map(|r| r.key.as_ref())
            .collect::<Vec<_>>(),
        vec!["reason.report_not_available"]
    );
    // The hospital's trail keeps the true reason.
    let (reasons,): (String,) = sqlx::query_as(
        "SELECT reasons FROM audit_log WHERE outcome = 'deny' AND resource LIKE 'report/%'",
    )
    .fetch_one(app.store.pool())
    .await?;
    assert!(
        reasons.contains(RuleId::ReportShielded.reason_key()),
        "{reasons}"
    );
    Ok(())
}

async fn concurrent_reads_from_two_instances_keep_one_gapless_chain(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let second = app.spawn_second_instance().await?;
    let margery = app.id_of("margery");
    let specialist = app.signed_in("dr.gleason").await?;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let client = specialist.clone();
        let url = if i % 2 == 0 {
            app.url(&format!("/api/v1/records/{margery}/reports"))
        } else {
            format!("http://{second}/api/v1/records/{margery}/reports")
        };
        tasks.push(tokio::spawn(async move {
            client.get(url).send().await.map(|r| r.status())
        }));
    }
    for t in tasks {
        assert_eq!(t.await??, StatusCode::OK);
    }
    assert_eq!(
        app.store.verify_audit().await?,
        VerifyOutcome::Intact { entries: 20 }
    );
    Ok(())
}

/// Many entries at once are committed in groups: each caller gets its own sequence number only
/// after its entry is stored, callers that go away halfway lose nobody else's entry, and the
/// chain stays gapless.
async fn group_commits_keep_every_entry_in_one_chain(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let entry = |i: usize| NewAuditEntry {
        at: 1_796_000_000,
        actor_kind: "system".into(),
        actor_id: "group-test".into(),
        actor_name: "Group test".into(),
        actor_role: "system".into(),
        patient_id: app.id_of("margery"),
        action: "read".into(),
        resource: format!("test/{i}"),
        outcome: "permit".into(),
        reasons: "[]".into(),
        client: None,
    };
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for i in 0..300 {
        let (store, e) = (app.store.clone(), entry(i));
        let task = tokio::spawn(async move { store.audit(&e).await });
        if i % 7 == 3 {
            dropped.push(task);
        } else {
            kept.push((i, task));
        }
    }
    for task in &dropped {
        task.abort();
    }
    let mut seqs = Vec::new();
    for (i, task) in kept {
        let seq = task.await??;
        let (resource,): (String,) =
            sqlx::query_as("SELECT resource FROM audit_log WHERE seq = $1")
                .bind(seq)
                .fetch_one(app.store.pool())
                .await?;
        assert_eq!(resource, format!("test/{i}"), "entry {seq}");
        seqs.push(seq);
    }
    let kept = seqs.len();
    seqs.sort_unstable();
    seqs.dedup();
    assert_eq!(
        (kept, seqs.len()),
        (257, 257),
        "every kept caller has its own entry"
    );
    // An aborted caller's entry may have been written by another's group, or not at all; the
    // chain holds whatever was written, without a gap.
    let n = verify_count(&app).await?;
    assert!((257..=300).contains(&n), "{n} entries");
    assert_eq!(
        app.store.verify_audit().await?,
        VerifyOutcome::Intact { entries: n }
    );
    Ok(())
}

/// Records are kept in memory between requests. A change applies on the very next request all
/// the same, whoever makes it: another server on the same database, or SQL outside any server.
async fn a_kept_record_follows_every_change_on_the_next_request(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let second = app.spawn_second_instance().await?;
    let margery = app.id_of("margery");
    let on_second = format!("http://{second}/api/v1/records/{margery}/reports");
    let patient = app.signed_in("margery").await?;
    let gp = app.signed_in("dr.weimann").await?;

    // The GP's and the patient's reads keep the record on the second server.
    assert_eq!(gp.get(&on_second).send().await?.status(), StatusCode::OK);
    let before: ReportList = patient.get(&on_second).send().await?.json().await?;
    // The patient refuses the GP through the first server.
    let res = command(&patient, &app, &margery, &AccessCommand::RefuseGp).await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        gp.get(&on_second).send().await?.status(),
        StatusCode::NOT_FOUND
    );

    // A hospital shields a report by SQL, outside any server.
    let shielded = before.reports[0].id.clone();
    sqlx::query("UPDATE reports SET shielded = 1 WHERE id = $1")
        .bind(&shielded)
        .execute(app.store.pool())
        .await?;
    let after: ReportList = patient.get(&on_second).send().await?.json().await?;
    assert_eq!(after.reports.len() + 1, before.reports.len());
    assert!(after.reports.iter().all(|r| r.id != shielded));

    // The store's own answer follows a renamed hospital and a cancelled appointment.
    let rows = app.store.record_rows(&margery).await?.unwrap();
    let hospital = rows.reports[0].hospital_id.clone();
    sqlx::query("UPDATE hospitals SET name = 'Hernoemd' WHERE id = $1")
        .bind(&hospital)
        .execute(app.store.pool())
        .await?;
    let rows = app.store.record_rows(&margery).await?.unwrap();
    let renamed = rows.reports.iter().find(|r| r.hospital_id == hospital);
    assert_eq!(renamed.unwrap().hospital_name, "Hernoemd");
    let consultations = rows.consultations.len();
    assert!(consultations > 0, "the demo has consultations");
    sqlx::query(
        "UPDATE record_items SET fhir_status = 'cancelled' \
         WHERE patient_id = $1 AND section = 'appointment'",
    )
    .bind(&margery)
    .execute(app.store.pool())
    .await?;
    let rows = app.store.record_rows(&margery).await?.unwrap();
    assert_eq!(rows.consultations.len(), 0);
    Ok(())
}

async fn the_patient_views_the_record_as_their_gp_sees_it(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let weimann = app.id_of("dr.weimann");
    let patient = app.signed_in("margery").await?;
    let view_as = |query: String| {
        let client = patient.clone();
        let url = app.url(&format!("/api/v1/records/{margery}/view-as?{query}"));
        async move { client.get(url).send().await }
    };
    let res = view_as(format!("kind=practitioner&id={weimann}")).await?;
    assert_eq!(res.status(), StatusCode::OK);
    let seen: ViewAs = res.json().await?;
    assert_eq!(seen.name, "Dr. Carol Weimann");
    assert!(seen.read.is_permitted());
    let gp = app.signed_in("dr.weimann").await?;
    // The GP's own list comes in pages; the view-as list is the whole of it.
    let mut own = Vec::new();
    let mut page = 1;
    loop {
        let list: ReportList = gp
            .get(app.url(&format!("/api/v1/records/{margery}/reports?page={page}")))
            .send()
            .await?
            .json()
            .await?;
        own.extend(list.reports.into_iter().map(|r| r.id));
        if page >= list.page.count() {
            break;
        }
        page += 1;
    }
    let seen_ids: Vec<String> = seen.reports.iter().map(|r| r.id.clone()).collect();
    assert_eq!(seen_ids, own, "exactly what the GP gets");

    // The patient's look is logged as hers, never as the GP's access.
    let page_count = page;
    let page = audit(&patient, &app, &margery, &format!("?actor={weimann}")).await?;
    assert_eq!(
        page.entries.len(),
        page_count as usize,
        "only the GP's own reads, one per page"
    );

    command(&patient, &app, &margery, &AccessCommand::RefuseGp).await?;
    let seen: ViewAs = view_as(format!("kind=practitioner&id={weimann}"))
        .await?
        .json()
        .await?;
    assert_eq!(seen.read.rules, vec![RuleId::GpAccessRefused]);
    assert!(seen.reports.is_empty());

    assert_eq!(
        view_as("kind=practitioner&id=someone-else".into())
            .await?
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        view_as("kind=robot&id=x".into()).await?.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let res = gp
        .get(app.url(&format!(
            "/api/v1/records/{margery}/view-as?kind=practitioner&id={weimann}"
        )))
        .send()
        .await?;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "the GP no longer reads the record at all"
    );
    Ok(())
}

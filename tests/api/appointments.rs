//! Booking, moving and cancelling appointments in the slots the demo hospital publishes (AZ
//! Voorbeeld: online changes until 24 hours before; Synthea's hospitals: nothing online).
//! Only the patient, or whoever acts in their place, changes appointments; a slot goes to one
//! person only; every change is audited and confirmed by e-mail when notifications are on.

use inzage_domain::appointments::{AppointmentChange, AppointmentChanged, FreeSlots, TakeSlot};
use inzage_domain::notify::{Frequency, NotificationSettings, Topic};
use inzage_domain::record::AppointmentList;
use inzage_domain::wire::{AuditPage, ErrorBody};
use inzage_domain::{Fact, Period, PersonId};
use inzage_server::store::FactRow;
use inzage_tests::{browser, Db, TestApp, TEST_START};
use reqwest::{Client, StatusCode};
use time::Duration;

use super::sections::get;

on_both_backends!(
    a_patient_books_moves_and_cancels_in_published_slots,
    changes_follow_the_hospitals_offer_and_deadline,
    only_the_patient_or_who_acts_for_them_changes_appointments,
    a_slot_goes_to_one_person_only,
    a_change_is_confirmed_by_mail_when_notifications_are_on,
    an_appointment_booked_online_moves_only_within_its_service,
);

const CONTROLE: &str = "Appointment/inzage-demo-controle-orthopedie";

fn encoded(id: &str) -> String {
    id.replace('/', "%2F")
}

async fn slots(client: &Client, app: &TestApp, record: &str) -> anyhow::Result<FreeSlots> {
    get(
        client,
        app,
        &format!("/api/v1/records/{record}/appointments/slots"),
    )
    .await
}

async fn book(
    client: &Client,
    app: &TestApp,
    record: &str,
    slot: &str,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(app.url(&format!("/api/v1/records/{record}/appointments")))
        .json(&TakeSlot {
            slot: slot.to_owned(),
        })
        .send()
        .await?)
}

async fn change(
    client: &Client,
    app: &TestApp,
    record: &str,
    id: &str,
    what: &str,
    slot: Option<&str>,
) -> anyhow::Result<reqwest::Response> {
    let req = client.post(app.url(&format!(
        "/api/v1/records/{record}/appointments/{}/{what}",
        encoded(id)
    )));
    let req = match slot {
        Some(s) => req.json(&TakeSlot { slot: s.to_owned() }),
        None => req,
    };
    Ok(req.send().await?)
}

/// The status and message key of a refusal (the slot field's, else the body's).
async fn refusal(res: reqwest::Response) -> anyhow::Result<(StatusCode, String)> {
    let status = res.status();
    let body: ErrorBody = res.json().await?;
    let key = body
        .fields
        .first("slot")
        .map_or(body.message.key.to_string(), |m| m.key.to_string());
    Ok((status, key))
}

async fn a_patient_books_moves_and_cancels_in_published_slots(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let list_url = format!("/api/v1/records/{margery}/appointments");

    let list: AppointmentList = get(&patient, &app, &list_url).await?;
    assert!(list.can_book);
    let controle = list
        .upcoming
        .iter()
        .find(|a| a.id == CONTROLE)
        .expect("the demo's check-up is upcoming");
    assert_eq!(
        controle.changes,
        vec![AppointmentChange::Move, AppointmentChange::Cancel]
    );

    // The slots offered start after the 24-hour deadline, soonest first, and are the demo
    // hospital's (Friday 27 November 11:00 in Brussels: the first is Monday at 09:00).
    let free = slots(&patient, &app, &margery).await?;
    assert_eq!(free.change_until_hours, 24);
    assert!(free.slots.len() >= 40, "{} slots", free.slots.len());
    assert!(free.slots.windows(2).all(|w| w[0].start <= w[1].start));
    assert!(free.slots.iter().all(
        |s| s.start >= TEST_START + Duration::hours(24) && s.hospital == "AZ Voorbeeld (demo)"
    ));
    let first = &free.slots[0];
    assert_eq!(first.start, time::macros::datetime!(2026-11-30 08:00 UTC));
    assert_eq!(first.service, "Consultatie orthopedie");
    assert_eq!(first.practitioner.as_deref(), Some("Dr. Peeters"));

    // Booking takes the slot.
    let res = book(&patient, &app, &margery, &first.id).await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let booked: AppointmentChanged = res.json().await?;
    assert_eq!(booked.change, AppointmentChange::Book);
    assert!(!booked.mailed, "notifications are off");
    let new = booked.appointment;
    assert_eq!((new.start, new.status.as_str()), (first.start, "booked"));
    assert_eq!(new.description, "Consultatie orthopedie");
    assert_eq!(
        new.changes,
        vec![AppointmentChange::Move, AppointmentChange::Cancel]
    );
    // The appointment names the slot's doctor by id too (who would open a video room).
    let stored = app.store.items_by_id(&margery, &[new.id.as_str()]).await?;
    assert!(
        stored[0]
            .detail_json
            .contains(r#""practitioner_id":"inzage-demo-dr-peeters""#),
        "{}",
        stored[0].detail_json
    );
    let after = slots(&patient, &app, &margery).await?;
    assert!(after.slots.iter().all(|s| s.id != first.id), "taken");
    let list: AppointmentList = get(&patient, &app, &list_url).await?;
    assert!(list.upcoming.iter().any(|a| a.id == new.id));

    // Moving it frees the old slot and takes the new one.
    let next = &free.slots[1];
    let moved_to: FreeSlots = get(
        &patient,
        &app,
        &format!(
            "/api/v1/records/{margery}/appointments/slots?for={}",
            encoded(&new.id)
        ),
    )
    .await?;
    assert!(moved_to.slots.iter().any(|s| s.id == next.id));
    let res = change(&patient, &app, &margery, &new.id, "move", Some(&next.id)).await?;
    assert_eq!(res.status(), StatusCode::OK);
    let moved: AppointmentChanged = res.json().await?;
    assert_eq!(moved.appointment.start, next.start);
    let after = slots(&patient, &app, &margery).await?;
    assert!(after.slots.iter().any(|s| s.id == first.id), "freed");
    assert!(after.slots.iter().all(|s| s.id != next.id), "taken");

    // Cancelling keeps the appointment, cancelled, and frees its slot.
    let res = change(&patient, &app, &margery, &new.id, "cancel", None).await?;
    assert_eq!(res.status(), StatusCode::OK);
    let cancelled: AppointmentChanged = res.json().await?;
    assert_eq!(cancelled.appointment.status, "cancelled");
    assert!(cancelled.appointment.changes.is_empty());
    let after = slots(&patient, &app, &margery).await?;
    assert!(after.slots.iter().any(|s| s.id == next.id), "freed");
    let again = change(&patient, &app, &margery, &new.id, "cancel", None).await?;
    assert_eq!(
        refusal(again).await?,
        (
            StatusCode::CONFLICT,
            "appointments.not_changeable".to_owned()
        )
    );

    // The imported check-up can be cancelled too.
    let res = change(&patient, &app, &margery, CONTROLE, "cancel", None).await?;
    assert_eq!(res.status(), StatusCode::OK);

    // Each change is in the trail, once.
    let audit: AuditPage = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/audit?limit=50"),
    )
    .await?;
    for (what, n) in [("book", 1), ("move", 1), ("cancel", 2)] {
        let found = audit
            .entries
            .iter()
            .filter(|e| {
                e.action == "change" && e.resource.starts_with(&format!("appointment/{what}/"))
            })
            .count();
        assert_eq!(found, n, "{what}");
    }
    Ok(())
}

async fn changes_follow_the_hospitals_offer_and_deadline(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;

    // A slot within the deadline (today at 11:30 in Brussels, half an hour from now) is not
    // offered and cannot be taken; an unknown slot neither.
    let soon = "Slot/inzage-demo-slot-20261127-1130";
    assert!(app.store.slot(soon).await?.is_some_and(|s| s.free()));
    assert!(slots(&patient, &app, &margery)
        .await?
        .slots
        .iter()
        .all(|s| s.id != soon));
    let res = book(&patient, &app, &margery, soon).await?;
    assert_eq!(
        refusal(res).await?,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "appointments.slot_too_soon".to_owned()
        )
    );
    let res = book(&patient, &app, &margery, "Slot/nothing").await?;
    assert_eq!(
        refusal(res).await?,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "appointments.no_slot".to_owned()
        )
    );
    // Moving to the time it already has is refused.
    let controle = app
        .store
        .items_by_id(&margery, &[CONTROLE])
        .await?
        .pop()
        .expect("stored");
    let free = slots(&patient, &app, &margery).await?;
    let res = change(
        &patient,
        &app,
        &margery,
        CONTROLE,
        "move",
        Some(&free.slots[0].id),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let res = change(
        &patient,
        &app,
        &margery,
        CONTROLE,
        "move",
        Some(&free.slots[0].id),
    )
    .await?;
    assert_eq!(
        refusal(res).await?,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "appointments.same_time".to_owned()
        )
    );
    assert!(controle.starts_at.is_some());

    // A shielded appointment is not there to change.
    let shielded = change(
        &patient,
        &app,
        &margery,
        "Appointment/inzage-demo-psychiatrie-afspraak",
        "cancel",
        None,
    )
    .await?;
    assert_eq!(shielded.status(), StatusCode::NOT_FOUND);

    // 23 hours before the check-up (moved to Monday 30 November 09:00 in Brussels), its
    // deadline has passed: the card says so, and changes are refused.
    app.clock.set(free.slots[0].start - Duration::hours(23));
    let patient = app.signed_in("margery").await?;
    let list: AppointmentList = get(
        &patient,
        &app,
        &format!("/api/v1/records/{margery}/appointments"),
    )
    .await?;
    let card = list
        .upcoming
        .iter()
        .find(|a| a.id == CONTROLE)
        .expect("upcoming");
    assert!(card.changes.is_empty());
    assert_eq!(
        card.change_closed
            .as_ref()
            .map(|m| m.key.to_string())
            .as_deref(),
        Some("appointments.too_late")
    );
    let res = change(&patient, &app, &margery, CONTROLE, "cancel", None).await?;
    assert_eq!(
        refusal(res).await?,
        (StatusCode::CONFLICT, "appointments.too_late".to_owned())
    );
    let res = get_status(
        &patient,
        &app,
        &format!(
            "/api/v1/records/{margery}/appointments/slots?for={}",
            encoded(CONTROLE)
        ),
    )
    .await?;
    assert_eq!(res, StatusCode::CONFLICT);

    // A Synthea appointment's hospital offers nothing online: past ones never change either.
    let past = list
        .past
        .iter()
        .find(|a| a.hospital != "AZ Voorbeeld (demo)")
        .expect("past visits elsewhere");
    assert!(past.changes.is_empty() && past.change_closed.is_none());
    let res = change(&patient, &app, &margery, &past.id, "cancel", None).await?;
    assert_eq!(
        refusal(res).await?,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "appointments.cancel_not_online".to_owned()
        )
    );
    Ok(())
}

async fn get_status(client: &Client, app: &TestApp, path: &str) -> anyhow::Result<StatusCode> {
    Ok(client.get(app.url(path)).send().await?.status())
}

async fn only_the_patient_or_who_acts_for_them_changes_appointments(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let slot = app
        .store
        .free_slots((TEST_START + Duration::days(1)).unix_timestamp())
        .await?
        .remove(0)
        .id;
    let slots_url = format!("/api/v1/records/{margery}/appointments/slots");

    // Nobody logged in.
    assert_eq!(
        get_status(&browser(), &app, &slots_url).await?,
        StatusCode::UNAUTHORIZED
    );
    // Another patient: the record is not hers to see at all.
    let reyna_id = app.id_of("reyna");
    let reyna = app.signed_in("reyna").await?;
    assert_eq!(
        get_status(&reyna, &app, &slots_url).await?,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        book(&reyna, &app, &margery, &slot).await?.status(),
        StatusCode::NOT_FOUND
    );
    // A treating doctor reads the record but does not book for the patient.
    let doctor = app.signed_in("dr.gleason").await?;
    assert_eq!(
        get_status(&doctor, &app, &slots_url).await?,
        StatusCode::FORBIDDEN
    );
    let res = change(&doctor, &app, &margery, CONTROLE, "cancel", None).await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // A trusted person reads and asks for a copy, but does not act in the patient's place.
    let mut tx = app.store.begin().await?;
    tx.insert_fact(&FactRow::from_fact(
        &margery,
        &Fact::TrustedPerson {
            person: PersonId(reyna_id),
            period: Period::since(TEST_START),
        },
    ))
    .await?;
    tx.commit().await?;
    let list: AppointmentList = get(
        &reyna,
        &app,
        &format!("/api/v1/records/{margery}/appointments"),
    )
    .await?;
    assert!(!list.can_book);
    assert!(list.upcoming.iter().all(|a| a.changes.is_empty()));
    let res = book(&reyna, &app, &margery, &slot).await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: ErrorBody = res.json().await?;
    assert!(!body.reasons.is_empty(), "the domain's reasons say why");

    // Nothing was booked or changed by any of them.
    assert!(app.store.slot(&slot).await?.is_some_and(|s| s.free()));
    let controle = app.store.items_by_id(&margery, &[CONTROLE]).await?;
    assert_eq!(controle[0].fhir_status, "booked");
    Ok(())
}

async fn a_slot_goes_to_one_person_only(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let reyna = app.id_of("reyna");
    let slot = app
        .store
        .free_slots((TEST_START + Duration::days(1)).unix_timestamp())
        .await?
        .remove(0)
        .id;
    let (a, b) = (
        app.signed_in("margery").await?,
        app.signed_in("reyna").await?,
    );
    let (ra, rb) = tokio::join!(
        book(&a, &app, &margery, &slot),
        book(&b, &app, &reyna, &slot)
    );
    let mut statuses = vec![ra?.status(), rb?.status()];
    statuses.sort();
    assert_eq!(statuses, vec![StatusCode::CREATED, StatusCode::CONFLICT]);
    // Exactly one appointment holds it, in exactly one record.
    let held = app.store.slot(&slot).await?.expect("slot");
    let holder = held.appointment_id.clone().expect("taken");
    let mine = app.store.items_by_id(&margery, &[&holder]).await?.len();
    let hers = app.store.items_by_id(&reyna, &[&holder]).await?.len();
    assert_eq!(mine + hers, 1);
    // The loser's record has no appointment in that slot's time.
    let loser = if mine == 1 { &reyna } else { &margery };
    let items = app
        .store
        .items_of(loser, inzage_domain::Section::Appointment)
        .await?;
    assert!(items.iter().all(|i| i.starts_at != Some(held.starts_at)));
    Ok(())
}

async fn a_change_is_confirmed_by_mail_when_notifications_are_on(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let res = patient
        .put(app.url("/api/v1/me/notifications"))
        .json(&NotificationSettings {
            enabled: true,
            topics: vec![Topic::NewReport],
            frequency: Frequency::Weekly,
        })
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let slot = slots(&patient, &app, &margery).await?.slots.remove(0);
    let res = book(&patient, &app, &margery, &slot.id).await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let booked: AppointmentChanged = res.json().await?;
    assert!(booked.mailed);
    let mails = app.mails(1).await?;
    let (_, subject, body) = mails.last().expect("a confirmation");
    assert_eq!(subject, "Uw afspraak is gemaakt");
    // The day, the local time and the hospital; not what the appointment is for.
    assert!(body.contains("30 november 2026"), "{body}");
    assert!(body.contains("09:00"), "{body}");
    assert!(body.contains("AZ Voorbeeld (demo)"), "{body}");
    assert!(!body.to_lowercase().contains("orthopedie"), "{body}");
    Ok(())
}

async fn an_appointment_booked_online_moves_only_within_its_service(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    // AZ Voorbeeld also publishes cardiology times on 2 December.
    let bundle = serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Location", "id": "inzage-demo-campus-noord",
            "name": "Campus Noord, polikliniek orthopedie (route 42)",
            "managingOrganization": {"reference": "Organization/inzage-demo-az-voorbeeld"}}},
        {"resource": {"resourceType": "Schedule", "id": "test-cardiologie", "active": true,
            "serviceType": [{"text": "Consultatie cardiologie"}],
            "actor": [{"reference": "Location/inzage-demo-campus-noord"}]}},
        {"resource": {"resourceType": "Slot", "id": "test-cardio-1",
            "schedule": {"reference": "Schedule/test-cardiologie"}, "status": "free",
            "start": "2026-12-02T09:00:00+01:00", "end": "2026-12-02T09:30:00+01:00"}}
    ]});
    inzage_server::fhir::import_bundle(&app.store, &bundle.to_string(), None).await?;

    let res = book(
        &patient,
        &app,
        &margery,
        "Slot/inzage-demo-slot-20261130-0900",
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let booked: AppointmentChanged = res.json().await?;
    let id = booked.appointment.id;

    // Moving it, the cardiology time is not offered, and asking for it is refused.
    let free: FreeSlots = get(
        &patient,
        &app,
        &format!(
            "/api/v1/records/{margery}/appointments/slots?for={}",
            encoded(&id)
        ),
    )
    .await?;
    assert!(!free.slots.is_empty());
    assert!(free
        .slots
        .iter()
        .all(|s| s.service == "Consultatie orthopedie"));
    let res = change(
        &patient,
        &app,
        &margery,
        &id,
        "move",
        Some("Slot/test-cardio-1"),
    )
    .await?;
    assert_eq!(
        refusal(res).await?,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "appointments.other_service".to_owned()
        )
    );
    // An orthopaedics time is fine, and the appointment stays an orthopaedics one.
    let res = change(
        &patient,
        &app,
        &margery,
        &id,
        "move",
        Some("Slot/inzage-demo-slot-20261130-0930"),
    )
    .await?;
    assert_eq!(res.status(), StatusCode::OK);
    let res = change(
        &patient,
        &app,
        &margery,
        &id,
        "move",
        Some("Slot/test-cardio-1"),
    )
    .await?;
    assert_eq!(
        refusal(res).await?,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "appointments.other_service".to_owned()
        )
    );
    Ok(())
}

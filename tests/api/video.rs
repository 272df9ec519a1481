//! Video consultations (issue 11, item 1): the room of a video appointment opens only to the
//! patient (or whoever may read the record for them) and the appointment's doctor, only in its
//! hours; the WebSocket relays signalling between the two once the doctor admits the patient;
//! anyone else, and anyone whose right ends during the call, is put out; entering and leaving are
//! in the patient's audit trail.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use inzage_domain::access::Principal;
use inzage_domain::record::AppointmentList;
use inzage_domain::video::{Seat, ServerSignal, VideoConsultation, VideoRoom};
use inzage_domain::wire::{AuditPage, ErrorBody};
use inzage_tests::{session_token, Db, TestApp};
use reqwest::{Client, StatusCode};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::Message as Frame;

on_both_backends!(
    only_the_patient_and_her_doctor_meet_in_the_room_in_its_hours,
    whoever_loses_the_right_to_be_there_is_put_out,
);

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// An appointment id in a path (`Appointment/x` is one segment).
fn segment(id: &str) -> String {
    id.replace('/', "%2F")
}

fn signal_path(record: &str, appointment: &str) -> String {
    let appointment = segment(appointment);
    format!("/api/v1/records/{record}/appointments/{appointment}/video/signal")
}

/// Opens the room's WebSocket with a session (and the browser's Origin, unless another is
/// given): the connection, or the HTTP status it was refused with.
async fn connect(
    app: &TestApp,
    session: &str,
    path: &str,
    origin: Option<&str>,
) -> anyhow::Result<Result<Socket, StatusCode>> {
    let url = app.url(path).replacen("http://", "ws://", 1);
    let mut request = url.into_client_request()?;
    let headers = request.headers_mut();
    headers.insert(
        "cookie",
        HeaderValue::from_str(&format!(
            "{}={session}",
            inzage_server::auth::SESSION_COOKIE
        ))?,
    );
    let origin = origin.map_or_else(|| app.url(""), str::to_owned);
    headers.insert(
        "origin",
        HeaderValue::from_str(origin.trim_end_matches('/'))?,
    );
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(Ok(socket)),
        Err(tokio_tungstenite::tungstenite::Error::Http(res)) => {
            Ok(Err(StatusCode::from_u16(res.status().as_u16())?))
        }
        Err(e) => Err(e.into()),
    }
}

/// The next signal the room sends, within five seconds.
async fn next(socket: &mut Socket) -> anyhow::Result<ServerSignal> {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await?
            .ok_or_else(|| anyhow::anyhow!("the connection closed"))??;
        match frame {
            Frame::Text(text) => return Ok(serde_json::from_str(text.as_str())?),
            Frame::Close(close) => anyhow::bail!("closed: {close:?}"),
            _ => continue,
        }
    }
}

async fn send(socket: &mut Socket, json: serde_json::Value) -> anyhow::Result<()> {
    socket.send(Frame::Text(json.to_string().into())).await?;
    Ok(())
}

/// Whether the server closes the connection (within five seconds).
async fn closes(socket: &mut Socket) -> anyhow::Result<bool> {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.next()).await? {
            None | Some(Ok(Frame::Close(_))) | Some(Err(_)) => return Ok(true),
            Some(Ok(_)) => continue,
        }
    }
}

fn refusal(signal: &ServerSignal) -> Option<&str> {
    match signal {
        ServerSignal::Refused { message } | ServerSignal::Ended { message } => {
            Some(message.key.as_ref())
        }
        _ => None,
    }
}

/// Margery's video consultation with Dr. Gleason (the demo's, 10:30–10:50 UTC on the test day).
async fn video_appointment(app: &TestApp, client: &Client) -> anyhow::Result<String> {
    let margery = app.id_of("margery");
    let list: AppointmentList = client
        .get(app.url(&format!("/api/v1/records/{margery}/appointments")))
        .send()
        .await?
        .json()
        .await?;
    list.upcoming
        .iter()
        .find(|a| a.video)
        .map(|a| a.id.clone())
        .ok_or_else(|| anyhow::anyhow!("no video appointment"))
}

async fn room(
    app: &TestApp,
    client: &Client,
    record: &str,
    id: &str,
) -> reqwest::Result<reqwest::Response> {
    let id = segment(id);
    client
        .get(app.url(&format!("/api/v1/records/{record}/appointments/{id}/video")))
        .send()
        .await
}

async fn only_the_patient_and_her_doctor_meet_in_the_room_in_its_hours(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let doctor = app.signed_in("dr.gleason").await?;
    let id = video_appointment(&app, &patient).await?;

    // 10:00: the room opens at 10:15, which the patient and the doctor are told.
    let res = room(&app, &patient, &margery, &id).await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.message.key, "video.too_early");
    let too_early = room(&app, &doctor, &margery, &id).await?;
    assert_eq!(too_early.status(), StatusCode::CONFLICT);
    // The doctor's list has it, opening at 10:15.
    let mine: Vec<VideoConsultation> = doctor
        .get(app.url("/api/v1/provider/video-consultations"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(
        (mine[0].record.as_str(), mine[0].appointment.as_str()),
        (margery.as_str(), id.as_str())
    );
    assert_eq!(mine[0].patient, "Margery Gibson");
    let others: Vec<VideoConsultation> = app
        .signed_in("dr.weimann")
        .await?
        .get(app.url("/api/v1/provider/video-consultations"))
        .send()
        .await?
        .json()
        .await?;
    assert!(others.is_empty(), "another doctor's list: {others:?}");
    let res = patient
        .get(app.url("/api/v1/provider/video-consultations"))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    app.clock.advance(time::Duration::minutes(20));
    let seen: VideoRoom = room(&app, &patient, &margery, &id).await?.json().await?;
    assert_eq!(seen.seat, Seat::Patient);
    assert_eq!(seen.with.as_deref(), Some("Dr. Mariam Gleason"));
    assert!(seen.ice_servers.is_empty(), "none configured in tests");
    assert!(!seen.reasons.is_empty());
    let seen: VideoRoom = room(&app, &doctor, &margery, &id).await?.json().await?;
    assert_eq!(seen.seat, Seat::Doctor);
    assert_eq!(seen.with.as_deref(), Some("Margery Gibson"));
    assert_eq!(seen.reasons[0].key, "video.reason.doctor");

    // Nobody else: another doctor, another patient, the back office, an unknown appointment,
    // and nobody without a session; all answered as a missing appointment.
    for other in ["dr.weimann", "reyna", "ombuds"] {
        let client = app.signed_in(other).await?;
        let res = room(&app, &client, &margery, &id).await?;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{other}");
        let session = session_token(&app, other).await?;
        let ws = connect(&app, &session, &signal_path(&margery, &id), None).await?;
        assert_eq!(ws.err(), Some(StatusCode::NOT_FOUND), "{other}");
    }
    let res = room(&app, &patient, &margery, "Appointment/none").await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = room(&app, &Client::new(), &margery, &id).await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let ws = connect(&app, "forged", &signal_path(&margery, &id), None).await?;
    assert_eq!(ws.err(), Some(StatusCode::UNAUTHORIZED));

    // The doctor enters first; another site's page cannot open the room with her cookie.
    let path = signal_path(&margery, &id);
    let gleason = session_token(&app, "dr.gleason").await?;
    let ws = connect(&app, &gleason, &path, Some("https://evil.example")).await?;
    assert_eq!(ws.err(), Some(StatusCode::FORBIDDEN));
    let mut dr = connect(&app, &gleason, &path, None)
        .await?
        .expect("the doctor enters");
    assert_eq!(
        next(&mut dr).await?,
        ServerSignal::Joined {
            seat: Seat::Doctor,
            peer_present: false,
            admitted: false
        }
    );
    // The patient enters and waits; a second connection to her seat is refused.
    let margery_session = session_token(&app, "margery").await?;
    let mut pt = connect(&app, &margery_session, &path, None)
        .await?
        .expect("the patient enters");
    assert!(matches!(
        next(&mut pt).await?,
        ServerSignal::Joined {
            seat: Seat::Patient,
            peer_present: true,
            admitted: false
        }
    ));
    assert_eq!(next(&mut dr).await?, ServerSignal::Waiting);
    let again = connect(&app, &session_token(&app, "margery").await?, &path, None).await?;
    assert_eq!(again.err(), Some(StatusCode::CONFLICT));
    // Before the doctor admits her, her offer reaches nobody; she cannot admit herself.
    send(
        &mut pt,
        serde_json::json!({"type": "offer", "sdp": "v=0 patient"}),
    )
    .await?;
    assert_eq!(refusal(&next(&mut pt).await?), Some("video.not_admitted"));
    send(&mut pt, serde_json::json!({"type": "admit"})).await?;
    assert_eq!(refusal(&next(&mut pt).await?), Some("video.doctor_admits"));
    // Nonsense is refused, and the connection stays.
    send(
        &mut dr,
        serde_json::json!({"type": "kick", "who": "patient"}),
    )
    .await?;
    assert_eq!(refusal(&next(&mut dr).await?), Some("video.bad_signal"));
    // The doctor admits her: offer, answer and candidates pass between the two.
    send(&mut dr, serde_json::json!({"type": "admit"})).await?;
    assert_eq!(next(&mut pt).await?, ServerSignal::Admitted);
    assert_eq!(next(&mut dr).await?, ServerSignal::Admitted);
    send(
        &mut pt,
        serde_json::json!({"type": "offer", "sdp": "v=0 patient"}),
    )
    .await?;
    assert_eq!(
        next(&mut dr).await?,
        ServerSignal::Offer {
            sdp: "v=0 patient".into()
        }
    );
    send(
        &mut dr,
        serde_json::json!({"type": "answer", "sdp": "v=0 doctor"}),
    )
    .await?;
    assert_eq!(
        next(&mut pt).await?,
        ServerSignal::Answer {
            sdp: "v=0 doctor".into()
        }
    );
    let candidate = "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host";
    send(
        &mut dr,
        serde_json::json!({"type": "candidate", "candidate": candidate, "sdp_mid": "0", "sdp_m_line_index": 0}),
    )
    .await?;
    assert_eq!(
        next(&mut pt).await?,
        ServerSignal::Candidate {
            candidate: candidate.into(),
            sdp_mid: Some("0".into()),
            sdp_m_line_index: Some(0)
        }
    );
    // A message longer than a signal can be ends the connection.
    let huge = "x".repeat(inzage_domain::video::MAX_SIGNAL_BYTES + 1);
    send(&mut pt, serde_json::json!({"type": "offer", "sdp": huge})).await?;
    assert!(closes(&mut pt).await?);
    assert_eq!(next(&mut dr).await?, ServerSignal::PeerLeft);
    // She comes back and waits to be admitted again; then she leaves.
    let mut pt = connect(&app, &margery_session, &path, None)
        .await?
        .expect("the patient enters again");
    assert!(matches!(
        next(&mut pt).await?,
        ServerSignal::Joined {
            admitted: false,
            ..
        }
    ));
    assert_eq!(next(&mut dr).await?, ServerSignal::Waiting);
    pt.close(None).await?;
    assert_eq!(next(&mut dr).await?, ServerSignal::PeerLeft);
    dr.close(None).await?;

    // The patient's trail shows who entered and left, and who was refused.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let audit: AuditPage = patient
        .get(app.url(&format!("/api/v1/records/{margery}/audit?limit=100")))
        .send()
        .await?
        .json()
        .await?;
    let count = |resource: &str, doctor: bool| {
        audit
            .entries
            .iter()
            .filter(|e| {
                e.action == "video"
                    && e.resource == resource
                    && e.permitted
                    && matches!(e.actor, Principal::Practitioner { .. }) == doctor
            })
            .count()
    };
    let joined = format!("video/joined/{id}");
    let left = format!("video/left/{id}");
    assert_eq!(count(&joined, false), 2);
    assert_eq!(count(&left, false), 2);
    assert_eq!(count(&joined, true), 1);
    assert_eq!(count(&left, true), 1);
    let refused = audit
        .entries
        .iter()
        .filter(|e| e.resource == format!("video/refused/{id}"))
        .inspect(|e| assert!(!e.permitted))
        .count();
    assert!(
        refused >= 3,
        "the other doctor, patient and staff: {refused}"
    );
    Ok(())
}

async fn whoever_loses_the_right_to_be_there_is_put_out(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let id = video_appointment(&app, &patient).await?;
    app.clock.advance(time::Duration::minutes(20));
    let path = signal_path(&margery, &id);

    // The patient logs out in another tab: her next message ends her connection.
    let session = session_token(&app, "margery").await?;
    let mut pt = connect(&app, &session, &path, None).await?.expect("enters");
    next(&mut pt).await?;
    let tab = Client::new();
    let res = tab
        .post(app.url("/api/v1/logout"))
        .header(
            "cookie",
            format!("{}={session}", inzage_server::auth::SESSION_COOKIE),
        )
        .send()
        .await?;
    assert!(res.status().is_success(), "logout: {}", res.status());
    send(&mut pt, serde_json::json!({"type": "admit"})).await?;
    assert_eq!(refusal(&next(&mut pt).await?), Some("video.session_ended"));
    assert!(closes(&mut pt).await?);

    // The doctor stays until the room's time is over (11:20, half an hour after its end).
    let mut dr = connect(&app, &session_token(&app, "dr.gleason").await?, &path, None)
        .await?
        .expect("the doctor enters");
    next(&mut dr).await?;
    // (Each message keeps her session alive, as a person in a call is not idle.)
    for _ in 0..2 {
        app.clock.advance(time::Duration::minutes(25));
        send(&mut dr, serde_json::json!({"type": "admit"})).await?;
        assert_eq!(refusal(&next(&mut dr).await?), Some("video.nobody_waiting"));
    }
    app.clock.advance(time::Duration::minutes(25));
    send(&mut dr, serde_json::json!({"type": "admit"})).await?;
    assert_eq!(refusal(&next(&mut dr).await?), Some("video.over"));
    assert!(closes(&mut dr).await?);
    let res = room(&app, &app.signed_in("dr.gleason").await?, &margery, &id).await?;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    Ok(())
}

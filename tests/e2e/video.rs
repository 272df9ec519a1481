//! A video consultation between two browsers on this machine (issue 11, item 1): the doctor opens
//! the room from their list, the patient from her appointment on a phone; she waits until the
//! doctor admits her; each then sees the other's video playing (Chromium's fake camera, a frame
//! of non-zero size, readyState ≥ 2); microphone and camera go off; she leaves and the doctor is
//! told. A browser that blocks the camera gets a clear message, and nobody else enters.

use std::time::Duration;

use fantoccini::{Client, Locator};
use inzage_tests::{Db, TestApp};

use crate::a11y::assert_accessible;
use crate::{browser, log_in, log_in_provider, save_screenshot, wait_css, wait_text, Browser};

/// Chromium's fake camera and microphone, granted without asking; the two browsers connect
/// directly, as peers on one machine do (no STUN or TURN server is reachable in tests): by their
/// addresses rather than mDNS names, which this machine does not resolve, and over loopback
/// where it has no other network.
const FAKE_MEDIA: &[&str] = &[
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--disable-features=WebRtcHideLocalIpsWithMdns",
    "--allow-loopback-in-peer-connection",
];

/// The remote video's (readyState, videoWidth, videoHeight, whether it is paused).
async fn remote_video(client: &Client) -> anyhow::Result<(u64, u64, u64, bool)> {
    let v = client
        .execute(
            "const v = document.querySelector('[data-testid=remote-video]');
             return v ? [v.readyState, v.videoWidth, v.videoHeight, v.paused] : [0, 0, 0, true];",
            vec![],
        )
        .await?;
    let n = |i: usize| v[i].as_u64().unwrap_or(0);
    Ok((n(0), n(1), n(2), v[3].as_bool().unwrap_or(true)))
}

/// Waits until the other's video plays: a decoded frame of non-zero size.
async fn sees_the_other(client: &Client, who: &str) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let (ready, width, height, paused) = remote_video(client).await?;
        if ready >= 2 && width > 0 && height > 0 && !paused {
            return Ok(());
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "{who} never saw the other's video: readyState {ready}, {width}×{height}, paused {paused}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether the person's own track of `kind` (`audio`, `video`) is sending.
async fn own_track_enabled(client: &Client, kind: &str) -> anyhow::Result<bool> {
    let v = client
        .execute(
            "const s = document.querySelector('[data-testid=local-video]').srcObject;
             const t = arguments[0] === 'audio' ? s.getAudioTracks() : s.getVideoTracks();
             return t.length > 0 && t.every(x => x.enabled);",
            vec![kind.into()],
        )
        .await?;
    Ok(v.as_bool().unwrap_or(false))
}

async fn click(client: &Client, css: &str) -> anyhow::Result<()> {
    wait_css(client, css).await?.click().await?;
    Ok(())
}

/// Starts the camera and microphone on the video page, checks the choice of devices, enters.
async fn prepare_and_enter(client: &Client) -> anyhow::Result<()> {
    click(client, "[data-testid=start-media]").await?;
    for choice in ["camera-choice", "microphone-choice"] {
        // The browser lists its devices once the person allowed them.
        wait_css(client, &format!("#{choice} option")).await?;
    }
    click(client, "[data-testid=join-video]").await
}

async fn status_says(client: &Client, text: &str) -> anyhow::Result<()> {
    wait_text(client, "[data-testid=video-status]", |t| t.contains(text)).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_and_her_doctor_hold_a_video_consultation_in_two_browsers() -> anyhow::Result<()>
{
    anyhow::ensure!(
        std::env::var_os("INZAGE_DIST").is_some(),
        "INZAGE_DIST is not set: run `cargo xtask test`, which builds the SPA"
    );
    let app = TestApp::spawn(Db::Sqlite).await?;
    // 10:20 UTC: Margery's consultation with Dr. Gleason starts at 10:30; its room opened at 10:15.
    app.clock.advance(time::Duration::minutes(20));
    let doctor = browser(1280, 900, "nl-BE", FAKE_MEDIA).await?;
    let patient = browser(390, 844, "nl-BE", FAKE_MEDIA).await?;
    let blocked = browser(
        1024,
        768,
        "nl-BE",
        &[
            "--use-fake-device-for-media-stream",
            "--deny-permission-prompts",
        ],
    )
    .await?;
    let result = consultation(&app, &doctor, &patient, &blocked).await;
    for b in [doctor, patient, blocked] {
        let _ = b.client.close().await;
    }
    result
}

async fn consultation(
    app: &TestApp,
    doctor: &Browser,
    patient: &Browser,
    blocked: &Browser,
) -> anyhow::Result<()> {
    let base = app.url("");
    let (dr, pt) = (&doctor.client, &patient.client);

    // The doctor finds the consultation in their list and enters the room.
    log_in_provider(dr, &base, app, "dr.gleason").await?;
    wait_text(dr, "[data-testid=video-consultation]", |t| {
        t.contains("Margery Gibson")
    })
    .await?;
    click(
        dr,
        "[data-testid=video-consultation] [data-testid=open-video]",
    )
    .await?;
    wait_text(dr, "[data-testid=video-about]", |t| {
        t.contains("Margery Gibson")
    })
    .await?;
    prepare_and_enter(dr).await?;
    status_says(dr, "De patiënt is er nog niet").await?;

    // The patient opens it from her appointment, on a phone, and waits.
    log_in(pt, &base, app, "margery").await?;
    pt.goto(&format!("{base}/afspraken")).await?;
    click(
        pt,
        "[data-testid=upcoming-appointments] [data-testid=open-video]",
    )
    .await?;
    wait_text(pt, "[data-testid=video-about]", |t| {
        t.contains("Dr. Mariam Gleason")
    })
    .await?;
    assert_accessible(pt, "the video page before entering").await?;
    prepare_and_enter(pt).await?;
    status_says(pt, "wachtkamer").await?;
    assert!(
        pt.find_all(Locator::Css("[data-testid=admit-patient]"))
            .await?
            .is_empty(),
        "the patient cannot admit herself"
    );
    save_screenshot(pt, "video-waiting-room-phone.png").await?;

    // The doctor admits her; each sees the other's camera.
    status_says(dr, "De patiënt wacht").await?;
    click(dr, "[data-testid=admit-patient]").await?;
    status_says(pt, "U bent verbonden").await?;
    status_says(dr, "U bent verbonden").await?;
    sees_the_other(pt, "the patient").await?;
    sees_the_other(dr, "the doctor").await?;
    save_screenshot(dr, "video-call-doctor.png").await?;
    save_screenshot(pt, "video-call-patient-phone.png").await?;
    assert_accessible(dr, "the video page in a call").await?;

    // Her microphone and camera go off, and on again.
    assert!(own_track_enabled(pt, "audio").await?);
    click(pt, "[data-testid=toggle-microphone]").await?;
    let pressed = wait_css(pt, "[data-testid=toggle-microphone]")
        .await?
        .attr("aria-pressed")
        .await?;
    assert_eq!(pressed.as_deref(), Some("true"));
    assert!(!own_track_enabled(pt, "audio").await?);
    click(pt, "[data-testid=toggle-camera]").await?;
    assert!(!own_track_enabled(pt, "video").await?);
    click(pt, "[data-testid=toggle-camera]").await?;
    assert!(own_track_enabled(pt, "video").await?);

    // She leaves; the doctor is told, and stays.
    click(pt, "[data-testid=leave-video]").await?;
    status_says(pt, "U hebt de videoconsultatie verlaten").await?;
    wait_text(dr, "[data-testid=video-notice]", |t| {
        t.contains("De patiënt heeft de videoconsultatie verlaten")
    })
    .await?;
    status_says(dr, "De patiënt is er nog niet").await?;
    // Her camera is off once she left.
    let live = pt
        .execute(
            "const s = document.querySelector('[data-testid=local-video]').srcObject;
             return s ? s.getTracks().filter(t => t.readyState === 'live').length : 0;",
            vec![],
        )
        .await?;
    assert_eq!(live.as_u64(), Some(0), "her camera and microphone stopped");
    click(dr, "[data-testid=leave-video]").await?;

    // Another patient's browser that blocks the camera: she is not let in to this room, and on
    // a room she may enter the blocked camera is said in words.
    let other = &blocked.client;
    log_in(other, &base, app, "reyna").await?;
    let url = pt.current_url().await?;
    other.goto(url.as_str()).await?;
    wait_text(other, "[data-testid=video-refused]", |t| {
        t.contains("U kunt deze videoconsultatie niet bijwonen")
    })
    .await?;
    click(other, "[data-testid=logout]").await?;
    wait_css(other, "#username").await?;
    log_in(other, &base, app, "margery").await?;
    other.goto(url.as_str()).await?;
    click(other, "[data-testid=start-media]").await?;
    wait_text(other, "[data-testid=media-error]", |t| {
        t.contains("geeft het portaal geen toegang tot uw camera")
    })
    .await?;
    assert!(
        other
            .find_all(Locator::Css("[data-testid=join-video]"))
            .await?
            .is_empty(),
        "no entering without a camera and microphone"
    );
    Ok(())
}

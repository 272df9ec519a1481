//! `/videoconsult?dossier=…&afspraak=…`: a video consultation between the patient (or whoever
//! may read the record for them) and the appointment's doctor, in the browser.
//!
//! The server decides who may enter (the domain's `video::may_join`) and relays the signalling
//! messages over a WebSocket; the camera and microphone go from browser to browser over WebRTC
//! and never through the server. The patient waits until the doctor admits them; then the
//! patient's browser offers, the doctor's answers, and both exchange network candidates.
//!
//! Before entering, the person starts their camera and microphone, sees themselves and chooses
//! which camera and microphone to use. In the call: microphone off, camera off, leave. A
//! browser that blocks the camera, or a network that blocks the connection, is said in words.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use inzage_domain::video::{
    ClientSignal, IceServer, Seat, ServerSignal, VideoConsultation, VideoRoom,
};
use inzage_domain::Message;
use leptos::html::Video;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MediaDeviceInfo, MediaDeviceKind, MediaStream, MediaStreamConstraints, MediaStreamTrack,
    MessageEvent, RtcConfiguration, RtcIceCandidateInit, RtcIceConnectionState, RtcIceServer,
    RtcPeerConnection, RtcPeerConnectionIceEvent, RtcSdpType, RtcSessionDescriptionInit,
    RtcTrackEvent, WebSocket,
};

use super::{ensure_me, handle_session};
use crate::api;
use crate::i18n::{date_time, t, t1, tr, track};

/// Where the video consultation of an appointment is held.
pub fn href(record: &str, appointment: &str) -> String {
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    format!(
        "/videoconsult?dossier={}&afspraak={}",
        encode(record),
        encode(appointment)
    )
}

/// Where the person is in the consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    /// Preparing: camera and microphone, then entering.
    Ready,
    /// Entering the room.
    Entering,
    /// (Patient) in the waiting room until the doctor admits them.
    Waiting,
    /// (Doctor) in the room; nobody waits.
    Alone,
    /// (Doctor) the patient waits to be admitted.
    PatientWaiting,
    /// Admitted: the browsers connect.
    Connecting,
    /// Both see and hear each other.
    InCall,
    /// Over: left, or put out (why).
    Ended(Option<Message>),
}

/// What the page shows, shared with the call's handlers.
#[derive(Clone, Copy)]
struct Ui {
    phase: RwSignal<Phase>,
    /// A notice about the call (the other left, a message refused, the network).
    notice: RwSignal<Option<Message>>,
    remote: NodeRef<Video>,
}

/// `/videoconsult`.
#[component]
pub fn VideoPage() -> impl IntoView {
    ensure_me();
    let query = use_query_map();
    let ids = move || {
        let q = query.get();
        Some((q.get("dossier")?, q.get("afspraak")?))
    };
    let room = LocalResource::new(move || {
        let ids = ids();
        async move {
            match ids {
                Some((record, appointment)) => Some(
                    api::video_room(&record, &appointment)
                        .await
                        .map(|room| (record, appointment, room)),
                ),
                None => None,
            }
        }
    });
    view! {
        <h1>{move || t("video.title")}</h1>
        {move || {
            track();
            let refused = |message: Message| view! {
                <p class="form-error" role="alert" data-testid="video-refused">{tr(&message)}</p>
                <p><A href="/afspraken">{t("video.back")}</A></p>
            };
            match room.get() {
                None => view! { <p aria-busy="true">{t("common.loading")}</p> }.into_any(),
                Some(None) => refused(Message::new("video.not_yours")).into_any(),
                Some(Some(result)) => {
                    handle_session(&result);
                    match result {
                        Ok((record, appointment, room)) => view! {
                            <Consultation record=record appointment=appointment room=room/>
                        }
                        .into_any(),
                        // Someone else's room answers as a missing one: say it in the room's words.
                        Err(api::ApiFailure::Server { status: 404, .. }) => {
                            refused(Message::new("video.not_yours")).into_any()
                        }
                        Err(f) => refused(f.message()).into_any(),
                    }
                }
            }
        }}
    }
}

/// The consultation once the server said the person may enter.
#[component]
fn Consultation(record: String, appointment: String, room: VideoRoom) -> impl IntoView {
    let ui = Ui {
        phase: RwSignal::new(Phase::Ready),
        notice: RwSignal::new(None),
        remote: NodeRef::new(),
    };
    let local_video = NodeRef::<Video>::new();
    // The camera and microphone are the stream the preview shows: one place holds it.
    let media = move || local_video.get_untracked().and_then(|v| v.src_object());
    let call = StoredValue::new_local(None::<Rc<Call>>);
    let media_error = RwSignal::new(None::<Message>);
    let cameras = RwSignal::new(Vec::<(String, String)>::new());
    let microphones = RwSignal::new(Vec::<(String, String)>::new());
    let camera = RwSignal::new(String::new());
    let microphone = RwSignal::new(String::new());
    let started = RwSignal::new(false);
    let muted = RwSignal::new(false);
    let camera_off = RwSignal::new(false);
    let seat = room.seat;
    let ice_servers = room.ice_servers.clone();

    // Starts (or restarts, with the chosen devices) the camera and microphone and shows them.
    let start_media = move || {
        leptos::task::spawn_local(async move {
            if let Some(old) = media() {
                stop(&old);
            }
            match open_media(&camera.get_untracked(), &microphone.get_untracked()).await {
                Ok(stream) => {
                    media_error.set(None);
                    if let Some(video) = local_video.get_untracked() {
                        video.set_src_object(Some(&stream));
                    }
                    started.set(true);
                    if let Ok((cams, mics)) = devices().await {
                        let chosen = |stream: &MediaStream, video: bool| {
                            let tracks = if video {
                                stream.get_video_tracks()
                            } else {
                                stream.get_audio_tracks()
                            };
                            tracks
                                .get(0)
                                .dyn_into::<MediaStreamTrack>()
                                .ok()
                                .and_then(|t| {
                                    js_sys::Reflect::get(&t.get_settings(), &"deviceId".into()).ok()
                                })
                                .and_then(|v| v.as_string())
                                .unwrap_or_default()
                        };
                        camera.set(chosen(&stream, true));
                        microphone.set(chosen(&stream, false));
                        cameras.set(cams);
                        microphones.set(mics);
                    }
                }
                Err(message) => media_error.set(Some(message)),
            }
        });
    };
    let place = StoredValue::new((record, appointment, ice_servers));
    let enter = move |_| {
        let Some(stream) = media() else {
            return;
        };
        ui.notice.set(None);
        ui.phase.set(Phase::Entering);
        let (record, appointment, ice_servers) = place.get_value();
        match Call::open(&record, &appointment, seat, stream, ice_servers, ui) {
            Ok(c) => call.set_value(Some(c)),
            Err(()) => ui
                .phase
                .set(Phase::Ended(Some(Message::new("video.connect_failed")))),
        }
    };
    let leave = move |_| {
        if let Some(c) = call.get_value() {
            c.hang_up();
        }
        call.set_value(None);
        ui.phase.set(Phase::Ended(None));
    };
    on_cleanup(move || {
        if let Some(c) = call.try_get_value().flatten() {
            c.hang_up();
        }
        if let Some(stream) = local_video
            .try_get_untracked()
            .flatten()
            .and_then(|v| v.src_object())
        {
            stop(&stream);
        }
    });
    // When the call is over, the camera and microphone go off.
    Effect::new(move || {
        if matches!(ui.phase.get(), Phase::Ended(_)) {
            if let Some(stream) = media() {
                stop(&stream);
            }
        }
    });
    let admit = move |_| {
        if let Some(c) = call.get_value() {
            c.send(&ClientSignal::Admit);
        }
    };
    let toggle = move |video: bool| {
        let Some(stream) = media() else {
            return;
        };
        let flag = if video { camera_off } else { muted };
        let off = !flag.get_untracked();
        let tracks = if video {
            stream.get_video_tracks()
        } else {
            stream.get_audio_tracks()
        };
        for track in tracks.iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                track.set_enabled(!off);
            }
        }
        flag.set(off);
    };
    let with = room.with.clone().unwrap_or_default();
    let heading = format!("{} · {}", room.title, date_time(room.start));
    let in_room = move || {
        !matches!(
            ui.phase.get(),
            Phase::Ready | Phase::Entering | Phase::Ended(_)
        )
    };
    let back = match seat {
        Seat::Doctor => "/zorgverlener",
        Seat::Patient => "/afspraken",
    };
    view! {
        <p class="video-about" data-testid="video-about">
            {heading}
            {(!with.is_empty()).then(|| view! { <br/>{move || t1("video.with", "name", &with)} })}
        </p>
        <div role="status" aria-live="polite" data-testid="video-status" class="status-message">
            {move || phase_text(&ui.phase.get(), seat)}
        </div>
        <p class="form-error" role="alert" data-testid="video-notice">
            {move || ui.notice.get().map(|m| tr(&m))}
        </p>
        <div class="video-stage">
            <video
                node_ref=ui.remote
                class="video-remote"
                data-testid="remote-video"
                autoplay=true
                playsinline=true
                hidden=move || ui.phase.get() != Phase::InCall
                aria-label=move || t("video.remote_label")
            ></video>
            <video
                node_ref=local_video
                class="video-local"
                data-testid="local-video"
                autoplay=true
                playsinline=true
                prop:muted=true
                hidden=move || !started.get() || matches!(ui.phase.get(), Phase::Ended(_))
                aria-label=move || t("video.local_label")
            ></video>
        </div>
        {move || (ui.phase.get() == Phase::Ready).then(|| view! {
            <section class="video-prepare" aria-labelledby="video-prepare-title">
                <h2 id="video-prepare-title">{t("video.prepare")}</h2>
                <p>{t("video.prepare_hint")}</p>
                <p class="form-error" role="alert" data-testid="media-error">
                    {move || media_error.get().map(|m| tr(&m))}
                </p>
                {move || (!started.get()).then(|| view! {
                    <button type="button" data-testid="start-media" on:click=move |_| start_media()>
                        {t("video.start_media")}
                    </button>
                })}
                {move || started.get().then(|| view! {
                    <DeviceChoice id="camera-choice" label="video.camera" options=cameras chosen=camera on_change=start_media/>
                    <DeviceChoice id="microphone-choice" label="video.microphone" options=microphones chosen=microphone on_change=start_media/>
                    <button type="button" data-testid="join-video" on:click=enter>{t("video.join")}</button>
                })}
            </section>
        })}
        {move || in_room().then(|| view! {
            <div class="video-controls" role="group" aria-label=t("video.controls")>
                {move || (ui.phase.get() == Phase::PatientWaiting).then(|| view! {
                    <button type="button" data-testid="admit-patient" on:click=admit>{t("video.admit")}</button>
                })}
                <button type="button" class="secondary" data-testid="toggle-microphone"
                    aria-pressed=move || muted.get().to_string()
                    on:click=move |_| toggle(false)>
                    {move || t("video.microphone_off")}
                </button>
                <button type="button" class="secondary" data-testid="toggle-camera"
                    aria-pressed=move || camera_off.get().to_string()
                    on:click=move |_| toggle(true)>
                    {move || t("video.camera_off")}
                </button>
                <button type="button" class="danger" data-testid="leave-video" on:click=leave>
                    {move || t("video.leave")}
                </button>
            </div>
        })}
        {move || matches!(ui.phase.get(), Phase::Ended(_)).then(|| view! {
            <p><A href=back>{t("video.back")}</A></p>
        })}
    }
}

/// A choice among the cameras or microphones the browser lists.
#[component]
fn DeviceChoice(
    id: &'static str,
    label: &'static str,
    options: RwSignal<Vec<(String, String)>>,
    chosen: RwSignal<String>,
    on_change: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <label for=id>{move || t(label)}</label>
        <select id=id data-testid=id
            on:change=move |e| {
                chosen.set(event_target_value(&e));
                on_change();
            }>
            {move || options.get().into_iter().enumerate().map(|(i, (device, name))| {
                let name = if name.is_empty() { format!("{} {}", t(label), i + 1) } else { name };
                let selected = device == chosen.get_untracked();
                view! { <option value=device selected=selected>{name}</option> }
            }).collect_view()}
        </select>
    }
}

/// What the status line says in each phase.
fn phase_text(phase: &Phase, seat: Seat) -> String {
    match (phase, seat) {
        (Phase::Ready, _) => t("video.status.ready"),
        (Phase::Entering, _) => t("video.status.entering"),
        (Phase::Waiting, _) => t("video.status.waiting"),
        (Phase::Alone, _) => t("video.status.alone"),
        (Phase::PatientWaiting, _) => t("video.status.patient_waiting"),
        (Phase::Connecting, _) => t("video.status.connecting"),
        (Phase::InCall, _) => t("video.status.in_call"),
        (Phase::Ended(Some(m)), _) => tr(m),
        (Phase::Ended(None), _) => t("video.status.left"),
    }
}

/// Stops every track of a stream (the camera's light goes off).
fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// `{ deviceId: { exact: id } }`, or `true` for the browser's choice.
fn device_constraint(device: &str) -> JsValue {
    if device.is_empty() {
        return JsValue::TRUE;
    }
    let exact = js_sys::Object::new();
    let outer = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&exact, &"exact".into(), &device.into());
    let _ = js_sys::Reflect::set(&outer, &"deviceId".into(), &exact);
    outer.into()
}

/// The camera and microphone, or why the browser gave neither, in words.
async fn open_media(camera: &str, microphone: &str) -> Result<MediaStream, Message> {
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or_else(|| Message::new("video.media.unsupported"))?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&device_constraint(camera));
    constraints.set_audio(&device_constraint(microphone));
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| Message::new("video.media.unsupported"))?;
    match JsFuture::from(promise).await {
        Ok(stream) => stream
            .dyn_into::<MediaStream>()
            .map_err(|_| Message::new("video.media.failed")),
        Err(e) => {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            Err(Message::new(match name.as_str() {
                "NotAllowedError" | "SecurityError" => "video.media.blocked",
                "NotFoundError" | "OverconstrainedError" => "video.media.missing",
                "NotReadableError" | "AbortError" => "video.media.busy",
                _ => "video.media.failed",
            }))
        }
    }
}

/// The cameras and microphones, as (device id, name).
async fn devices() -> Result<(Vec<(String, String)>, Vec<(String, String)>), JsValue> {
    let media = web_sys::window()
        .ok_or(JsValue::NULL)?
        .navigator()
        .media_devices()?;
    let list: js_sys::Array = JsFuture::from(media.enumerate_devices()?)
        .await?
        .dyn_into()?;
    let (mut cameras, mut microphones) = (Vec::new(), Vec::new());
    for info in list.iter() {
        let Ok(info) = info.dyn_into::<MediaDeviceInfo>() else {
            continue;
        };
        let entry = (info.device_id(), info.label());
        match info.kind() {
            MediaDeviceKind::Videoinput => cameras.push(entry),
            MediaDeviceKind::Audioinput => microphones.push(entry),
            _ => {}
        }
    }
    Ok((cameras, microphones))
}

/// One person's connection to the room: the signalling socket, and the peer connection once the
/// patient is admitted.
struct Call {
    seat: Seat,
    socket: WebSocket,
    local: MediaStream,
    ice_servers: Vec<IceServer>,
    ui: Ui,
    peer: RefCell<Option<RtcPeerConnection>>,
    /// Whether the other's session description is set (candidates wait until it is).
    remote_set: Cell<bool>,
    pending: RefCell<Vec<RtcIceCandidateInit>>,
    /// The socket's and the peer's handlers, kept alive as long as the call.
    handlers: RefCell<Vec<Box<dyn std::any::Any>>>,
}

impl Call {
    /// Opens the signalling socket; the room's messages drive the rest.
    fn open(
        record: &str,
        appointment: &str,
        seat: Seat,
        local: MediaStream,
        ice_servers: Vec<IceServer>,
        ui: Ui,
    ) -> Result<Rc<Call>, ()> {
        let url = api::video_signal_url(record, appointment).ok_or(())?;
        let socket = WebSocket::new(&url).map_err(|_| ())?;
        let call = Rc::new(Call {
            seat,
            socket,
            local,
            ice_servers,
            ui,
            peer: RefCell::new(None),
            remote_set: Cell::new(false),
            pending: RefCell::new(Vec::new()),
            handlers: RefCell::new(Vec::new()),
        });
        let weak = Rc::downgrade(&call);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let (Some(call), Some(text)) = (weak.upgrade(), e.data().as_string()) else {
                return;
            };
            if let Ok(signal) = serde_json::from_str::<ServerSignal>(&text) {
                call.on_signal(signal);
            }
        });
        call.socket
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_close = Closure::<dyn FnMut()>::new(move || {
            ui.phase.update(|p| {
                if !matches!(p, Phase::Ended(_)) {
                    *p = Phase::Ended(Some(Message::new(if *p == Phase::Entering {
                        "video.connect_failed"
                    } else {
                        "video.connection_lost"
                    })));
                }
            });
        });
        call.socket
            .set_onclose(Some(on_close.as_ref().unchecked_ref()));
        call.keep(on_message);
        call.keep(on_close);
        Ok(call)
    }

    fn keep<T: 'static>(&self, handler: T) {
        self.handlers.borrow_mut().push(Box::new(handler));
    }

    /// Sends a message into the room.
    fn send(&self, signal: &ClientSignal) {
        if let Ok(json) = serde_json::to_string(signal) {
            let _ = self.socket.send_with_str(&json);
        }
    }

    fn on_signal(self: &Rc<Self>, signal: ServerSignal) {
        let ui = self.ui;
        match signal {
            ServerSignal::Joined {
                seat,
                peer_present,
                admitted,
            } => ui.phase.set(match seat {
                Seat::Patient => Phase::Waiting,
                Seat::Doctor if peer_present && !admitted => Phase::PatientWaiting,
                Seat::Doctor => Phase::Alone,
            }),
            ServerSignal::Waiting => ui.phase.set(Phase::PatientWaiting),
            ServerSignal::Admitted => {
                ui.notice.set(None);
                ui.phase.set(Phase::Connecting);
                if self.seat == Seat::Patient {
                    let call = self.clone();
                    leptos::task::spawn_local(async move {
                        if call.offer().await.is_err() {
                            call.failed();
                        }
                    });
                }
            }
            ServerSignal::Offer { sdp } => {
                let call = self.clone();
                leptos::task::spawn_local(async move {
                    if call.answer(&sdp).await.is_err() {
                        call.failed();
                    }
                });
            }
            ServerSignal::Answer { sdp } => {
                let call = self.clone();
                leptos::task::spawn_local(async move {
                    if call.accept(&sdp).await.is_err() {
                        call.failed();
                    }
                });
            }
            ServerSignal::Candidate {
                candidate,
                sdp_mid,
                sdp_m_line_index,
            } => {
                let init = RtcIceCandidateInit::new(&candidate);
                init.set_sdp_mid(sdp_mid.as_deref());
                init.set_sdp_m_line_index(sdp_m_line_index);
                self.add_candidate(init);
            }
            ServerSignal::PeerLeft => {
                self.drop_peer();
                ui.notice.set(Some(Message::new(match self.seat {
                    Seat::Doctor => "video.patient_left",
                    Seat::Patient => "video.doctor_left",
                })));
                ui.phase.set(match self.seat {
                    Seat::Patient => Phase::Waiting,
                    Seat::Doctor => Phase::Alone,
                });
            }
            ServerSignal::Refused { message } => ui.notice.set(Some(message)),
            ServerSignal::Ended { message } => {
                ui.phase.set(Phase::Ended(Some(message)));
                self.hang_up();
            }
        }
    }

    /// The connection could not be set up: said, and the room is left.
    fn failed(&self) {
        self.ui
            .phase
            .set(Phase::Ended(Some(Message::new("video.network_blocked"))));
        self.hang_up();
    }

    /// The peer connection, made on first use with the STUN/TURN servers and the camera and
    /// microphone.
    fn peer(self: &Rc<Self>) -> Result<RtcPeerConnection, JsValue> {
        if let Some(pc) = self.peer.borrow().as_ref() {
            return Ok(pc.clone());
        }
        let config = RtcConfiguration::new();
        let servers = js_sys::Array::new();
        for server in &self.ice_servers {
            let s = RtcIceServer::new();
            let urls: js_sys::Array = server.urls.iter().map(|u| JsValue::from_str(u)).collect();
            s.set_urls(&urls);
            if let (Some(user), Some(secret)) = (&server.username, &server.credential) {
                s.set_username(user);
                s.set_credential(secret);
            }
            servers.push(&s);
        }
        config.set_ice_servers(&servers);
        let pc = RtcPeerConnection::new_with_configuration(&config)?;
        for track in self.local.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                pc.add_track_0(&track, &self.local);
            }
        }
        let socket = self.socket.clone();
        let on_candidate = Closure::<dyn FnMut(RtcPeerConnectionIceEvent)>::new(
            move |e: RtcPeerConnectionIceEvent| {
                if let Some(c) = e.candidate() {
                    let signal = ClientSignal::Candidate {
                        candidate: c.candidate(),
                        sdp_mid: c.sdp_mid(),
                        sdp_m_line_index: c.sdp_m_line_index(),
                    };
                    if let Ok(json) = serde_json::to_string(&signal) {
                        let _ = socket.send_with_str(&json);
                    }
                }
            },
        );
        pc.set_onicecandidate(Some(on_candidate.as_ref().unchecked_ref()));
        let remote = self.ui.remote;
        let on_track = Closure::<dyn FnMut(RtcTrackEvent)>::new(move |e: RtcTrackEvent| {
            let Ok(stream) = e.streams().get(0).dyn_into::<MediaStream>() else {
                return;
            };
            if let Some(video) = remote.get_untracked() {
                video.set_src_object(Some(&stream));
                let _ = video.play();
            }
        });
        pc.set_ontrack(Some(on_track.as_ref().unchecked_ref()));
        let ui = self.ui;
        let watched = pc.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || match watched.ice_connection_state() {
            RtcIceConnectionState::Connected | RtcIceConnectionState::Completed => {
                ui.notice.set(None);
                ui.phase.set(Phase::InCall);
            }
            RtcIceConnectionState::Failed => {
                ui.notice.set(Some(Message::new("video.network_blocked")));
            }
            RtcIceConnectionState::Disconnected => {
                ui.notice.set(Some(Message::new("video.reconnecting")));
            }
            _ => {}
        });
        pc.set_oniceconnectionstatechange(Some(on_state.as_ref().unchecked_ref()));
        self.keep(on_candidate);
        self.keep(on_track);
        self.keep(on_state);
        *self.peer.borrow_mut() = Some(pc.clone());
        Ok(pc)
    }

    /// (Patient) offers the connection.
    async fn offer(self: &Rc<Self>) -> Result<(), JsValue> {
        let pc = self.peer()?;
        let sdp = set_local(&pc, RtcSdpType::Offer, pc.create_offer()).await?;
        self.send(&ClientSignal::Offer { sdp });
        Ok(())
    }

    /// (Doctor) answers the patient's offer.
    async fn answer(self: &Rc<Self>, offer: &str) -> Result<(), JsValue> {
        let pc = self.peer()?;
        self.set_remote(&pc, RtcSdpType::Offer, offer).await?;
        let sdp = set_local(&pc, RtcSdpType::Answer, pc.create_answer()).await?;
        self.send(&ClientSignal::Answer { sdp });
        Ok(())
    }

    /// (Patient) takes the doctor's answer.
    async fn accept(self: &Rc<Self>, answer: &str) -> Result<(), JsValue> {
        let pc = self.peer()?;
        self.set_remote(&pc, RtcSdpType::Answer, answer).await
    }

    /// Sets the other's session description, then adds the candidates that came before it.
    async fn set_remote(
        &self,
        pc: &RtcPeerConnection,
        kind: RtcSdpType,
        sdp: &str,
    ) -> Result<(), JsValue> {
        let remote = RtcSessionDescriptionInit::new(kind);
        remote.set_sdp(sdp);
        JsFuture::from(pc.set_remote_description(&remote)).await?;
        self.remote_set.set(true);
        let waiting: Vec<_> = self.pending.borrow_mut().drain(..).collect();
        for candidate in waiting {
            let _ = pc.add_ice_candidate_with_opt_rtc_ice_candidate_init(Some(&candidate));
        }
        Ok(())
    }

    fn add_candidate(&self, candidate: RtcIceCandidateInit) {
        match self.peer.borrow().as_ref() {
            Some(pc) if self.remote_set.get() => {
                let _ = pc.add_ice_candidate_with_opt_rtc_ice_candidate_init(Some(&candidate));
            }
            _ => self.pending.borrow_mut().push(candidate),
        }
    }

    /// Ends the peer connection (the other left); the socket stays.
    fn drop_peer(&self) {
        if let Some(pc) = self.peer.borrow_mut().take() {
            pc.set_onicecandidate(None);
            pc.set_ontrack(None);
            pc.set_oniceconnectionstatechange(None);
            pc.close();
        }
        self.remote_set.set(false);
        self.pending.borrow_mut().clear();
        if let Some(video) = self.ui.remote.get_untracked() {
            video.set_src_object(None);
        }
    }

    /// Leaves: the peer connection and the socket close.
    fn hang_up(&self) {
        self.drop_peer();
        self.socket.set_onclose(None);
        self.socket.set_onmessage(None);
        let _ = self.socket.close();
    }
}

/// Takes the session description the browser is making (`made`: an offer or an answer) as this
/// side's, and gives its SDP text to send.
async fn set_local(
    pc: &RtcPeerConnection,
    kind: RtcSdpType,
    made: js_sys::Promise,
) -> Result<String, JsValue> {
    let made = JsFuture::from(made).await?;
    let sdp = js_sys::Reflect::get(&made, &"sdp".into())?
        .as_string()
        .unwrap_or_default();
    let local = RtcSessionDescriptionInit::new(kind);
    local.set_sdp(&sdp);
    JsFuture::from(pc.set_local_description(&local)).await?;
    Ok(sdp)
}

/// The doctor's video consultations from now on, each with a link to its room.
#[component]
pub fn DoctorVideoConsultations() -> impl IntoView {
    let list = LocalResource::new(api::video_consultations);
    view! {
        <section aria-labelledby="video-consultations-title" data-testid="video-consultations">
            <h2 id="video-consultations-title">{move || t("video.list.title")}</h2>
            {move || {
                track();
                match list.get() {
                    None => view! { <p aria-busy="true">{t("common.loading")}</p> }.into_any(),
                    Some(Err(f)) => view! { <p class="form-error" role="alert">{tr(&f.message())}</p> }.into_any(),
                    Some(Ok(items)) if items.is_empty() => view! { <p>{t("video.list.none")}</p> }.into_any(),
                    Some(Ok(items)) => view! {
                        <ul class="item-list">
                            {items.into_iter().map(|c| view! { <ConsultationItem item=c/> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn ConsultationItem(item: VideoConsultation) -> impl IntoView {
    let link = href(&item.record, &item.appointment);
    let label = t1("video.list.open", "name", &item.patient);
    view! {
        <li class="item-card" data-testid="video-consultation">
            <span class="item-title">{item.patient.clone()}</span>
            <time class="item-when" datetime=item.start.to_string()>{date_time(item.start)}</time>
            <span class="item-meta">{item.title}</span>
            <div class="item-actions">
                <A href=link attr:aria-label=label attr:data-testid="open-video">{t("video.list.open_short")}</A>
            </div>
        </li>
    }
}

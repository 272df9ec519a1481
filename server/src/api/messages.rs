//! Messages (Berichten): threads between the people who act on a record and a hospital's
//! departments, with attachments. Writing and reading are decided like any request about the
//! record (the record's `RequestCopy`: the patient, a parent, a representative, a trusted
//! person) and audited in the record's trail, staff's reads and replies included. A person
//! sees the threads they started, and all of the record's when they manage it. Attachments are
//! checked by content, kept outside the web root, and served only to those who see the thread.

use crate::error::{Multipart, Path};
use crate::upload::UploadTurn;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use axum::Json;
use inzage_domain::messaging::{
    attachment_fits, display_name, e_consult_doctors, Department, NewReply, NewThread,
};
use inzage_domain::notify::Topic;
use inzage_domain::record::{EConsultLine, EConsultNote};
use inzage_domain::wire::{
    AttachmentInfo, EConsultDoctor, ErrorBody, FieldErrors, MessageHospital, MessagesView,
    StaffThreadSummary, Thread, ThreadMessage, ThreadSummary,
};
use inzage_domain::{Action, Message};
use serde::de::DeserializeOwned;

use super::links::{instant, person, staff, staff_reason};
use super::record::{authorize, hospital_name, log_change, log_read, now, Actor, Authorized};
use super::requests::{file_response, internal, read_kept, read_multipart};
use super::{ClientAddr, CurrentUser};
use crate::error::ApiError;
use crate::store::{AttachmentRow, MessageRow, ThreadRow};
use crate::upload::{check_document, check_in_turn, sha256, store_at, MAX_FORM_BYTES};
use crate::AppState;

/// The new-thread form, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ThreadUpload {
    /// The message, as JSON.
    message: NewThread,
    /// Up to three documents (PDF, PNG or JPEG of at most 5 MB each), each a part named
    /// `attachment`.
    #[schema(value_type = Vec<String>, format = Binary)]
    attachment: Vec<Vec<u8>>,
}

/// A reply, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ReplyUpload {
    /// The message, as JSON.
    message: NewReply,
    /// Up to three documents, each a part named `attachment`.
    #[schema(value_type = Vec<String>, format = Binary)]
    attachment: Vec<Vec<u8>>,
}

pub(super) const MAX_BODY: usize = 3 * MAX_FORM_BYTES + 256 * 1024;

/// `/records/{record}/messages`.
pub fn record_routes() -> MethodRouter<AppState> {
    get(list)
        .merge(axum::routing::post(start))
        .layer(DefaultBodyLimit::max(MAX_BODY))
}

/// `/records/{record}/messages/{thread}`.
pub fn thread_routes() -> MethodRouter<AppState> {
    get(read)
        .merge(axum::routing::post(reply))
        .layer(DefaultBodyLimit::max(MAX_BODY))
}

/// `/staff/messages/{thread}`.
pub fn staff_thread_routes() -> MethodRouter<AppState> {
    get(staff_read)
        .merge(axum::routing::post(staff_reply))
        .layer(DefaultBodyLimit::max(MAX_BODY))
}

/// The reader id of the hospital's side.
const STAFF_READER: &str = "staff";

fn attachment_path(state: &AppState, message: &str, index: i64) -> std::path::PathBuf {
    state
        .config
        .uploads_dir
        .join(format!("message-{message}-{index}"))
}

/// The hospitals that hold data of the record, with their phone numbers for urgent questions.
async fn hospitals(state: &AppState, record: &str) -> Result<Vec<MessageHospital>, ApiError> {
    let network = &state.config.network;
    Ok(state
        .store
        .record_hospitals(record)
        .await?
        .into_iter()
        .map(|(id, imported, _)| MessageHospital {
            name: network.hospital_name(&id, &imported),
            phone: network.hospital(&id).and_then(|h| h.contact.phone.clone()),
            id,
        })
        .collect())
}

pub(super) async fn summary_of(
    state: &AppState,
    row: ThreadRow,
) -> Result<ThreadSummary, ApiError> {
    let doctor = match &row.doctor_id {
        Some(id) => state.store.practitioner(id).await?.map(|p| p.name),
        None => None,
    };
    Ok(ThreadSummary {
        doctor,
        hospital_name: hospital_name(state, &row.hospital_id).await?,
        department: Department::parse(&row.department)
            .ok_or_else(|| internal("unknown department"))?,
        started_by: state
            .store
            .patient_display_name(&row.started_by)
            .await?
            .unwrap_or_default(),
        last_at: instant(row.last_at)?,
        messages: u32::try_from(row.message_count).unwrap_or(u32::MAX),
        unread: u32::try_from(row.unread).unwrap_or(u32::MAX),
        id: row.id,
        record: row.patient_id,
        hospital_id: row.hospital_id,
        subject: row.subject,
    })
}

/// The thread with its messages and attachments.
pub(super) async fn thread_of(state: &AppState, row: ThreadRow) -> Result<Thread, ApiError> {
    let messages = state.store.messages_of(&row.id).await?;
    let attachments = state.store.attachments_of(&row.id).await?;
    let patient_name = state
        .store
        .patient_display_name(&row.patient_id)
        .await?
        .unwrap_or_default();
    let messages = messages
        .into_iter()
        .map(|m| {
            Ok(ThreadMessage {
                attachments: attachments
                    .iter()
                    .filter(|a| a.message_id == m.id)
                    .map(|a| AttachmentInfo {
                        index: u32::try_from(a.idx).unwrap_or(0),
                        name: a.name.clone(),
                        media_type: a.media_type.clone(),
                        size: u64::try_from(a.size).unwrap_or(0),
                    })
                    .collect(),
                from_hospital: m.author_kind == "staff",
                sent_at: instant(m.sent_at)?,
                id: m.id,
                author_name: m.author_name,
                body: m.body,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(Thread {
        summary: summary_of(state, row).await?,
        patient_name,
        messages,
    })
}

/// The `message` part (JSON) and the `attachment` parts of a form, each checked by content.
pub(super) async fn read_form<T: DeserializeOwned>(
    multipart: Multipart,
) -> Result<(T, Vec<(String, Bytes, &'static str)>), ApiError> {
    let (message, parts): (T, _) =
        read_multipart(multipart, "message", |f| f == "attachment").await?;
    let mut files = Vec::new();
    let mut errors = FieldErrors::default();
    // A file input left empty still sends an empty part.
    for part in parts.into_iter().filter(|p| !p.bytes.is_empty()) {
        if let Err(m) = attachment_fits(files.len()) {
            errors.add("attachments", m);
            continue;
        }
        let name = display_name(&part.file_name);
        match check_in_turn(&part.bytes, check_document).await {
            Ok(media) => files.push((name, part.bytes, media)),
            Err(m) => errors.add(
                "attachments",
                Message::new("messages.attachment_refused")
                    .arg("name", name)
                    .arg("reason", m.key.into_owned()),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok((message, files))
}

/// Stores a message with its attachments: the files first (a crash between leaves unreferenced
/// files, never a message without its documents), then the rows, audited, in one transaction.
pub(super) async fn store_message(
    state: &AppState,
    tx: &mut crate::store::Tx,
    mut message: MessageRow,
    files: Vec<(String, Bytes, &'static str)>,
    reader: &str,
) -> Result<(), ApiError> {
    message.id = uuid::Uuid::new_v4().to_string();
    let mut rows = Vec::new();
    for (i, (name, bytes, media)) in files.into_iter().enumerate() {
        let idx = i64::try_from(i + 1).unwrap_or(i64::MAX);
        store_at(&attachment_path(state, &message.id, idx), &bytes).await?;
        rows.push(AttachmentRow {
            message_id: message.id.clone(),
            idx,
            name,
            media_type: media.to_owned(),
            sha256: sha256(&bytes),
            size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        });
    }
    tx.add_message(&message, &rows, reader).await?;
    Ok(())
}

/// The record's e-consults as they stand in it, the most recent first (dates in the time zone
/// of the hospital each went through).
pub(super) async fn e_consults_of(
    state: &AppState,
    record: &str,
) -> Result<Vec<EConsultNote>, ApiError> {
    let network = &state.config.network;
    let mut out = Vec::new();
    for row in state.store.threads_of(record, "", "staff").await? {
        let Some(doctor_id) = &row.doctor_id else {
            continue;
        };
        let zone = network.request_policy(&row.hospital_id).time_zone;
        let day = |unix: i64| instant(unix).map(|t| zone.local_date(t));
        let exchange = state
            .store
            .messages_of(&row.id)
            .await?
            .into_iter()
            .map(|m| {
                Ok(EConsultLine {
                    author: m.author_name,
                    sent: day(m.sent_at)?,
                    text: m.body,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        out.push(EConsultNote {
            asked: exchange.first().map_or(day(row.last_at)?, |l| l.sent),
            doctor: state
                .store
                .practitioner(doctor_id)
                .await?
                .map(|p| p.name)
                .unwrap_or_default(),
            subject: row.subject,
            exchange,
        });
    }
    Ok(out)
}

/// The doctors an e-consult about the record can go to, as the domain decides them now.
async fn doctors(state: &AppState, auth: &Authorized) -> Result<Vec<EConsultDoctor>, ApiError> {
    let mut out = Vec::new();
    for id in e_consult_doctors(&auth.record.facts, now(state)) {
        if let Some(p) = state.store.practitioner(&id.0).await? {
            out.push(EConsultDoctor {
                id: p.id,
                name: p.name,
                role: p.role,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// `GET /records/{record}/messages`: the record's threads this person may see.
#[utoipa::path(get, path = "/api/v1/records/{record}/messages", tag = "messages", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The hospitals to write to and the threads, the most recent first, with unread counts", body = MessagesView),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not write about it", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may act on", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<MessagesView>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::RequestCopy,
        "messages",
    )
    .await?;
    let me = user.subject.id().to_owned();
    let all = auth.manages(&state, &user);
    let mut threads = Vec::new();
    for row in state.store.threads_of(&record, &me, "staff").await? {
        if all || row.started_by == me {
            threads.push(summary_of(&state, row).await?);
        }
    }
    log_read(&state, &auth, "messages", &auth.decision, &client).await?;
    Ok(Json(MessagesView {
        hospitals: hospitals(&state, &record).await?,
        doctors: doctors(&state, &auth).await?,
        threads,
    }))
}

/// `POST /records/{record}/messages`: starts a thread with a hospital's department.
#[utoipa::path(post, path = "/api/v1/records/{record}/messages", tag = "messages", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    request_body(content = ThreadUpload, content_type = "multipart/form-data"),
    responses((status = 201, description = "Sent: the new thread", body = Thread),
        (status = 400, description = "Not a multipart form with a `message` part", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not write about it", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may act on", body = ErrorBody),
        (status = 422, description = "A field is empty or too long, the hospital holds no data of the record, or an attachment is refused (more than three, not a PDF or image of at most 5 MB)", body = ErrorBody)))]
pub async fn start(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    _turn: UploadTurn,
    multipart: Multipart,
) -> Result<(StatusCode, Json<Thread>), ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::RequestCopy,
        "message",
    )
    .await?;
    let me = person(&user)?.to_owned();
    let (new, files): (NewThread, _) = read_form(multipart).await?;
    let mut errors = new.check();
    if !new.hospital.trim().is_empty()
        && !hospitals(&state, &record)
            .await?
            .iter()
            .any(|h| h.id == new.hospital)
    {
        errors.add("hospital", Message::new("request.hospital.unknown"));
    }
    let doctor = new
        .doctor
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    if let (Department::EConsult, Some(d)) = (new.department, doctor) {
        if !doctors(&state, &auth).await?.iter().any(|x| x.id == d) {
            errors.add("doctor", Message::new("messages.doctor.unknown"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let doctor_id = doctor.map(str::to_owned);
    let now = now(&state).unix_timestamp();
    let thread = ThreadRow {
        id: uuid::Uuid::new_v4().to_string(),
        patient_id: record.clone(),
        hospital_id: new.hospital,
        department: new.department.as_str().to_owned(),
        subject: new.subject.trim().to_owned(),
        started_by: me.clone(),
        doctor_id,
        last_at: now,
        message_count: 0,
        unread: 0,
    };
    let message = MessageRow {
        id: String::new(),
        thread_id: thread.id.clone(),
        seq: 0,
        author_kind: "person".into(),
        author_id: me.clone(),
        author_name: auth.actor.name.clone(),
        body: new.body.trim().to_owned(),
        sent_at: now,
    };
    let mut tx = state.store.begin().await?;
    log_change(
        &mut tx,
        &state,
        &auth,
        &format!("message/{}", thread.id),
        &client,
    )
    .await?;
    tx.insert_thread(&thread, now).await?;
    store_message(&state, &mut tx, message, files, &me).await?;
    tx.commit().await?;
    let row = state
        .store
        .thread(&thread.id, &me, "staff")
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(thread_of(&state, row).await?)))
}

/// The thread `id` of `record`, if this person may see it; else 404, like a missing one.
async fn visible_thread(
    state: &AppState,
    user: &CurrentUser,
    client: &ClientAddr,
    record: &str,
    id: &str,
) -> Result<(Authorized, ThreadRow), ApiError> {
    let auth = authorize(state, user, client, record, Action::RequestCopy, "message").await?;
    let me = user.subject.id();
    let row = state
        .store
        .thread(id, me, "staff")
        .await?
        .filter(|t| t.patient_id == record)
        .filter(|t| t.started_by == me || auth.manages(state, user))
        .ok_or(ApiError::NotFound)?;
    Ok((auth, row))
}

/// `GET /records/{record}/messages/{thread}`: a thread, marked read.
#[utoipa::path(get, path = "/api/v1/records/{record}/messages/{thread}", tag = "messages", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("thread" = String, Path, description = "The thread")),
    responses((status = 200, description = "The thread, oldest message first; opening it marks it read", body = Thread),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not act on its messages or requests (a care provider, for one)", body = ErrorBody),
        (status = 404, description = "No such thread, or not one this person started or may see", body = ErrorBody)))]
pub async fn read(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
) -> Result<Json<Thread>, ApiError> {
    let (auth, row) = visible_thread(&state, &user, &client, &record, &id).await?;
    let me = user.subject.id().to_owned();
    let mut tx = state.store.begin().await?;
    tx.mark_read(&id, &me, row.message_count).await?;
    tx.commit().await?;
    log_read(
        &state,
        &auth,
        &format!("message/{id}"),
        &auth.decision,
        &client,
    )
    .await?;
    let row = ThreadRow { unread: 0, ..row };
    Ok(Json(thread_of(&state, row).await?))
}

/// `POST /records/{record}/messages/{thread}`: replies in a thread.
#[utoipa::path(post, path = "/api/v1/records/{record}/messages/{thread}", tag = "messages", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("thread" = String, Path, description = "The thread")),
    request_body(content = ReplyUpload, content_type = "multipart/form-data"),
    responses((status = 200, description = "Sent: the thread with the reply", body = Thread),
        (status = 400, description = "Not a multipart form with a `message` part", body = ErrorBody),
        (status = 403, description = "The person may read the record but not act on its messages or requests (a care provider, for one)", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such thread, or not one this person started or may see", body = ErrorBody),
        (status = 422, description = "An empty or too long message, or a refused attachment", body = ErrorBody)))]
pub async fn reply(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
    _turn: UploadTurn,
    multipart: Multipart,
) -> Result<Json<Thread>, ApiError> {
    let (auth, _) = visible_thread(&state, &user, &client, &record, &id).await?;
    let me = person(&user)?.to_owned();
    let (new, files): (NewReply, _) = read_form(multipart).await?;
    let errors = new.check();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let message = MessageRow {
        id: String::new(),
        thread_id: id.clone(),
        seq: 0,
        author_kind: "person".into(),
        author_id: me.clone(),
        author_name: auth.actor.name.clone(),
        body: new.body.trim().to_owned(),
        sent_at: now(&state).unix_timestamp(),
    };
    let mut tx = state.store.begin().await?;
    log_change(&mut tx, &state, &auth, &format!("message/{id}"), &client).await?;
    store_message(&state, &mut tx, message, files, &me).await?;
    tx.commit().await?;
    let row = state
        .store
        .thread(&id, &me, "staff")
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(thread_of(&state, row).await?))
}

/// Serves attachment `index` of `message` in thread `row`.
pub(super) async fn attachment(
    state: &AppState,
    row: &ThreadRow,
    message: &str,
    index: i64,
) -> Result<Response, ApiError> {
    let a = state
        .store
        .attachments_of(&row.id)
        .await?
        .into_iter()
        .find(|a| a.message_id == message && a.idx == index)
        .ok_or(ApiError::NotFound)?;
    let bytes = read_kept(attachment_path(state, message, index), &a.sha256).await?;
    Ok(file_response(
        bytes,
        &a.media_type,
        &format!("bijlage-{index}"),
    ))
}

/// `GET /records/{record}/messages/{thread}/attachments/{message}/{index}`: an attachment.
#[utoipa::path(get, path = "/api/v1/records/{record}/messages/{thread}/attachments/{message}/{index}", tag = "messages", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("thread" = String, Path, description = "The thread"),
        ("message" = String, Path, description = "The message"), ("index" = i64, Path, description = "The attachment's place (1, 2, 3)")),
    responses((status = 200, description = "The document as sent", content_type = "application/pdf", body = Vec<u8>),
        (status = 403, description = "The person may read the record but not act on its messages or requests (a care provider, for one)", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such attachment, or not in a thread this person may see", body = ErrorBody)))]
pub async fn record_attachment(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id, message, index)): Path<(String, String, String, i64)>,
) -> Result<Response, ApiError> {
    let (auth, row) = visible_thread(&state, &user, &client, &record, &id).await?;
    let res = attachment(&state, &row, &message, index).await?;
    log_read(
        &state,
        &auth,
        &format!("message/{id}/attachment"),
        &auth.decision,
        &client,
    )
    .await?;
    Ok(res)
}

/// `GET /staff/messages`: the latest threads, those with unread messages first.
#[utoipa::path(get, path = "/api/v1/staff/messages", tag = "staff", security(("session" = [])),
    responses((status = 200, description = "The 200 most recent threads, those with unread messages first", body = Vec<StaffThreadSummary>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody)))]
pub async fn staff_list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StaffThreadSummary>>, ApiError> {
    staff(&user)?;
    let mut out = Vec::new();
    for row in state.store.all_threads(200).await? {
        let patient_name = state
            .store
            .patient_display_name(&row.patient_id)
            .await?
            .unwrap_or_default();
        out.push(StaffThreadSummary {
            summary: summary_of(&state, row).await?,
            patient_name,
        });
    }
    // Unread first; within each, the most recent first (the query's order).
    out.sort_by_key(|t| t.summary.unread == 0);
    Ok(Json(out))
}

/// A thread for staff, and what the audit trail says of them.
async fn staff_thread(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> Result<(ThreadRow, Actor), ApiError> {
    staff(user)?;
    // An e-consult is the doctor's, not the department's.
    let row = state
        .store
        .thread(id, STAFF_READER, "person")
        .await?
        .filter(|t| t.doctor_id.is_none())
        .ok_or(ApiError::NotFound)?;
    let actor = Actor::of(state, user, &row.patient_id).await?;
    Ok((row, actor))
}

/// `GET /staff/messages/{thread}`: a thread, marked read for the hospital; the read is in the
/// patient's audit trail.
#[utoipa::path(get, path = "/api/v1/staff/messages/{thread}", tag = "staff", security(("session" = [])),
    params(("thread" = String, Path, description = "The thread")),
    responses((status = 200, description = "The thread, oldest message first", body = Thread),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such thread", body = ErrorBody)))]
pub async fn staff_read(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
) -> Result<Json<Thread>, ApiError> {
    let (row, actor) = staff_thread(&state, &user, &id).await?;
    let mut tx = state.store.begin().await?;
    tx.mark_read(&id, STAFF_READER, row.message_count).await?;
    tx.audit(&actor.entry(
        &row.patient_id,
        "read",
        &format!("message/{id}"),
        &department(),
        &client,
        now(&state),
    ))
    .await?;
    tx.commit().await?;
    let row = ThreadRow { unread: 0, ..row };
    Ok(Json(thread_of(&state, row).await?))
}

/// `POST /staff/messages/{thread}`: the department answers.
#[utoipa::path(post, path = "/api/v1/staff/messages/{thread}", tag = "staff", security(("session" = [])),
    params(("thread" = String, Path, description = "The thread")),
    request_body(content = ReplyUpload, content_type = "multipart/form-data"),
    responses((status = 200, description = "Sent: the thread with the answer", body = Thread),
        (status = 400, description = "Not a multipart form with a `message` part", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such thread", body = ErrorBody),
        (status = 422, description = "An empty or too long message, or a refused attachment", body = ErrorBody)))]
pub async fn staff_reply(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
    _turn: UploadTurn,
    multipart: Multipart,
) -> Result<Json<Thread>, ApiError> {
    let (row, actor) = staff_thread(&state, &user, &id).await?;
    let (new, files): (NewReply, _) = read_form(multipart).await?;
    let errors = new.check();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = now(&state);
    let message = MessageRow {
        id: String::new(),
        thread_id: id.clone(),
        seq: 0,
        author_kind: "staff".into(),
        author_id: user.subject.id().to_owned(),
        author_name: actor.name.clone(),
        body: new.body.trim().to_owned(),
        sent_at: now.unix_timestamp(),
    };
    let mut tx = state.store.begin().await?;
    tx.audit(&actor.entry(
        &row.patient_id,
        "change",
        &format!("message/{id}"),
        &department(),
        &client,
        now,
    ))
    .await?;
    tx.add_news(
        &row.started_by,
        Topic::NewMessage.as_str(),
        now.unix_timestamp(),
    )
    .await?;
    store_message(&state, &mut tx, message, files, STAFF_READER).await?;
    tx.commit().await?;
    let row = state
        .store
        .thread(&id, STAFF_READER, "person")
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(thread_of(&state, row).await?))
}

/// `GET /staff/messages/{thread}/attachments/{message}/{index}`: an attachment, for staff.
#[utoipa::path(get, path = "/api/v1/staff/messages/{thread}/attachments/{message}/{index}", tag = "staff", security(("session" = [])),
    params(("thread" = String, Path, description = "The thread"), ("message" = String, Path, description = "The message"),
        ("index" = i64, Path, description = "The attachment's place (1, 2, 3)")),
    responses((status = 200, description = "The document as sent", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such attachment", body = ErrorBody)))]
pub async fn staff_attachment(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((id, message, index)): Path<(String, String, i64)>,
) -> Result<Response, ApiError> {
    let (row, actor) = staff_thread(&state, &user, &id).await?;
    let res = attachment(&state, &row, &message, index).await?;
    state
        .store
        .audit(&actor.entry(
            &row.patient_id,
            "read",
            &format!("message/{id}/attachment"),
            &department(),
            &client,
            now(&state),
        ))
        .await?;
    Ok(res)
}

/// The audit trail's "why" of staff's reads and answers: the department answers the message.
fn department() -> inzage_domain::Decision {
    staff_reason(
        true,
        "reason.message_department",
        "reason.message_department",
    )
}

//! Calls to the server's JSON API. Every call is same-origin, so the session cookie goes along.

use gloo_net::http::{Request, RequestBuilder, Response};
use inzage_domain::account::{
    AccountLookup, AccountView, Acknowledgement, CodeCardRequestForm, EmailChange, HelpdeskAccount,
    LinkToken, PasswordChange, PasswordResetCompletion, PasswordResetRequest, ResetChallenge,
    StaffCardRequest, UsernameChange,
};
use inzage_domain::appointments::{AppointmentChanged, TakeSlot};
use inzage_domain::listing::ListQuery;
use inzage_domain::manage::AccessCommand;
use inzage_domain::passkey::{
    PasskeyInfo, PasskeyLoginRequest, PasskeyRegistrationFinish, PasskeyRegistrationStart,
};
use inzage_domain::record::{
    AppointmentList, MedicalSummary, MedicationList, ResultSeries, ResultsOverview, SearchResults,
};
use inzage_domain::wire::{
    AccessView, AuditPage, CaseAnswer, DesignationStatus, ErrorBody, LanguageChoice, LinkRequest,
    LinkRequestStatus, LinkedRecord, LoginChallengeRequest, LoginChallengeResponse, LoginRequest,
    Me, MessagesView, NotificationView, ProviderPatient, ReferralRequest, RelativeRequestsView,
    ReportDetail, ReportList, RequestCase, RequestsView, StaffCase, StaffDecision,
    StaffDesignation, StaffLinkRequest, StaffThreadSummary, Thread, ViewAs, API_PREFIX,
};
use inzage_domain::{Message, Principal};
use serde::de::DeserializeOwned;

/// Why a call did not give the expected answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    /// The server answered with its error body.
    Server {
        /// The HTTP status.
        status: u16,
        /// The body.
        body: ErrorBody,
    },
    /// No answer, or one that is not the API's.
    Network,
}

impl ApiFailure {
    /// Whether the session is missing or ended.
    pub fn is_unauthenticated(&self) -> bool {
        matches!(self, ApiFailure::Server { status: 401, body } if body.error == "unauthenticated")
    }

    /// Whether the server refused the request for this account (403).
    pub fn is_forbidden(&self) -> bool {
        matches!(self, ApiFailure::Server { status: 403, .. })
    }

    /// The message to show for this failure.
    pub fn message(&self) -> Message {
        match self {
            ApiFailure::Server { body, .. } => body.message.clone(),
            ApiFailure::Network => Message::new("error.network"),
        }
    }
}

fn url(path: &str) -> String {
    format!("{API_PREFIX}{path}")
}

/// The response, or [`ApiFailure::Network`] when the request got no answer at all (the server
/// or the network is down); either way the offline notice learns of it.
fn answered(res: Result<Response, gloo_net::Error>) -> Result<Response, ApiFailure> {
    crate::offline::note_answer(res.is_ok());
    res.map_err(|_| ApiFailure::Network)
}

/// The answer as `T`, or why there is none. Only the parsing is generic: the request's
/// handling is compiled once for all answer types, which keeps the app small.
async fn read<T: DeserializeOwned>(
    res: Result<Response, gloo_net::Error>,
) -> Result<T, ApiFailure> {
    parse(&text_of(res).await?)
}

/// The text of a successful answer, or the failure.
async fn text_of(res: Result<Response, gloo_net::Error>) -> Result<String, ApiFailure> {
    let res = answered(res)?;
    if res.ok() {
        res.text().await.map_err(|_| ApiFailure::Network)
    } else {
        Err(failure(res).await)
    }
}

/// A JSON answer as `T`; an answer that is not `T` is not the API's.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiFailure> {
    serde_json::from_str(text).map_err(|_| ApiFailure::Network)
}

/// The failure a refused request's answer tells: the server's error body with its status, or
/// [`ApiFailure::Network`] when the answer is not the API's.
async fn failure(res: Response) -> ApiFailure {
    let status = res.status();
    match res.json::<ErrorBody>().await {
        Ok(body) => ApiFailure::Server { status, body },
        Err(_) => ApiFailure::Network,
    }
}

async fn post<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    let body = json(body)?;
    parse(&text_of(send(Request::post(&url(path)), Some(body)).await).await?)
}

async fn put<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    let body = json(body)?;
    parse(&text_of(send(Request::put(&url(path)), Some(body)).await).await?)
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiFailure> {
    parse(&text_of(Request::get(&url(path)).send().await).await?)
}

/// A request body as JSON text.
fn json<B: serde::Serialize>(body: &B) -> Result<String, ApiFailure> {
    serde_json::to_string(body).map_err(|_| ApiFailure::Network)
}

/// Sends a request, with a JSON body when there is one.
async fn send(builder: RequestBuilder, body: Option<String>) -> Result<Response, gloo_net::Error> {
    match body {
        Some(body) => {
            builder
                .header("Content-Type", "application/json")
                .body(body)?
                .send()
                .await
        }
        None => builder.send().await,
    }
}

/// Posts a body to an endpoint that answers success without a body (202, 204).
async fn post_accepted<B: serde::Serialize>(path: &str, body: &B) -> Result<(), ApiFailure> {
    let body = json(body)?;
    empty_answer(send(Request::post(&url(path)), Some(body)).await).await
}

/// Success without a body, or the failure.
async fn empty_answer(res: Result<Response, gloo_net::Error>) -> Result<(), ApiFailure> {
    let res = answered(res)?;
    if res.ok() {
        return Ok(());
    }
    Err(failure(res).await)
}

/// Step one of the login.
pub async fn login_challenge(
    req: &LoginChallengeRequest,
) -> Result<LoginChallengeResponse, ApiFailure> {
    post("/login/challenge", req).await
}

/// Step two of the login.
pub async fn login(req: &LoginRequest) -> Result<Me, ApiFailure> {
    post("/login", req).await
}

/// Ends the session on the server.
pub async fn logout() -> Result<(), ApiFailure> {
    let res = answered(Request::post(&url("/logout")).send().await)?;
    if res.ok() {
        Ok(())
    } else {
        Err(ApiFailure::Network)
    }
}

/// Who is logged in: while the app starts, the answer the page asked for as the wasm loaded
/// (see [`keep_early_me`]), one round trip sooner; else the server's now.
pub async fn me() -> Result<Me, ApiFailure> {
    if let Some(res) = early_me().await {
        return read(Ok(res)).await;
    }
    get("/me").await
}

thread_local! {
    /// The page's own `GET /me`, asked once the first screen was painted, beside the wasm's
    /// download (`self.inzageMe` in `Trunk.toml`'s loader): a promise of its response.
    static EARLY_ME: std::cell::RefCell<Option<js_sys::Promise>> =
        const { std::cell::RefCell::new(None) };
}

/// Takes the page's early `GET /me` for the app's start, and removes it from the page. It
/// serves the first call of [`me`] until [`forget_early_me`]; after that, a login or a logout
/// may have changed the answer.
pub fn keep_early_me() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = wasm_bindgen::JsValue::from_str("inzageMe");
    let promise = js_sys::Reflect::get(&window, &key)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let _ = js_sys::Reflect::delete_property(&window, &key);
    EARLY_ME.with(|e| e.replace(promise));
}

/// Drops the early `GET /me` if no call took it while the app started.
pub fn forget_early_me() {
    EARLY_ME.with(|e| e.take());
}

/// The early `GET /me`'s response, once; `None` when it is gone, or it failed (the page then
/// asks again).
async fn early_me() -> Option<Response> {
    use wasm_bindgen::JsCast;
    let promise = EARLY_ME.with(|e| e.take())?;
    let raw = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    raw.dyn_into::<web_sys::Response>().ok().map(Response::from)
}

/// The identity providers (eID, itsme, DigiD) the login page offers.
pub async fn identity_providers(
) -> Result<Vec<inzage_domain::wire::IdentityProviderInfo>, ApiFailure> {
    get("/oidc/providers").await
}

/// Remembers the person's language in their profile; the answer is who is logged in.
pub async fn set_language(choice: &LanguageChoice) -> Result<Me, ApiFailure> {
    put("/me/language", choice).await
}

/// The terms of use in force (their version and the helpdesk).
pub async fn terms() -> Result<inzage_domain::account::Terms, ApiFailure> {
    get("/terms").await
}

/// The person accepts the terms of use in force.
pub async fn accept_terms(version: &str) -> Result<Me, ApiFailure> {
    put(
        "/me/terms",
        &inzage_domain::account::TermsAcceptance {
            version: version.to_owned(),
        },
    )
    .await
}

/// The helpdesk suspends an account, with the reason the person will read.
pub async fn staff_suspend(account: &str, reason: &str) -> Result<(), ApiFailure> {
    send_empty(
        "POST",
        &format!("/staff/accounts/{}/suspend", encode_segment(account)),
        Some(&inzage_domain::account::Suspension {
            reason: reason.to_owned(),
        }),
    )
    .await
}

/// The helpdesk lifts a suspension.
pub async fn staff_resume(account: &str) -> Result<(), ApiFailure> {
    send_empty::<()>(
        "POST",
        &format!("/staff/accounts/{}/resume", encode_segment(account)),
        None,
    )
    .await
}

/// The records the person may act on now, their own first.
pub async fn records() -> Result<Vec<LinkedRecord>, ApiFailure> {
    get("/records").await
}

/// One report of a record.
pub async fn record_report(record: &str, id: &str) -> Result<ReportDetail, ApiFailure> {
    get(&format!(
        "/records/{}/reports/{}",
        encode_segment(record),
        encode_segment(id)
    ))
    .await
}

/// A parent asks for a link to their child's record.
pub async fn request_link(req: &LinkRequest) -> Result<LinkRequestStatus, ApiFailure> {
    post("/link-requests", req).await
}

/// The person's own link requests and where they stand.
pub async fn link_requests() -> Result<Vec<LinkRequestStatus>, ApiFailure> {
    get("/link-requests").await
}

/// Hospital staff's queue of pending link requests.
pub async fn staff_link_requests() -> Result<Vec<StaffLinkRequest>, ApiFailure> {
    get("/staff/link-requests").await
}

/// Hospital staff approve or refuse a link request.
pub async fn staff_decide(
    id: &str,
    decision: &StaffDecision,
) -> Result<LinkRequestStatus, ApiFailure> {
    post(
        &format!("/staff/link-requests/{}", encode_segment(id)),
        decision,
    )
    .await
}

/// Applies to represent an adult who cannot decide, with the signed form or the court's
/// decision, as `multipart/form-data`.
pub async fn apply_to_represent(form: &web_sys::FormData) -> Result<LinkRequestStatus, ApiFailure> {
    post_form("/representation-requests", form).await
}

/// Sends a question to the helpdesk (with or without a session), as `multipart/form-data`.
pub async fn ask_help(
    form: &web_sys::FormData,
) -> Result<inzage_domain::help::HelpFiled, ApiFailure> {
    post_form("/help", form).await
}

/// The helpdesk's open questions, for staff.
pub async fn staff_help() -> Result<Vec<inzage_domain::help::StaffHelpCase>, ApiFailure> {
    get("/staff/help").await
}

/// Where staff open a question's screenshot (a plain link: the session cookie goes along).
pub fn help_screenshot_url(id: &str) -> String {
    url(&format!("/staff/help/{}/screenshot", encode_segment(id)))
}

/// Staff answer a question; the answer goes to the person by e-mail.
pub async fn staff_answer_help(
    id: &str,
    answer: &inzage_domain::help::HelpAnswer,
) -> Result<(), ApiFailure> {
    send_empty(
        "POST",
        &format!("/staff/help/{}/answer", encode_segment(id)),
        Some(answer),
    )
    .await
}

/// The records whose patient cannot decide now, for staff.
pub async fn staff_incapacities() -> Result<Vec<inzage_domain::wire::StaffIncapacity>, ApiFailure> {
    get("/staff/incapacities").await
}

/// Staff record that a patient can decide again.
pub async fn staff_end_incapacity(
    record: &str,
    body: &inzage_domain::wire::CapacityRegained,
) -> Result<(), ApiFailure> {
    send_empty(
        "POST",
        &format!("/staff/incapacities/{}/end", encode_segment(record)),
        Some(body),
    )
    .await
}

/// Where staff open an application's signed form (a plain link: the session cookie goes along).
pub fn application_form_url(id: &str) -> String {
    url(&format!("/staff/link-requests/{}/form", encode_segment(id)))
}

/// The designation requests of a record, newest first, with staff's answers.
pub async fn designations(record: &str) -> Result<Vec<DesignationStatus>, ApiFailure> {
    get(&format!("/records/{}/designations", encode_segment(record))).await
}

/// Files a designation with its signed form, as `multipart/form-data`; the browser sets the
/// content type with its boundary.
pub async fn designate(
    record: &str,
    form: &web_sys::FormData,
) -> Result<DesignationStatus, ApiFailure> {
    post_form(
        &format!("/records/{}/designations", encode_segment(record)),
        form,
    )
    .await
}

/// A record's requests page: where requests can go, and the cases this person may see.
pub async fn requests(record: &str) -> Result<RequestsView, ApiFailure> {
    get(&format!("/records/{}/requests", encode_segment(record))).await
}

/// Files a request with its documents, as `multipart/form-data`.
pub async fn file_request(
    record: &str,
    form: &web_sys::FormData,
) -> Result<RequestCase, ApiFailure> {
    post_form(
        &format!("/records/{}/requests", encode_segment(record)),
        form,
    )
    .await
}

/// Where a person's cases live: the requests about a record.
pub fn record_cases(record: &str) -> String {
    format!("/records/{}/requests", encode_segment(record))
}

/// Where a person's cases live: their requests about deceased relatives.
pub const RELATIVE_CASES: &str = "/me/relative-requests";

/// Answers staff's question about a case under `cases` ([`record_cases`] or
/// [`RELATIVE_CASES`]).
pub async fn answer_case(
    cases: &str,
    id: &str,
    answer: &CaseAnswer,
) -> Result<RequestCase, ApiFailure> {
    post(&format!("{cases}/{}/answer", encode_segment(id)), answer).await
}

/// A person's requests about deceased relatives, and the hospitals they can ask.
pub async fn relative_requests() -> Result<RelativeRequestsView, ApiFailure> {
    get(RELATIVE_CASES).await
}

/// Files a request about a deceased relative with the relative's identity document.
pub async fn file_relative_request(form: &web_sys::FormData) -> Result<RequestCase, ApiFailure> {
    post_form(RELATIVE_CASES, form).await
}

/// Where the requester downloads the document that answered a case.
pub fn case_delivery_url(cases: &str, id: &str) -> String {
    url(&format!("{cases}/{}/delivery", encode_segment(id)))
}

/// Hospital staff's open cases, the one due first at the top.
pub async fn staff_requests() -> Result<Vec<StaffCase>, ApiFailure> {
    get("/staff/requests").await
}

/// Where staff open a document attached to a case.
pub fn case_file_url(id: &str, signer: &str) -> String {
    url(&format!(
        "/staff/requests/{}/files/{}",
        encode_segment(id),
        encode_segment(signer)
    ))
}

/// A staff step on a case (with the answering document, when completing one that asks for it).
pub async fn staff_step(id: &str, form: &web_sys::FormData) -> Result<StaffCase, ApiFailure> {
    post_form(&format!("/staff/requests/{}", encode_segment(id)), form).await
}

/// Posts `multipart/form-data`; the browser sets the content type with its boundary.
async fn post_form<T: DeserializeOwned>(
    path: &str,
    form: &web_sys::FormData,
) -> Result<T, ApiFailure> {
    let req = Request::post(&url(path))
        .body(form.clone())
        .map_err(|_| ApiFailure::Network)?;
    read(req.send().await).await
}

/// The person's e-mail notification settings.
pub async fn notifications() -> Result<NotificationView, ApiFailure> {
    get("/me/notifications").await
}

/// Stores the person's e-mail notification settings.
pub async fn set_notifications(
    settings: &inzage_domain::notify::NotificationSettings,
) -> Result<NotificationView, ApiFailure> {
    put("/me/notifications", settings).await
}

/// A record's messages page: the hospitals to write to and the threads.
pub async fn messages(record: &str) -> Result<MessagesView, ApiFailure> {
    get(&format!("/records/{}/messages", encode_segment(record))).await
}

/// Starts a thread (`message` JSON and `attachment` parts).
pub async fn start_thread(record: &str, form: &web_sys::FormData) -> Result<Thread, ApiFailure> {
    post_form(
        &format!("/records/{}/messages", encode_segment(record)),
        form,
    )
    .await
}

/// A thread, which opening marks read.
pub async fn thread(record: &str, id: &str) -> Result<Thread, ApiFailure> {
    get(&format!(
        "/records/{}/messages/{}",
        encode_segment(record),
        encode_segment(id)
    ))
    .await
}

/// Replies in a thread.
pub async fn reply(record: &str, id: &str, form: &web_sys::FormData) -> Result<Thread, ApiFailure> {
    post_form(
        &format!(
            "/records/{}/messages/{}",
            encode_segment(record),
            encode_segment(id)
        ),
        form,
    )
    .await
}

/// Where an attachment of a thread is downloaded.
pub fn message_attachment_url(record: &str, thread: &str, message: &str, index: u32) -> String {
    url(&format!(
        "/records/{}/messages/{}/attachments/{}/{index}",
        encode_segment(record),
        encode_segment(thread),
        encode_segment(message)
    ))
}

/// Where the hospital's side of threads lives: the departments' threads for staff…
pub const STAFF_THREADS: &str = "/staff/messages";
/// …and the e-consults for the doctor they are addressed to.
pub const DOCTOR_THREADS: &str = "/provider/e-consults";

/// The hospital's side's threads under `base` ([`STAFF_THREADS`] or [`DOCTOR_THREADS`]).
pub async fn hospital_threads(base: &str) -> Result<Vec<StaffThreadSummary>, ApiFailure> {
    get(base).await
}

/// A thread for the hospital's side.
pub async fn hospital_thread(base: &str, id: &str) -> Result<Thread, ApiFailure> {
    get(&format!("{base}/{}", encode_segment(id))).await
}

/// The hospital's side's answer in a thread.
pub async fn hospital_reply(
    base: &str,
    id: &str,
    form: &web_sys::FormData,
) -> Result<Thread, ApiFailure> {
    post_form(&format!("{base}/{}", encode_segment(id)), form).await
}

/// Where the hospital's side downloads an attachment.
pub fn hospital_attachment_url(base: &str, thread: &str, message: &str, index: u32) -> String {
    url(&format!(
        "{base}/{}/attachments/{}/{index}",
        encode_segment(thread),
        encode_segment(message)
    ))
}

/// Hospital staff's queue of pending designations.
pub async fn staff_designations() -> Result<Vec<StaffDesignation>, ApiFailure> {
    get("/staff/designations").await
}

/// Where staff open a designation's signed form (a plain link: the session cookie goes along).
pub fn designation_form_url(id: &str) -> String {
    url(&format!("/staff/designations/{}/form", encode_segment(id)))
}

/// Hospital staff approve or refuse a designation.
pub async fn staff_decide_designation(
    id: &str,
    decision: &StaffDecision,
) -> Result<DesignationStatus, ApiFailure> {
    post(
        &format!("/staff/designations/{}", encode_segment(id)),
        decision,
    )
    .await
}

/// Who can read a record and why, with the facts to run the domain's rules on in the browser.
pub async fn access_view(record: &str) -> Result<AccessView, ApiFailure> {
    get(&format!("/records/{}/access", encode_segment(record))).await
}

/// Carries out one access command; the answer is the record's new view.
pub async fn access_command(
    record: &str,
    command: &AccessCommand,
) -> Result<AccessView, ApiFailure> {
    post(
        &format!("/records/{}/access", encode_segment(record)),
        command,
    )
    .await
}

/// Which entries of the audit trail to fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// From this local day (`YYYY-MM-DD`), inclusive; empty for no limit.
    pub from: String,
    /// Until this local day, inclusive; empty for no limit.
    pub until: String,
    /// Only this person's entries; empty for everyone.
    pub actor: String,
    /// Only entries older than this one (the next page).
    pub before: Option<i64>,
}

/// One page of a record's audit trail, newest first.
pub async fn audit(record: &str, q: &AuditQuery) -> Result<AuditPage, ApiFailure> {
    let mut params = vec![("limit", "50".to_owned())];
    for (name, value) in [("from", &q.from), ("until", &q.until), ("actor", &q.actor)] {
        if !value.is_empty() {
            params.push((name, value.clone()));
        }
    }
    if let Some(before) = q.before {
        params.push(("before", before.to_string()));
    }
    let query = params
        .iter()
        .map(|(name, value)| format!("{name}={}", encode_segment(value)))
        .collect::<Vec<_>>()
        .join("&");
    get(&format!(
        "/records/{}/audit?{query}",
        encode_segment(record)
    ))
    .await
}

/// The record as a person named in it sees it now ("view as").
pub async fn view_as(record: &str, principal: &Principal) -> Result<ViewAs, ApiFailure> {
    let (kind, id) = match principal {
        Principal::Practitioner { id } => ("practitioner", id.0.as_str()),
        Principal::Person { id } => ("person", id.0.as_str()),
    };
    get(&format!(
        "/records/{}/view-as?kind={kind}&id={}",
        encode_segment(record),
        encode_segment(id)
    ))
    .await
}

/// The care provider's patients.
pub async fn provider_patients() -> Result<Vec<ProviderPatient>, ApiFailure> {
    get("/provider/patients").await
}

/// Where one report of a record downloads as a PDF (a plain link: the browser sends the session
/// cookie and saves the file).
pub fn record_report_pdf_url(record: &str, id: &str) -> String {
    url(&format!(
        "/records/{}/reports/{}/pdf",
        encode_segment(record),
        encode_segment(id)
    ))
}

/// Where the readable record is downloaded as a FHIR R4 Bundle, for a health app.
pub fn record_fhir_url(record: &str) -> String {
    url(&format!(
        "/fhir/Patient/{}/$everything",
        encode_segment(record)
    ))
}

/// Where the whole record the person may read downloads as a PDF.
pub fn record_pdf_url(record: &str) -> String {
    url(&format!("/records/{}/pdf", encode_segment(record)))
}

/// Where a document a report carries is downloaded.
pub fn report_document_url(record: &str, report: &str, index: u32) -> String {
    url(&format!(
        "/records/{}/reports/{}/documents/{index}",
        encode_segment(record),
        encode_segment(report)
    ))
}

/// `path` with a list query as its URL query (`/verslagen?q=hb&page=2`), the query's empty
/// fields left out: for API calls and for the app's own links alike.
pub fn with_query(path: &str, query: &ListQuery) -> String {
    let pairs: Vec<String> = query
        .pairs()
        .into_iter()
        .map(|(name, value)| format!("{name}={}", encode_segment(value)))
        .collect();
    if pairs.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

/// A page of the reports of a record, as far as the person may read them and they pass the
/// filters.
pub async fn record_reports(record: &str, query: &ListQuery) -> Result<ReportList, ApiFailure> {
    get(&with_query(
        &format!("/records/{}/reports", encode_segment(record)),
        query,
    ))
    .await
}

/// A page of the tests of a record with their latest values.
pub async fn record_results(
    record: &str,
    query: &ListQuery,
) -> Result<ResultsOverview, ApiFailure> {
    get(&with_query(
        &format!("/records/{}/results", encode_segment(record)),
        query,
    ))
    .await
}

/// A page of what in a record matches a search.
pub async fn record_search(record: &str, query: &ListQuery) -> Result<SearchResults, ApiFailure> {
    get(&with_query(
        &format!("/records/{}/search", encode_segment(record)),
        query,
    ))
    .await
}

/// One test's values over time.
pub async fn record_result_series(record: &str, code: &str) -> Result<ResultSeries, ApiFailure> {
    get(&format!(
        "/records/{}/results/{}",
        encode_segment(record),
        encode_segment(code)
    ))
    .await
}

/// Allergies, blood group and risks of a record.
pub async fn record_summary(record: &str) -> Result<MedicalSummary, ApiFailure> {
    get(&format!("/records/{}/summary", encode_segment(record))).await
}

/// The medications of a record.
pub async fn record_medications(record: &str) -> Result<MedicationList, ApiFailure> {
    get(&format!("/records/{}/medications", encode_segment(record))).await
}

/// The appointments of a record.
pub async fn record_appointments(record: &str) -> Result<AppointmentList, ApiFailure> {
    get(&format!("/records/{}/appointments", encode_segment(record))).await
}

/// An appointment's video room as the person sees it before entering.
pub async fn video_room(
    record: &str,
    appointment: &str,
) -> Result<inzage_domain::video::VideoRoom, ApiFailure> {
    get(&video_path(record, appointment)).await
}

fn video_path(record: &str, appointment: &str) -> String {
    format!(
        "/records/{}/appointments/{}/video",
        encode_segment(record),
        encode_segment(appointment)
    )
}

/// The address of an appointment's signalling WebSocket, on the portal's own host (`wss:` on an
/// `https:` page).
pub fn video_signal_url(record: &str, appointment: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    let host = location.host().ok()?;
    Some(format!(
        "{scheme}://{host}{}/signal",
        url(&video_path(record, appointment))
    ))
}

/// The practitioner's video consultations from now on.
pub async fn video_consultations(
) -> Result<Vec<inzage_domain::video::VideoConsultation>, ApiFailure> {
    get("/provider/video-consultations").await
}

/// The patient leaflets of a record.
pub async fn record_leaflets(
    record: &str,
) -> Result<inzage_domain::record::LeafletList, ApiFailure> {
    get(&format!("/records/{}/leaflets", encode_segment(record))).await
}

/// The free slots the person can book now, or move appointment `moving` to.
pub async fn appointment_slots(
    record: &str,
    moving: Option<&str>,
) -> Result<inzage_domain::appointments::FreeSlots, ApiFailure> {
    let path = format!("/records/{}/appointments/slots", encode_segment(record));
    match moving {
        Some(id) => get(&format!("{path}?for={}", encode_segment(id))).await,
        None => get(&path).await,
    }
}

/// Books a new appointment in a free slot.
pub async fn book_appointment(record: &str, slot: &str) -> Result<AppointmentChanged, ApiFailure> {
    post(
        &format!("/records/{}/appointments", encode_segment(record)),
        &TakeSlot {
            slot: slot.to_owned(),
        },
    )
    .await
}

/// Moves a booked appointment to another free slot.
pub async fn move_appointment(
    record: &str,
    id: &str,
    slot: &str,
) -> Result<AppointmentChanged, ApiFailure> {
    post(
        &format!(
            "/records/{}/appointments/{}/move",
            encode_segment(record),
            encode_segment(id)
        ),
        &TakeSlot {
            slot: slot.to_owned(),
        },
    )
    .await
}

/// Cancels a booked appointment.
pub async fn cancel_appointment(record: &str, id: &str) -> Result<AppointmentChanged, ApiFailure> {
    post(
        &format!(
            "/records/{}/appointments/{}/cancel",
            encode_segment(record),
            encode_segment(id)
        ),
        &serde_json::Value::Null,
    )
    .await
}

/// The patient's personal data as the hospitals hold them.
pub async fn personal_data(
    record: &str,
) -> Result<inzage_domain::record::PersonalData, ApiFailure> {
    get(&format!(
        "/records/{}/personal-data",
        encode_segment(record)
    ))
    .await
}

/// A referring care provider asks to read a patient's record.
pub async fn refer(req: &ReferralRequest) -> Result<(), ApiFailure> {
    post_accepted("/provider/referrals", req).await
}

/// Sends a request with an optional JSON body to an endpoint that answers success without a
/// body (204).
async fn send_empty<B: serde::Serialize>(
    method: &str,
    path: &str,
    body: Option<&B>,
) -> Result<(), ApiFailure> {
    let builder = match method {
        "PUT" => Request::put(&url(path)),
        "DELETE" => Request::delete(&url(path)),
        _ => Request::post(&url(path)),
    };
    let body = body.map(json).transpose()?;
    empty_answer(send(builder, body).await).await
}

/// The person's own account: username, e-mail, code card and open sessions.
pub async fn account() -> Result<AccountView, ApiFailure> {
    get("/me/account").await
}

/// Changes the password; the person's other sessions end.
pub async fn change_password(req: &PasswordChange) -> Result<(), ApiFailure> {
    send_empty("PUT", "/me/password", Some(req)).await
}

/// Chooses a username.
pub async fn change_username(req: &UsernameChange) -> Result<(), ApiFailure> {
    send_empty("PUT", "/me/username", Some(req)).await
}

/// Sets the e-mail address, used once confirmed by the link sent to it.
pub async fn change_email(req: &EmailChange) -> Result<Acknowledgement, ApiFailure> {
    put("/me/email", req).await
}

/// Ends one of the person's sessions.
pub async fn end_session(id: &str) -> Result<(), ApiFailure> {
    send_empty::<()>(
        "DELETE",
        &format!("/me/sessions/{}", encode_segment(id)),
        None,
    )
    .await
}

/// Starts adding a passkey: the options for the browser.
pub async fn start_passkey() -> Result<PasskeyRegistrationStart, ApiFailure> {
    post("/me/passkeys/register/start", &()).await
}

/// Finishes adding a passkey.
pub async fn finish_passkey(req: &PasskeyRegistrationFinish) -> Result<PasskeyInfo, ApiFailure> {
    post("/me/passkeys/register/finish", req).await
}

/// Removes one of the person's passkeys.
pub async fn delete_passkey(id: &str) -> Result<(), ApiFailure> {
    send_empty::<()>(
        "DELETE",
        &format!("/me/passkeys/{}", encode_segment(id)),
        None,
    )
    .await
}

/// Logs in with username, password and a passkey.
pub async fn login_with_passkey(req: &PasskeyLoginRequest) -> Result<Me, ApiFailure> {
    post("/login/passkey", req).await
}

/// Ends every session of the person, this one too.
pub async fn end_all_sessions() -> Result<(), ApiFailure> {
    send_empty::<()>("POST", "/me/sessions/end-all", None).await
}

/// Blocks every code card of the account; every session ends, this one too.
pub async fn block_card() -> Result<(), ApiFailure> {
    send_empty::<()>("POST", "/me/code-card/block", None).await
}

/// A patient asks for a new code card by post.
pub async fn request_card() -> Result<Acknowledgement, ApiFailure> {
    read(Request::post(&url("/me/code-card/request")).send().await).await
}

/// Asks for a password reset link (the answer is the same for every username).
pub async fn request_reset(req: &PasswordResetRequest) -> Result<Acknowledgement, ApiFailure> {
    post("/password-reset", req).await
}

/// The code card position to answer with a reset link's new password.
pub async fn reset_challenge(req: &LinkToken) -> Result<ResetChallenge, ApiFailure> {
    post("/password-reset/challenge", req).await
}

/// Sets the new password with the reset link, a code of the card and the challenge.
pub async fn complete_reset(req: &PasswordResetCompletion) -> Result<(), ApiFailure> {
    send_empty("POST", "/password-reset/complete", Some(req)).await
}

/// Asks for a code card online (national number and e-mail address).
pub async fn request_card_online(req: &CodeCardRequestForm) -> Result<Acknowledgement, ApiFailure> {
    post("/code-card-requests", req).await
}

/// Confirms a code card request with the link's token.
pub async fn confirm_card_request(req: &LinkToken) -> Result<Acknowledgement, ApiFailure> {
    post("/code-card-requests/confirm", req).await
}

/// Confirms an e-mail address with the link's token.
pub async fn confirm_email(req: &LinkToken) -> Result<Acknowledgement, ApiFailure> {
    post("/email/confirm", req).await
}

/// Confirms an address for notices with the token from its link.
pub async fn confirm_notice_address(req: &LinkToken) -> Result<Acknowledgement, ApiFailure> {
    post("/notice-address/confirm", req).await
}

/// Adds an address for notices; a link to confirm it is mailed to it.
pub async fn add_notice_address(
    new: &inzage_domain::notify::NewNoticeAddress,
) -> Result<Acknowledgement, ApiFailure> {
    post("/me/notifications/addresses", new).await
}

/// Removes an address for notices.
pub async fn remove_notice_address(address: &str) -> Result<(), ApiFailure> {
    send_empty::<()>(
        "DELETE",
        &format!("/me/notifications/addresses/{}", encode_segment(address)),
        None,
    )
    .await
}

/// Hospital staff's letters with code cards to post.
pub async fn staff_code_cards() -> Result<Vec<StaffCardRequest>, ApiFailure> {
    get("/staff/code-cards").await
}

/// Where staff download a letter to post (a plain link: the session cookie goes along).
pub fn staff_letter_url(id: &str) -> String {
    url(&format!("/staff/code-cards/{}/letter", encode_segment(id)))
}

/// Staff mark a letter as posted.
pub async fn staff_posted(id: &str) -> Result<(), ApiFailure> {
    send_empty::<()>(
        "POST",
        &format!("/staff/code-cards/{}/posted", encode_segment(id)),
        None,
    )
    .await
}

/// The helpdesk looks an account up by any of its login names.
pub async fn staff_lookup(req: &AccountLookup) -> Result<HelpdeskAccount, ApiFailure> {
    post("/staff/accounts/lookup", req).await
}

/// The helpdesk lifts a lock.
pub async fn staff_unlock(account: &str) -> Result<(), ApiFailure> {
    send_empty::<()>(
        "POST",
        &format!("/staff/accounts/{}/unlock", encode_segment(account)),
        None,
    )
    .await
}

/// Prints a new code card for a patient at the desk: the PDF's bytes.
pub async fn staff_print(patient: &str) -> Result<Vec<u8>, ApiFailure> {
    let res = answered(
        Request::post(&url(&format!(
            "/staff/patients/{}/code-card",
            encode_segment(patient)
        )))
        .send()
        .await,
    )?;
    read_bytes(res).await
}

/// A file's bytes, or the server's error.
async fn read_bytes(res: Response) -> Result<Vec<u8>, ApiFailure> {
    if res.ok() {
        return res.binary().await.map_err(|_| ApiFailure::Network);
    }
    Err(failure(res).await)
}

/// One document of a shared report, with the link's secret: its bytes.
pub async fn shared_document(
    ask: &inzage_domain::sharing::SharedDocument,
) -> Result<Vec<u8>, ApiFailure> {
    let body = json(ask)?;
    read_bytes(answered(
        send(Request::post(&url("/shared/document")), Some(body)).await,
    )?)
    .await
}

/// Percent-encodes a path segment or a query value. Report and record ids are FHIR ids
/// (`[A-Za-z0-9.-]`); anything else is encoded byte by byte so a crafted id cannot change the
/// path or add a parameter.
fn encode_segment(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// When new results and reports of a record appear: the patient's choices and the hospitals'
/// holds.
pub async fn release_settings(
    record: &str,
) -> Result<inzage_domain::release::ReleaseSettings, ApiFailure> {
    get(&format!("/records/{}/release", encode_segment(record))).await
}

/// Sets the patient's choice for one category.
pub async fn set_release(
    record: &str,
    set: &inzage_domain::release::SetRelease,
) -> Result<inzage_domain::release::ReleaseSettings, ApiFailure> {
    put(&format!("/records/{}/release", encode_segment(record)), set).await
}

/// A record's share links, newest first.
pub async fn shares(record: &str) -> Result<inzage_domain::sharing::ShareList, ApiFailure> {
    get(&format!("/records/{}/shares", encode_segment(record))).await
}

/// Makes a share link; the answer holds its secret, this once.
pub async fn make_share(
    record: &str,
    form: &inzage_domain::sharing::NewShare,
) -> Result<inzage_domain::sharing::ShareCreated, ApiFailure> {
    post(&format!("/records/{}/shares", encode_segment(record)), form).await
}

/// Revokes a share link.
pub async fn revoke_share(
    record: &str,
    id: &str,
) -> Result<inzage_domain::sharing::ShareSummary, ApiFailure> {
    post(
        &format!(
            "/records/{}/shares/{}/revoke",
            encode_segment(record),
            encode_segment(id)
        ),
        &serde_json::Value::Null,
    )
    .await
}

/// Opens a share link, without an account.
pub async fn open_share(
    open: &inzage_domain::sharing::OpenShare,
) -> Result<inzage_domain::sharing::SharedRecord, ApiFailure> {
    post("/shared", open).await
}

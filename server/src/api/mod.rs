//! The JSON API under `/api/v1`: login and sessions here; the record's reports (also as PDF
//! downloads), its access management, its audit trail and the care provider's side in the
//! submodules.
//!
//! Every request about a record is decided by [`inzage_domain::decide`] for the person asking,
//! whatever the browser decided, and written to the audit trail, allowed or not. A record the
//! person may not read answers 404 exactly like a missing one.

mod access;
mod account;
mod appointments;
mod audit;
mod designations;
mod download;
mod econsults;
mod fhir;
mod help;
mod links;
mod messages;
mod notifications;
pub mod oidc;
pub mod openapi;
mod passkeys;
mod provider;
pub(crate) mod record;
mod relatives;
mod release;
mod reports;
mod requests;
mod search;
mod sections;
mod shares;
mod video;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use inzage_domain::explain::Language;
use inzage_domain::wire::{
    AccountKind, ErrorBody, LanguageChoice, LoginChallengeRequest, LoginChallengeResponse,
    LoginRequest, Me,
};
use inzage_domain::Principal;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::auth::{token_hash, Client, LoginOutcome, SESSION_COOKIE, SESSION_IDLE, SESSION_MAX};
use crate::error::{ApiError, ApiJson};
use crate::store::Subject;
use crate::AppState;

/// The API routes, to nest under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/openapi.json", get(openapi::document))
        .route("/login/challenge", post(login_challenge))
        .route("/login", post(login))
        .route("/login/passkey", post(passkeys::login))
        .route("/logout", post(logout))
        .route("/oidc/providers", get(oidc::providers))
        .route("/oidc/{provider}/start", get(oidc::start))
        .route("/oidc/{provider}/callback", get(oidc::callback))
        .route("/me", get(me))
        .route("/me/language", axum::routing::put(set_language))
        .route("/me/account", get(account::view))
        .route("/terms", get(account::terms))
        .route("/me/terms", axum::routing::put(account::accept_terms))
        .route("/staff/accounts/{id}/suspend", post(account::staff_suspend))
        .route("/staff/accounts/{id}/resume", post(account::staff_resume))
        .route("/me/password", axum::routing::put(account::change_password))
        .route("/me/username", axum::routing::put(account::change_username))
        .route("/me/email", axum::routing::put(account::change_email))
        .route("/email/confirm", post(account::confirm_email))
        .route("/me/sessions/end-all", post(account::end_all_sessions))
        .route(
            "/me/sessions/{id}",
            axum::routing::delete(account::end_session),
        )
        .route("/me/code-card/block", post(account::block_card))
        .route(
            "/me/passkeys/register/start",
            post(passkeys::start_registration),
        )
        .route(
            "/me/passkeys/register/finish",
            post(passkeys::finish_registration),
        )
        .route("/me/passkeys/{id}", axum::routing::delete(passkeys::delete))
        .route("/me/code-card/request", post(account::request_card))
        .route("/code-card-requests", post(account::request_card_online))
        .route(
            "/code-card-requests/confirm",
            post(account::confirm_card_request),
        )
        .route("/password-reset", post(account::request_reset))
        .route("/password-reset/challenge", post(account::reset_challenge))
        .route("/password-reset/complete", post(account::complete_reset))
        .route("/staff/code-cards", get(account::staff_queue))
        .route("/staff/code-cards/{id}/letter", get(account::staff_letter))
        .route("/staff/code-cards/{id}/posted", post(account::staff_posted))
        .route("/staff/patients/{id}/code-card", post(account::staff_print))
        .route("/staff/accounts/lookup", post(account::staff_lookup))
        .route("/staff/accounts/{id}/unlock", post(account::staff_unlock))
        .route("/reports", get(reports::own_reports))
        .route("/reports/{id}", get(reports::own_report))
        .route("/records/{record}/reports", get(reports::record_reports))
        .route(
            "/records/{record}/reports/{id}",
            get(reports::record_report),
        )
        .route("/fhir/Patient/{id}/$everything", get(fhir::everything))
        .route("/records/{record}/results", get(sections::results))
        .route(
            "/records/{record}/results/{code}",
            get(sections::result_series),
        )
        .route("/records/{record}/summary", get(sections::summary))
        .route("/records/{record}/search", get(search::search))
        .route("/records/{record}/medications", get(sections::medications))
        .route(
            "/records/{record}/appointments",
            get(sections::appointments).post(appointments::book),
        )
        .route("/records/{record}/leaflets", get(sections::leaflets))
        .route(
            "/records/{record}/release",
            get(release::view).put(release::change),
        )
        .route(
            "/records/{record}/shares",
            get(shares::list).post(shares::create),
        )
        .route("/records/{record}/shares/{id}/revoke", post(shares::revoke))
        .route("/shared", post(shares::open))
        .route("/shared/document", post(shares::document))
        .route(
            "/records/{record}/appointments/slots",
            get(appointments::slots),
        )
        .route(
            "/records/{record}/appointments/{id}/move",
            post(appointments::reschedule),
        )
        .route(
            "/records/{record}/appointments/{id}/cancel",
            post(appointments::cancel),
        )
        .route(
            "/records/{record}/appointments/{id}/video",
            get(video::room),
        )
        .route(
            "/records/{record}/appointments/{id}/video/signal",
            get(video::signal),
        )
        .route(
            "/records/{record}/reports/{id}/pdf",
            get(download::report_pdf),
        )
        .route("/records/{record}/pdf", get(download::record_pdf))
        .route(
            "/records/{record}/access",
            get(access::view).post(access::change),
        )
        .route("/records/{record}/view-as", get(access::view_as))
        .route("/records/{record}/audit", get(audit::list))
        .route("/records", get(links::records))
        .route(
            "/link-requests",
            get(links::my_link_requests).post(links::request_link),
        )
        .route(
            "/records/{record}/designations",
            designations::record_routes(),
        )
        .route("/staff/link-requests", get(links::staff_queue))
        .route("/staff/link-requests/{id}", post(links::staff_decide))
        .route("/staff/link-requests/{id}/form", get(links::staff_form))
        .route("/help", help::routes())
        .route("/staff/help", get(help::staff_queue))
        .route("/staff/help/{id}/screenshot", get(help::staff_screenshot))
        .route("/staff/help/{id}/answer", post(help::staff_answer))
        .route("/staff/incapacities", get(links::staff_incapacities))
        .route(
            "/staff/incapacities/{record}/end",
            post(links::staff_end_incapacity),
        )
        .route(
            "/representation-requests",
            designations::application_routes(),
        )
        .route("/provider/patients", get(provider::patients))
        .route("/provider/video-consultations", get(video::consultations))
        .route("/provider/e-consults", get(econsults::list))
        .route("/provider/e-consults/{thread}", econsults::thread_routes())
        .route(
            "/provider/e-consults/{thread}/attachments/{message}/{index}",
            get(econsults::attachment_of),
        )
        .route("/provider/referrals", post(provider::refer))
        .route(
            "/records/{record}/personal-data",
            get(sections::personal_data),
        )
        .route(
            "/records/{record}/reports/{id}/documents/{index}",
            get(reports::report_document),
        )
        .route("/records/{record}/requests", requests::record_routes())
        .route(
            "/records/{record}/requests/{id}/answer",
            post(requests::answer),
        )
        .route(
            "/records/{record}/requests/{id}/delivery",
            get(requests::delivery),
        )
        .route(
            "/me/notifications/addresses",
            post(notifications::add_address),
        )
        .route(
            "/me/notifications/addresses/{address}",
            axum::routing::delete(notifications::remove_address),
        )
        .route(
            "/notice-address/confirm",
            post(notifications::confirm_address),
        )
        .route("/me/relative-requests", relatives::routes())
        .route("/me/relative-requests/{id}/answer", post(relatives::answer))
        .route(
            "/me/relative-requests/{id}/delivery",
            get(relatives::delivery),
        )
        .route(
            "/me/notifications",
            get(notifications::view).put(notifications::change),
        )
        .route("/records/{record}/messages", messages::record_routes())
        .route(
            "/records/{record}/messages/{thread}",
            messages::thread_routes(),
        )
        .route(
            "/records/{record}/messages/{thread}/attachments/{message}/{index}",
            get(messages::record_attachment),
        )
        .route("/staff/messages", get(messages::staff_list))
        .route("/staff/messages/{thread}", messages::staff_thread_routes())
        .route(
            "/staff/messages/{thread}/attachments/{message}/{index}",
            get(messages::staff_attachment),
        )
        .route("/staff/requests", get(requests::staff_queue))
        .route("/staff/requests/{id}", requests::staff_routes())
        .route(
            "/staff/requests/{id}/files/{signer}",
            get(requests::staff_file),
        )
        .route("/staff/designations", get(designations::staff_queue))
        .route("/staff/designations/{id}", post(designations::staff_decide))
        .route(
            "/staff/designations/{id}/form",
            get(designations::staff_form),
        )
        .fallback(|| async { ApiError::NotFound })
}

#[utoipa::path(get, path = "/api/v1/health", tag = "system",
    responses((status = 200, description = "The server and its database answer", body = String, content_type = "text/plain")))]
async fn health(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    state.store.count_patients().await?;
    Ok("ok")
}

#[utoipa::path(post, path = "/api/v1/login/challenge", tag = "login", request_body = LoginChallengeRequest,
    responses(
        (status = 200, description = "The code card position to answer and the options to log in with a passkey instead, for known and unknown names alike", body = LoginChallengeResponse),
        (status = 422, description = "The username does not validate", body = ErrorBody),
        (status = 429, description = "Too many login attempts from this address: try again after Retry-After seconds", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
async fn login_challenge(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(req): ApiJson<LoginChallengeRequest>,
) -> Result<Json<LoginChallengeResponse>, ApiError> {
    let name = req.validate().map_err(ApiError::Validation)?;
    crate::limits::check_address(
        &state.store,
        crate::limits::CHALLENGES_PER_ADDRESS,
        addr.as_deref(),
        state.clock.now(),
    )
    .await?;
    let (challenge_id, position, passkey) = state.auth.challenge(&name, state.clock.now()).await?;
    Ok(Json(LoginChallengeResponse {
        challenge_id,
        position,
        passkey,
    }))
}

pub(crate) fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

pub(crate) fn set_cookie(
    state: &AppState,
    value: &str,
    max_age: i64,
) -> Result<HeaderValue, ApiError> {
    HeaderValue::from_str(&session_cookie_header(
        value,
        max_age,
        state.config.secure_cookies,
    ))
    .map_err(|e| ApiError::Internal(e.into()))
}

/// The `Set-Cookie` value of the session: never readable by scripts, never sent by other sites,
/// and only over TLS when the portal is served over TLS.
pub fn session_cookie_header(value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    )
}

#[utoipa::path(post, path = "/api/v1/login", tag = "login", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in: the session cookie is set", body = Me,
            headers(("set-cookie" = String, description = "inzage_session, HttpOnly, SameSite=Strict"))),
        (status = 401, description = "Wrong username, password or code (which is not said), or an invalid challenge", body = ErrorBody),
        (status = 423, description = "Locked after too many failures, until the instant in the message; or disabled after 100 failures until the helpdesk unlocks it", body = ErrorBody),
        (status = 403, description = "Everything was right, but the hospital suspended the account: the reason and whom to contact", body = ErrorBody),
        (status = 422, description = "A field does not validate", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
async fn login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let valid = req.validate().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    let client = Client {
        addr: addr.as_deref(),
        user_agent: user_agent(&headers),
    };
    match state
        .auth
        .login(&req.challenge_id, &valid, client, now)
        .await?
    {
        LoginOutcome::Success { subject, token } => {
            refuse_after_death(&state, &subject, &token).await?;
            // Rotation: a session the browser held before logging in is ended, never reused.
            if let Some(old) = session_cookie(&headers) {
                state.store.delete_session(&token_hash(&old)).await?;
            }
            let me = me_of(&state, &subject).await?;
            let cookie = set_cookie(&state, &token, SESSION_MAX.whole_seconds())?;
            Ok(([(SET_COOKIE, cookie)], Json(me)).into_response())
        }
        other => Err(login_refusal(other, &state.config.network.helpdesk)),
    }
}

/// Whether the patient `patient_id` has died (by the server's clock): portal access ends at
/// death for the patient's own account as for every proxy, so the account no longer logs in.
pub(crate) async fn died(state: &AppState, patient_id: &str) -> Result<bool, ApiError> {
    let now = record::now(state);
    Ok(state
        .store
        .patient(patient_id)
        .await?
        .and_then(|p| record::died_at(&p))
        .is_some_and(|d| d <= now))
}

/// After the right answers, a deceased patient's account gets no session: the one just opened
/// is ended and the person is told why, and where relatives turn instead. Said only to
/// whoever answered rightly, as a suspension is.
pub(crate) async fn refuse_after_death(
    state: &AppState,
    subject: &Subject,
    token: &str,
) -> Result<(), ApiError> {
    if let Subject::Patient(id) = subject {
        if died(state, id).await? {
            state.store.delete_session(&token_hash(token)).await?;
            return Err(ApiError::Forbidden {
                message: inzage_domain::Message::new("login.deceased"),
                reasons: vec![inzage_domain::Message::new("reason.death")],
            });
        }
    }
    Ok(())
}

/// The error for a login (or reset) that did not succeed; a suspended person is told whom to
/// contact.
pub(crate) fn login_refusal(outcome: LoginOutcome, helpdesk: &crate::network::Contact) -> ApiError {
    match outcome {
        LoginOutcome::Suspended { reason } => ApiError::Suspended {
            reason,
            phone: helpdesk.phone.clone().unwrap_or_default(),
            email: helpdesk.email.clone().unwrap_or_default(),
        },
        LoginOutcome::Success { .. } | LoginOutcome::Failed => ApiError::LoginFailed,
        LoginOutcome::ChallengeInvalid => ApiError::ChallengeInvalid,
        LoginOutcome::Disabled => ApiError::Disabled,
        LoginOutcome::Locked { until } => ApiError::Locked {
            until: OffsetDateTime::from_unix_timestamp(until)
                .ok()
                .and_then(|t| t.format(&Rfc3339).ok())
                .unwrap_or_default(),
        },
    }
}

/// The browser's `User-Agent`, if it sent one.
pub(crate) fn user_agent(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
}

#[utoipa::path(post, path = "/api/v1/logout", tag = "login",
    responses((status = 204, description = "The session is ended on the server and the cookie cleared")))]
async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(token) = session_cookie(&headers) {
        state.store.delete_session(&token_hash(&token)).await?;
    }
    let cookie = set_cookie(&state, "", 0)?;
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}

/// CSRF protection for every state-changing request (OWASP: verifying the origin with standard
/// headers, and Fetch Metadata). Besides the session cookie being `SameSite=Strict`, a `POST`,
/// `PUT`, `PATCH` or `DELETE` is refused when the browser says it comes from another site:
/// `Sec-Fetch-Site` other than `same-origin` or `none`, or an `Origin` that is neither the
/// portal's public address nor the `Host` it was sent to. Clients that are not browsers send
/// neither header and are not a CSRF vector.
pub async fn same_origin_only(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::http::Method;
    let changes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if changes && !is_same_origin(request.headers(), &state.config.public_url()) {
        return ApiError::CrossSite.into_response();
    }
    next.run(request).await
}

/// Whether the browser's headers place a request on the portal's own origin (or say nothing).
pub fn is_same_origin(headers: &HeaderMap, public_url: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    match header("origin") {
        None => true,
        Some(origin) => {
            let origin = origin.trim_end_matches('/');
            let by_host = header("host").is_some_and(|host| {
                origin
                    .split_once("://")
                    .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host))
            });
            origin.eq_ignore_ascii_case(public_url.trim_end_matches('/')) || by_host
        }
    }
}

/// The account behind the request's session; rejects with 401 when there is none. Looked up
/// once per request: a second extractor that needs it (an [`crate::upload::UploadTurn`]) gets
/// the same answer from the request's extensions.
#[derive(Clone)]
pub struct CurrentUser {
    /// The account.
    pub account_id: String,
    /// The session's public id.
    pub session_id: String,
    /// Whom the account belongs to.
    pub subject: Subject,
    /// The language the person chose, if any.
    pub language: Option<Language>,
}

impl CurrentUser {
    /// The principal the domain decides for.
    pub fn principal(&self) -> Principal {
        self.subject.principal()
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let token = session_cookie(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let session = live_session(state, &token_hash(&token)).await?;
        // A patient who has not accepted the terms in force reaches only what accepting needs.
        if session.patient_id.is_some()
            && session.terms_version.as_deref() != Some(state.config.network.terms_version.as_str())
            && !terms_free(parts.uri.path())
        {
            return Err(ApiError::TermsNotAccepted);
        }
        let language = session.language.as_deref().and_then(Language::from_tag);
        if let (Some(l), Some(slot)) = (
            language,
            parts.extensions.get::<crate::language::ResponseLanguage>(),
        ) {
            slot.set(l);
        }
        let user = CurrentUser {
            session_id: session.session_id,
            account_id: session.account_id,
            subject: Subject::of(
                session.patient_id,
                session.practitioner_id,
                session.staff_id,
            )?,
            language,
        };
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

/// How many seconds a session's idle end must move before it is written again.
const SESSION_TOUCH_EVERY: i64 = 60;

/// The session whose token hashes to `hash`, when it is still live, kept alive for another
/// idle period (never past its maximum); otherwise 401.
pub(crate) async fn live_session(
    state: &AppState,
    hash: &str,
) -> Result<crate::store::SessionAccount, ApiError> {
    let now = state.clock.now();
    let session = state
        .store
        .session_account(hash, now.unix_timestamp())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let max_end = session.created_at + SESSION_MAX.whole_seconds();
    if now.unix_timestamp() >= max_end {
        state.store.delete_session(hash).await?;
        return Err(ApiError::Unauthenticated);
    }
    // Kept alive at most once a minute: a write on every request would cost more than reading
    // (a page asks for several endpoints at once); the idle end is then at most a minute early.
    let idle_end = (now + SESSION_IDLE).unix_timestamp().min(max_end);
    if idle_end - session.expires_at >= SESSION_TOUCH_EVERY {
        state
            .store
            .touch_session(hash, now.unix_timestamp(), idle_end)
            .await?;
    }
    Ok(session)
}

/// The endpoints a patient reaches before accepting the terms of use: who they are, the terms,
/// the language, logging out and their own account's safety (sessions, blocking the card).
fn terms_free(path: &str) -> bool {
    let path = path
        .strip_prefix(inzage_domain::wire::API_PREFIX)
        .unwrap_or(path);
    matches!(
        path,
        "/me"
            | "/me/terms"
            | "/me/language"
            | "/logout"
            | "/me/sessions/end-all"
            | "/me/code-card/block"
    )
}

/// The client's address: the connection's, or behind a trusted proxy, the one the proxy names
/// (see [`client_address`]); none behind an in-process test router.
pub struct ClientAddr(pub Option<String>);

/// The client's address of a request that came from `peer` with these `X-Forwarded-For`
/// headers. A peer in `trusted` (the hospital's reverse proxies, `INZAGE_TRUSTED_PROXIES`) is
/// not the client: the nearest address its header names that is not itself a trusted proxy is,
/// reading from the right, where each proxy appended the address it saw. Anyone else's header
/// is ignored, so a client cannot choose the address its rate limits and audit entries name.
/// ```
/// use inzage_server::api::client_address;
/// let proxies = ["10.0.0.0/8".parse().unwrap()];
/// let peer = "10.0.0.2".parse().unwrap();
/// let header = ["198.51.100.1, 203.0.113.7"];
/// assert_eq!(client_address(peer, header, &proxies).to_string(), "203.0.113.7");
/// let stranger = "192.0.2.9".parse().unwrap();
/// assert_eq!(client_address(stranger, header, &proxies), stranger);
/// ```
pub fn client_address<'h>(
    peer: std::net::IpAddr,
    forwarded_for: impl IntoIterator<Item = &'h str>,
    trusted: &[ipnet::IpNet],
) -> std::net::IpAddr {
    let is_trusted = |ip: &std::net::IpAddr| trusted.iter().any(|n| n.contains(ip));
    let peer = peer.to_canonical();
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for
        .into_iter()
        .flat_map(|h| h.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let parsed = hop
            .parse::<std::net::IpAddr>()
            .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()));
        // A hop that is no address ends the trust: the last good one stands.
        let Ok(ip) = parsed.map(|ip| ip.to_canonical()) else {
            break;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok());
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| client_address(c.0.ip(), forwarded, &state.config.trusted_proxies))
                .map(|ip| ip.to_string()),
        ))
    }
}

/// The terms version a patient still has to accept (care providers and staff accept theirs
/// with their employer, not in the portal).
async fn terms_to_accept(state: &AppState, subject: &Subject) -> Result<Option<String>, ApiError> {
    let current = &state.config.network.terms_version;
    let accepted = state.store.terms_version_of(subject).await?;
    Ok((accepted.as_deref() != Some(current.as_str())).then(|| current.clone()))
}

pub(crate) async fn me_of(state: &AppState, subject: &Subject) -> Result<Me, ApiError> {
    let language = state
        .store
        .language_of(subject)
        .await?
        .as_deref()
        .and_then(Language::from_tag);
    Ok(match subject {
        Subject::Patient(id) => Me {
            display_name: state
                .store
                .patient_display_name(id)
                .await?
                .ok_or(ApiError::Unauthenticated)?,
            kind: AccountKind::Patient,
            record: Some(id.clone()),
            language,
            terms_to_accept: terms_to_accept(state, subject).await?,
        },
        Subject::Practitioner(id) => Me {
            display_name: state
                .store
                .practitioner(id)
                .await?
                .ok_or(ApiError::Unauthenticated)?
                .name,
            kind: AccountKind::Practitioner,
            record: None,
            language,
            terms_to_accept: None,
        },
        Subject::Staff(id) => Me {
            display_name: state
                .store
                .staff(id)
                .await?
                .ok_or(ApiError::Unauthenticated)?
                .name,
            kind: AccountKind::Staff,
            record: None,
            language,
            terms_to_accept: None,
        },
    })
}

#[utoipa::path(get, path = "/api/v1/me", tag = "login", security(("session" = [])),
    responses((status = 200, description = "Who is logged in", body = Me), (status = 401, description = "No valid session", body = ErrorBody)))]
async fn me(State(state): State<AppState>, who: CurrentUser) -> Result<Json<Me>, ApiError> {
    Ok(Json(me_of(&state, &who.subject).await?))
}

/// Remembers the person's language in their profile.
#[utoipa::path(put, path = "/api/v1/me/language", tag = "login", security(("session" = [])),
    request_body = LanguageChoice,
    responses((status = 200, description = "Remembered; who is logged in, with the language", body = Me),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 400, description = "Not a language the portal speaks", body = ErrorBody)))]
async fn set_language(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(choice): ApiJson<LanguageChoice>,
) -> Result<Json<Me>, ApiError> {
    state
        .store
        .set_language(&who.account_id, choice.language.map(Language::code))
        .await?;
    Ok(Json(me_of(&state, &who.subject).await?))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;

    #[test]
    fn state_changes_from_other_sites_are_recognised() {
        let h = |pairs: &[(&'static str, &'static str)]| {
            let mut m = HeaderMap::new();
            for (k, v) in pairs {
                m.insert(*k, HeaderValue::from_static(v));
            }
            m
        };
        let public = "https://portaal.azvoorbeeld.be";
        assert!(is_same_origin(&h(&[]), public), "not a browser");
        assert!(is_same_origin(
            &h(&[("sec-fetch-site", "same-origin")]),
            public
        ));
        assert!(!is_same_origin(
            &h(&[("sec-fetch-site", "cross-site")]),
            public
        ));
        assert!(!is_same_origin(
            &h(&[("sec-fetch-site", "same-site")]),
            public
        ));
        assert!(is_same_origin(
            &h(&[("origin", "https://portaal.azvoorbeeld.be")]),
            public
        ));
        assert!(is_same_origin(
            &h(&[
                ("origin", "http://127.0.0.1:8080"),
                ("host", "127.0.0.1:8080")
            ]),
            public
        ));
        assert!(!is_same_origin(
            &h(&[
                ("origin", "https://evil.example"),
                ("host", "portaal.azvoorbeeld.be")
            ]),
            public
        ));
        assert!(!is_same_origin(&h(&[("origin", "null")]), public));
    }

    #[test]
    fn the_session_cookie_is_secure_exactly_over_tls() {
        assert_eq!(
            session_cookie_header("t", 60, true),
            "inzage_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure"
        );
        assert!(!session_cookie_header("t", 60, false).contains("Secure"));
        assert!(crate::config::served_over_tls(
            "https://portaal.azvoorbeeld.be"
        ));
        assert!(!crate::config::served_over_tls("http://127.0.0.1:8080"));
    }

    #[test]
    fn behind_trusted_proxies_the_nearest_untrusted_hop_is_the_client() {
        let nets: Vec<ipnet::IpNet> =
            crate::config::parse_networks("10.0.0.0/8, 192.0.2.1").expect("networks");
        let ip = |s: &str| s.parse::<std::net::IpAddr>().expect("an address");
        let client = |peer: &str, headers: &[&str]| {
            super::client_address(ip(peer), headers.iter().copied(), &nets).to_string()
        };
        // Two proxies in a row, and the client's own claim on the left.
        assert_eq!(
            client("10.0.0.2", &["198.51.100.1, 203.0.113.7, 192.0.2.1"]),
            "203.0.113.7"
        );
        // Several header lines read as one list; an address with a port.
        assert_eq!(
            client("10.0.0.2", &["198.51.100.1", "203.0.113.7:4711"]),
            "203.0.113.7"
        );
        // An IPv4 peer seen through an IPv6 socket is the same peer.
        assert_eq!(client("::ffff:10.0.0.2", &["203.0.113.7"]), "203.0.113.7");
        // A hop that is no address: the last good one, the proxy itself.
        assert_eq!(client("10.0.0.2", &["203.0.113.7, unknown"]), "10.0.0.2");
        // Only proxies: the farthest of them. No header: the proxy.
        assert_eq!(client("10.0.0.2", &["10.0.0.9"]), "10.0.0.9");
        assert_eq!(client("10.0.0.2", &[]), "10.0.0.2");
        // Not a proxy: its header is ignored.
        assert_eq!(client("203.0.113.50", &["10.0.0.9"]), "203.0.113.50");
        // Nothing trusted by default.
        assert_eq!(
            super::client_address(ip("10.0.0.2"), ["203.0.113.7"], &[]).to_string(),
            "10.0.0.2"
        );
    }
}

//! Calls to the server's JSON API. Every call is same-origin, so the session cookie goes along.

use gloo_net::http::{Request, Response};
use inzage_domain::manage::AccessCommand;
use inzage_domain::wire::{
    AccessView, AuditPage, DesignationStatus, ErrorBody, LanguageChoice, LinkRequest,
    LinkRequestStatus, LinkedRecord, LoginChallengeRequest, LoginChallengeResponse, LoginRequest,
    Me, ProviderPatient, ReferralRequest, ReportDetail, ReportList, StaffDecision,
    StaffDesignation, StaffLinkRequest, ViewAs, API_PREFIX,
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

async fn read<T: DeserializeOwned>(
    res: Result<Response, gloo_net::Error>,
) -> Result<T, ApiFailure> {
    let res = res.map_err(|_| ApiFailure::Network)?;
    if res.ok() {
        res.json::<T>().await.map_err(|_| ApiFailure::Network)
    } else {
        let status = res.status();
        match res.json::<ErrorBody>().await {
            Ok(body) => Err(ApiFailure::Server { status, body }),
            Err(_) => Err(ApiFailure::Network),
        }
    }
}

async fn post<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    let req = Request::post(&url(path))
        .json(body)
        .map_err(|_| ApiFailure::Network)?;
    read(req.send().await).await
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiFailure> {
    read(Request::get(&url(path)).send().await).await
}

/// Posts a body to an endpoint that answers success without a body (202, 204).
async fn post_accepted<B: serde::Serialize>(path: &str, body: &B) -> Result<(), ApiFailure> {
    let req = Request::post(&url(path))
        .json(body)
        .map_err(|_| ApiFailure::Network)?;
    let res = req.send().await.map_err(|_| ApiFailure::Network)?;
    if res.ok() {
        return Ok(());
    }
    let status = res.status();
    match res.json::<ErrorBody>().await {
        Ok(body) => Err(ApiFailure::Server { status, body }),
        Err(_) => Err(ApiFailure::Network),
    }
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
    let res = Request::post(&url("/logout"))
        .send()
        .await
        .map_err(|_| ApiFailure::Network)?;
    if res.ok() {
        Ok(())
    } else {
        Err(ApiFailure::Network)
    }
}

/// Who is logged in.
pub async fn me() -> Result<Me, ApiFailure> {
    get("/me").await
}

/// The identity providers (eID, itsme, DigiD) the login page offers.
pub async fn identity_providers(
) -> Result<Vec<inzage_domain::wire::IdentityProviderInfo>, ApiFailure> {
    get("/oidc/providers").await
}

/// Remembers the person's language in their profile; the answer is who is logged in.
pub async fn set_language(choice: &LanguageChoice) -> Result<Me, ApiFailure> {
    let req = Request::put(&url("/me/language"))
        .json(choice)
        .map_err(|_| ApiFailure::Network)?;
    read(req.send().await).await
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
    let req = Request::post(&url(&format!(
        "/records/{}/designations",
        encode_segment(record)
    )))
    .body(form.clone())
    .map_err(|_| ApiFailure::Network)?;
    read(req.send().await).await
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

/// The reports of a record, as far as the person may read them.
pub async fn record_reports(record: &str) -> Result<ReportList, ApiFailure> {
    get(&format!("/records/{}/reports", encode_segment(record))).await
}

/// A referring care provider asks to read a patient's record.
pub async fn refer(req: &ReferralRequest) -> Result<(), ApiFailure> {
    post_accepted("/provider/referrals", req).await
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

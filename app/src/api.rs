//! Calls to the server's JSON API. Every call is same-origin, so the session cookie goes along.

use gloo_net::http::{Request, Response};
use inzage_domain::wire::{
    ErrorBody, LoginChallengeRequest, LoginChallengeResponse, LoginRequest, Me, ReportDetail,
    ReportList, API_PREFIX,
};
use inzage_domain::Message;
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

/// The reports the person may read.
pub async fn reports() -> Result<ReportList, ApiFailure> {
    get("/reports").await
}

/// One report.
pub async fn report(id: &str) -> Result<ReportDetail, ApiFailure> {
    get(&format!("/reports/{}", encode_segment(id))).await
}

/// Percent-encodes a path segment. Report ids are FHIR ids (`[A-Za-z0-9.-]`); anything else is
/// encoded byte by byte so a crafted id cannot change the path.
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

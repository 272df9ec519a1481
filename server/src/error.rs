//! The API's one error type and its JSON body.

use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use inzage_domain::wire::{ErrorBody, FieldErrors};
use inzage_domain::Message;

/// Everything a handler can answer instead of success.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Input that does not validate: 422 with messages per field.
    #[error("validation failed")]
    Validation(FieldErrors),
    /// A body that is not the expected JSON: 400.
    #[error("malformed request body")]
    BadBody(String),
    /// A body larger than the operation takes, cut off before it was read whole: 413.
    #[error("request body too large")]
    TooLarge,
    /// A body that paused too long or fell below the least pace (see
    /// [`crate::upload::body_pace_limit`]): 400, saying so, so the person knows to try again on a
    /// better connection. `files` says whether it was a form with files (an upload), which the
    /// message then names.
    #[error("request body too slow")]
    TooSlow {
        /// Whether the body was a form with files.
        files: bool,
    },
    /// No valid session: 401.
    #[error("not logged in")]
    Unauthenticated,
    /// Wrong username, password or code, without saying which: 401.
    #[error("login failed")]
    LoginFailed,
    /// The code card challenge is unknown, used or expired: 401.
    #[error("login challenge invalid")]
    ChallengeInvalid,
    /// Too many failures: 423 until the given instant.
    #[error("locked")]
    Locked {
        /// RFC 3339 instant the lock ends.
        until: String,
    },
    /// 100 failures since the last success: 423 until the helpdesk unlocks the account.
    #[error("disabled")]
    Disabled,
    /// The hospital suspended the account: 403 with its reason and whom to contact.
    #[error("suspended")]
    Suspended {
        /// The hospital's reason.
        reason: String,
        /// The helpdesk's phone number.
        phone: String,
        /// The helpdesk's e-mail address.
        email: String,
    },
    /// Too many requests of this kind: 429, try again after this many seconds.
    #[error("too many requests")]
    TooManyRequests {
        /// Seconds until the window ends.
        retry_after: i64,
    },
    /// The person has not accepted the terms of use in force: 403 until they do.
    #[error("terms not accepted")]
    TermsNotAccepted,
    /// A state-changing request from another site (no CSRF): 403.
    #[error("cross-site request")]
    CrossSite,
    /// The person may see the record but not do this: 403 with the domain's reasons.
    #[error("forbidden")]
    Forbidden {
        /// What the refusal is about.
        message: Message,
        /// Why, as the domain decided.
        reasons: Vec<Message>,
    },
    /// The request does not fit the data as it stands (already done, nothing to undo): 409.
    #[error("conflict")]
    Conflict(Message),
    /// Not there, or not yours: 404, the same in both cases.
    #[error("not found")]
    NotFound,
    /// It was there and is no more (a share link that expired or was revoked): 410, saying
    /// which.
    #[error("gone")]
    Gone(Message),
    /// Anything else: an opaque 500, its cause logged.
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut reasons = Vec::new();
        let retry_after = match &self {
            ApiError::TooManyRequests { retry_after } => Some(*retry_after),
            _ => None,
        };
        let (status, code, message, fields) = match self {
            ApiError::Forbidden {
                message,
                reasons: why,
            } => {
                reasons = why;
                (
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    message,
                    FieldErrors::default(),
                )
            }
            ApiError::Conflict(message) => (
                StatusCode::CONFLICT,
                "conflict",
                message,
                FieldErrors::default(),
            ),
            ApiError::Validation(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                Message::new("error.validation"),
                fields,
            ),
            ApiError::BadBody(detail) => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                Message::new("error.bad_request").arg("detail", detail),
                FieldErrors::default(),
            ),
            ApiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                Message::new("error.too_large"),
                FieldErrors::default(),
            ),
            ApiError::TooSlow { files } => (
                StatusCode::BAD_REQUEST,
                "too_slow",
                Message::new(if files {
                    "upload.too_slow"
                } else {
                    "error.too_slow"
                }),
                FieldErrors::default(),
            ),
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                Message::new("error.unauthenticated"),
                FieldErrors::default(),
            ),
            ApiError::LoginFailed => (
                StatusCode::UNAUTHORIZED,
                "login_failed",
                Message::new("login.failed"),
                FieldErrors::default(),
            ),
            ApiError::ChallengeInvalid => (
                StatusCode::UNAUTHORIZED,
                "challenge_invalid",
                Message::new("login.challenge_invalid"),
                FieldErrors::default(),
            ),
            ApiError::Locked { until } => (
                StatusCode::LOCKED,
                "locked",
                Message::new("login.locked").arg("until", until),
                FieldErrors::default(),
            ),
            ApiError::Disabled => (
                StatusCode::LOCKED,
                "disabled",
                Message::new("login.disabled"),
                FieldErrors::default(),
            ),
            ApiError::Suspended {
                reason,
                phone,
                email,
            } => (
                StatusCode::FORBIDDEN,
                "suspended",
                Message::new("login.suspended")
                    .arg("reason", reason)
                    .arg("phone", phone)
                    .arg("email", email),
                FieldErrors::default(),
            ),
            ApiError::TooManyRequests { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                Message::new("error.too_many_requests")
                    .arg("minutes", ((retry_after + 59) / 60).to_string()),
                FieldErrors::default(),
            ),
            ApiError::TermsNotAccepted => (
                StatusCode::FORBIDDEN,
                "terms_not_accepted",
                Message::new("error.terms_not_accepted"),
                FieldErrors::default(),
            ),
            ApiError::CrossSite => (
                StatusCode::FORBIDDEN,
                "cross_site",
                Message::new("error.cross_site"),
                FieldErrors::default(),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                Message::new("error.not_found"),
                FieldErrors::default(),
            ),
            ApiError::Gone(message) => (StatusCode::GONE, "gone", message, FieldErrors::default()),
            ApiError::Internal(cause) => {
                tracing::error!(error = %format!("{cause:#}"), "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    Message::new("error.internal"),
                    FieldErrors::default(),
                )
            }
        };
        let text = crate::language::translator().message(&message);
        let body = ErrorBody {
            error: code.to_owned(),
            message,
            fields,
            reasons,
            text,
        };
        let mut response = (status, axum::Json(body)).into_response();
        if let Some(seconds) = retry_after {
            if let Ok(v) = axum::http::HeaderValue::from_str(&seconds.to_string()) {
                response
                    .headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, v);
            }
        }
        response
    }
}

/// A JSON body that cannot be read: 413 when it is larger than the operation takes, 400 saying
/// so when it came too slowly, else 400 with what was wrong.
impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return ApiError::TooLarge;
        }
        if came_too_slowly(&rejection) {
            return ApiError::TooSlow { files: false };
        }
        ApiError::BadBody(rejection.body_text())
    }
}

/// A multipart body that cannot be read: 413 when it is larger than the operation takes, 400
/// saying so when it came too slowly, else 400.
impl From<axum::extract::multipart::MultipartError> for ApiError {
    fn from(e: axum::extract::multipart::MultipartError) -> Self {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return ApiError::TooLarge;
        }
        if came_too_slowly(&e) {
            return ApiError::TooSlow { files: true };
        }
        ApiError::BadBody(e.body_text())
    }
}

/// Whether reading a body failed because it came too slowly: a pause longer than allowed, or a
/// pace below the least (the errors of [`crate::upload::body_pace_limit`]'s two wrappers),
/// anywhere in the error's chain of causes.
fn came_too_slowly(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(e) = cause {
        if e.is::<crate::upload::TooSlow>() || e.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = e.source();
    }
    false
}

/// A JSON body whose rejections answer with the API's error body.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadBody(rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadBody(rejection.body_text())
    }
}

/// The path's parameters; one that cannot be read (a number out of range, bad percent-encoding)
/// answers 400 with the API's error body, not axum's plain text.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

/// The query string's parameters; one that cannot be read answers 400 with the API's error body.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

/// A `multipart/form-data` body; a request that is not one (no boundary, another type) answers
/// 400 with the API's error body.
pub struct Multipart(pub axum::extract::Multipart);

impl<S: Send + Sync> FromRequest<S> for Multipart {
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        axum::extract::Multipart::from_request(req, state)
            .await
            .map(Self)
            .map_err(|r: MultipartRejection| ApiError::BadBody(r.body_text()))
    }
}

impl std::ops::Deref for Multipart {
    type Target = axum::extract::Multipart;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Multipart {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

//! The app's pages, and what they share: the session and the logged-in person.

pub mod access;
pub mod account;
pub mod appointments;
pub mod audit;
pub mod designations;
pub mod help;
pub mod linked;
pub mod listing;
pub mod login;
pub mod messages;
pub mod notifications;
pub mod oidc;
pub mod passkey;
pub mod personal;
pub mod provider;
pub mod record;
pub mod recovery;
pub mod relatives;
pub mod release;
pub mod reports;
pub mod requests;
pub mod search;
pub mod share;
pub mod staff;
pub mod staff_cards;
pub mod staff_help;
pub mod staff_requests;
pub mod terms;
pub mod video;
pub mod view_as;

use inzage_domain::wire::{AccountKind, ErrorBody, FieldErrors, Me};
use inzage_domain::Message;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{self, ApiFailure};
use crate::Session;

/// Sends the person to the login page when the session is gone, and remembers who is logged in.
pub(crate) fn handle_session<T>(result: &Result<T, ApiFailure>) {
    if let Err(f) = result {
        session_failure(f);
    }
}

/// [`handle_session`]'s work, apart so that it is compiled once, not once per answer type.
fn session_failure(f: &ApiFailure) {
    if f.is_unauthenticated() {
        if let Some(Session(me)) = use_context::<Session>() {
            me.set(None);
        }
        use_navigate()("/inloggen", Default::default());
    }
}

/// Shows why a form was not accepted: the server's field errors beside their fields (the first
/// one focused), anything else in the form's alert (and the login page when the session is
/// gone).
pub(crate) fn show_failure(
    failure: ApiFailure,
    errors: RwSignal<FieldErrors>,
    alert: RwSignal<Option<Message>>,
) {
    match failure {
        ApiFailure::Server { body, .. } if !body.fields.is_empty() => {
            errors.set(body.fields);
            linked::focus_first_error();
        }
        f => {
            handle_session::<()>(&Err(f.clone()));
            alert.set(Some(f.message()));
        }
    }
}

/// `errors` with the messages of the domain's field `from` under the page's field `to`, for a
/// form whose field has another id than the domain's name for it (a second address form on a
/// page that has an `email` field already; the words of a correction, which become the
/// domain's `statement`).
pub(crate) fn renamed_field(mut errors: FieldErrors, from: &str, to: &str) -> FieldErrors {
    if let Some(messages) = errors.0.remove(from) {
        errors.0.insert(to.to_owned(), messages);
    }
    errors
}

/// A file's bytes as an object URL the browser can open or download.
pub(crate) fn blob_url(bytes: &[u8], media_type: &str) -> Option<String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Asks the server who is logged in when the page was opened directly (a reload, a link), and
/// sends the person to the login page when nobody is.
pub(crate) fn ensure_me() {
    let Session(me) = expect_context::<Session>();
    if me.get_untracked().is_none() {
        let navigate = use_navigate();
        let records = use_context::<crate::records::Records>();
        leptos::task::spawn_local(async move {
            match api::me().await {
                Ok(m) => me.set(Some(m)),
                Err(f) if f.is_unauthenticated() => navigate("/inloggen", Default::default()),
                // No answer (offline, the server down): the page says so instead of loading.
                Err(f) => {
                    if let Some(r) = records {
                        r.fail(f);
                    }
                }
            }
        });
    }
}

/// Who is logged in: the session's answer if the app has one, else the server's (remembered).
/// The caller takes the [`Session`] from the context before any `await`.
pub(crate) async fn current_me(session: Session) -> Result<Me, ApiFailure> {
    let Session(me) = session;
    if let Some(m) = me.get_untracked() {
        return Ok(m);
    }
    let m = api::me().await?;
    me.set(Some(m.clone()));
    Ok(m)
}

/// Where a person lands after logging in: a care provider on their patients, hospital staff on
/// their queue, a patient on their reports (on the terms of use first, while not accepted).
pub(crate) fn home_of(me: &Me) -> &'static str {
    if me.terms_to_accept.is_some() {
        return terms::TERMS_PATH;
    }
    match me.kind {
        AccountKind::Practitioner => "/zorgverlener",
        AccountKind::Staff => "/backoffice",
        AccountKind::Patient => "/verslagen",
    }
}

/// The failure shown when someone without a record of their own (a care provider) opens a page
/// about the patient's own record.
pub(crate) fn no_record() -> ApiFailure {
    ApiFailure::Server {
        status: 403,
        body: ErrorBody {
            error: "forbidden".into(),
            message: Message::new("error.forbidden"),
            fields: FieldErrors::default(),
            reasons: Vec::new(),
            text: None,
        },
    }
}

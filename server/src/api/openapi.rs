//! The OpenAPI 3 document of the API, generated from the handlers' annotations and the domain
//! crate's wire types (`utoipa`), published at `GET /api/v1/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi};

/// The document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Inzage API",
        description = "The patient portal's JSON API. Every request about a record is decided by the \
            inzage-domain crate on the server and written to the audit trail; a record the person \
            may not read answers 404, exactly like a missing one.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        super::health,
        super::login_challenge,
        super::login,
        super::passkeys::login,
        super::logout,
        super::oidc::providers,
        super::oidc::start,
        super::oidc::callback,
        super::me,
        super::set_language,
        super::reports::own_reports,
        super::reports::own_report,
        super::reports::record_reports,
        super::reports::record_report,
        super::fhir::everything,
        super::sections::results,
        super::sections::result_series,
        super::sections::summary,
        super::sections::medications,
        super::sections::appointments,
        super::sections::leaflets,
        super::appointments::slots,
        super::appointments::book,
        super::appointments::reschedule,
        super::appointments::cancel,
        super::video::room,
        super::video::signal,
        super::video::consultations,
        super::release::view,
        super::release::change,
        super::shares::list,
        super::shares::create,
        super::shares::revoke,
        super::shares::open,
        super::shares::document,
        super::search::search,
        super::download::report_pdf,
        super::download::record_pdf,
        super::access::view,
        super::access::change,
        super::access::view_as,
        super::audit::list,
        super::provider::patients,
        super::provider::refer,
        super::links::records,
        super::links::request_link,
        super::links::my_link_requests,
        super::links::staff_queue,
        super::links::staff_decide,
        super::links::staff_form,
        super::links::staff_incapacities,
        super::help::ask,
        super::help::staff_queue,
        super::help::staff_screenshot,
        super::help::staff_answer,
        super::links::staff_end_incapacity,
        super::designations::apply,
        super::designations::upload,
        super::designations::list,
        super::designations::staff_queue,
        super::designations::staff_form,
        super::designations::staff_decide,
        super::sections::personal_data,
        super::reports::report_document,
        super::requests::list,
        super::requests::file,
        super::requests::answer,
        super::requests::delivery,
        super::requests::staff_queue,
        super::requests::staff_file,
        super::requests::staff_step,
        super::econsults::list,
        super::econsults::read,
        super::econsults::reply,
        super::econsults::attachment_of,
        super::relatives::list,
        super::relatives::file,
        super::relatives::answer,
        super::relatives::delivery,
        super::notifications::view,
        super::notifications::change,
        super::notifications::add_address,
        super::notifications::remove_address,
        super::notifications::confirm_address,
        super::messages::list,
        super::messages::start,
        super::messages::read,
        super::messages::reply,
        super::messages::record_attachment,
        super::messages::staff_list,
        super::messages::staff_read,
        super::messages::staff_reply,
        super::messages::staff_attachment,
        super::account::view,
        super::account::change_password,
        super::account::change_username,
        super::account::change_email,
        super::account::confirm_email,
        super::account::end_session,
        super::account::end_all_sessions,
        super::account::block_card,
        super::passkeys::start_registration,
        super::passkeys::finish_registration,
        super::passkeys::delete,
        super::account::request_card,
        super::account::request_card_online,
        super::account::confirm_card_request,
        super::account::request_reset,
        super::account::reset_challenge,
        super::account::complete_reset,
        super::account::staff_queue,
        super::account::staff_letter,
        super::account::staff_posted,
        super::account::staff_print,
        super::account::staff_lookup,
        super::account::staff_unlock,
        super::account::terms,
        super::account::accept_terms,
        super::account::staff_suspend,
        super::account::staff_resume,
    ),
    modifiers(&SessionCookie, &MalformedRequests),
    tags(
        (name = "login", description = "Username, password and a code card code or a passkey, or an identity provider (OpenID Connect); sessions"),
        (name = "account", description = "The person's own account: password, username, e-mail, sessions, code card, passkeys; password reset and card requests"),
        (name = "record", description = "The record's reports, also as PDF"),
        (name = "access", description = "Who can read the record, and the patient's commands (Toegangen)"),
        (name = "audit", description = "Who read or changed the record (Wie bekeek mijn dossier)"),
        (name = "provider", description = "The care provider's side"),
        (name = "proxy", description = "Acting for someone else: linked records and link requests"),
        (name = "requests", description = "Requests about the record (copies, imaging, corrections, destruction) and their cases"),
        (name = "messages", description = "Messages between the people who act on a record and a hospital's departments"),
        (name = "staff", description = "Hospital staff's back office"),
        (name = "system", description = "Health"),
    )
)]
pub struct ApiDoc;

/// The session cookie as a security scheme.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "Set by POST /api/v1/login; HttpOnly, SameSite=Strict",
            ))),
        );
    }
}

/// Every operation that reads a path, a query or a body can be sent one that cannot be read (a
/// number out of range, bad percent-encoding, a body of another type): it answers 400 with the
/// API's error body; one with a body can be sent one that is too large, which answers 413. Added
/// here once rather than on each handler.
struct MalformedRequests;

/// A response with the API's error body.
fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

impl Modify for MalformedRequests {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let malformed = error_response("The request cannot be read: a path or query parameter of the wrong type or out of range, or a body that is not what the operation takes");
        let too_large = error_response("The body is larger than the operation takes (each operation's limit), cut off before it was read whole");
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let reads_input = op.request_body.is_some()
                    || op.parameters.as_ref().is_some_and(|p| !p.is_empty());
                if reads_input {
                    op.responses
                        .responses
                        .entry("400".to_owned())
                        .or_insert_with(|| malformed.clone().into());
                }
                if op.request_body.is_some() {
                    op.responses
                        .responses
                        .entry("413".to_owned())
                        .or_insert_with(|| too_large.clone().into());
                }
            }
        }
    }
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1_with_every_schema_it_refers_to() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("#/components/schemas/") {
            rest = &rest[i + "#/components/schemas/".len()..];
            let name: String = rest.chars().take_while(|c| *c != '"').collect();
            assert!(
                schemas.contains_key(&name),
                "{name} is referred to but missing"
            );
        }
    }
}

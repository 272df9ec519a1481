//! "View as": the patient sees their record exactly as a person named in it sees it now.
//! Read-only; the server computes it with the same decisions and logs it as the patient's own
//! look, never as that person's access.

use inzage_domain::wire::ReportList;
use inzage_domain::{PersonId, PractitionerId, Principal};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::provider::RecordReports;
use super::reports::of_current;
use super::{ensure_me, handle_session, no_record};
use crate::api::{self, ApiFailure};
use crate::i18n::{reason_text, t, t1, t_record, tr, track};
use crate::records::Records;

/// The principal a `/toegangen/bekijk-als/:kind/:id` address names.
fn principal_of(kind: &str, id: String) -> Option<Principal> {
    match kind {
        "practitioner" => Some(Principal::Practitioner {
            id: PractitionerId(id),
        }),
        "person" => Some(Principal::Person { id: PersonId(id) }),
        _ => None,
    }
}

/// The page.
#[component]
pub fn ViewAsPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let (kind, id) = params.with(|p| {
            (
                p.get("kind").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
            )
        });
        of_current(records.get(), |c| async move {
            let principal = principal_of(&kind, id).ok_or_else(no_record)?;
            api::view_as(&c.record, &principal).await
        })
    });
    view! {
        <p><A href="/toegangen">{move || t("view_as.back")}</A></p>
        {move || {
            track();
            match data.get().flatten() {
                None => view! { <p aria-busy="true">{move || t("common.loading")}</p> }.into_any(),
                Some(Err(f)) => {
                    handle_session::<()>(&Err(f.clone()));
                    let text = match f {
                        ApiFailure::Server { status: 404, .. } => t("access.bad_principal_kind"),
                        other => tr(&other.message()),
                    };
                    view! { <p class="form-error" role="alert" data-testid="view-as-error">{text}</p> }
                        .into_any()
                }
                Some(Ok(v)) => {
                    let reads = v.read.is_permitted();
                    let name = v.name.clone();
                    let reasons = v
                        .read
                        .reasons
                        .iter()
                        .map(|r| {
                            let text = reason_text(r, |_| Some(name.clone()));
                            view! { <li>{text}</li> }
                        })
                        .collect_view();
                    let empty = v.reports.is_empty();
                    let list = ReportList {
                        reports: v.reports,
                        ..ReportList::default()
                    };
                    view! {
                        <h1>{t1("view_as.title", "name", &v.name)}</h1>
                        <p>{move || t("view_as.intro")}</p>
                        <p class="read-status" class:can-read=reads class:cannot-read=!reads data-testid="view-as-status">
                            {if reads { t_record("access.can_read") } else { t_record("access.cannot_read") }}
                        </p>
                        <ul class="reasons" aria-label=move || t("access.why")>{reasons}</ul>
                        <h2>{move || t("view_as.reports")}</h2>
                        {if empty {
                            view! { <p data-testid="view-as-none">{move || t("view_as.none")}</p> }.into_any()
                        } else {
                            view! { <RecordReports list=list/> }.into_any()
                        }}
                    }
                    .into_any()
                }
            }
        }}
    }
}

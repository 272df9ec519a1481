//! Reuse of record data beyond the hospital's care, and the patient's opt-out.
//!
//! The opt-out is the patient's alone (see [`crate::access::RuleId::DataReuseOnlyPatient`]), is
//! not retroactive, and never applies to reuse in the public interest that the law provides for.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::message::Message;

/// Why data would be reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReusePurpose {
    /// Research outside the hospital's legal tasks (a "project"): the opt-out applies.
    ExternalResearch,
    /// The cancer registry (a legal obligation): the opt-out does not apply.
    CancerRegistry,
    /// Academic research in the public interest, under the law's safeguards.
    AcademicResearch,
    /// Teaching of future care providers.
    Teaching,
}

/// Whether the patient's opt-out, given at `opted_out_at`, forbids reuse for `purpose` of data
/// used at `used_at`.
///
/// ```
/// use inzage_domain::reuse::*;
/// use time::macros::datetime;
/// let out = Some(datetime!(2026-06-01 00:00 UTC));
/// assert!(may_reuse(ReusePurpose::ExternalResearch, out, datetime!(2026-05-01 00:00 UTC)).0);
/// assert!(!may_reuse(ReusePurpose::ExternalResearch, out, datetime!(2026-07-01 00:00 UTC)).0);
/// assert!(may_reuse(ReusePurpose::CancerRegistry, out, datetime!(2026-07-01 00:00 UTC)).0);
/// ```
pub fn may_reuse(
    purpose: ReusePurpose,
    opted_out_at: Option<OffsetDateTime>,
    used_at: OffsetDateTime,
) -> (bool, Message) {
    match purpose {
        ReusePurpose::CancerRegistry | ReusePurpose::AcademicResearch | ReusePurpose::Teaching => {
            (true, Message::new("reuse.public_interest"))
        }
        ReusePurpose::ExternalResearch => match opted_out_at {
            Some(at) if used_at >= at => (false, Message::new("reuse.opted_out")),
            // The opt-out is not retroactive: a project that used the data before it keeps it.
            Some(_) => (true, Message::new("reuse.before_opt_out")),
            None => (true, Message::new("reuse.no_opt_out")),
        },
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    #[test]
    fn the_table() {
        let at = datetime!(2026-06-01 00:00 UTC);
        let before = datetime!(2026-05-31 23:59:59 UTC);
        let table = [
            (
                ReusePurpose::ExternalResearch,
                None,
                at,
                true,
                "reuse.no_opt_out",
            ),
            (
                ReusePurpose::ExternalResearch,
                Some(at),
                before,
                true,
                "reuse.before_opt_out",
            ),
            (
                ReusePurpose::ExternalResearch,
                Some(at),
                at,
                false,
                "reuse.opted_out",
            ),
            (
                ReusePurpose::CancerRegistry,
                Some(at),
                at,
                true,
                "reuse.public_interest",
            ),
            (
                ReusePurpose::AcademicResearch,
                Some(at),
                at,
                true,
                "reuse.public_interest",
            ),
            (
                ReusePurpose::Teaching,
                Some(at),
                at,
                true,
                "reuse.public_interest",
            ),
        ];
        for (purpose, out, used, allowed, key) in table {
            let (ok, why) = may_reuse(purpose, out, used);
            assert_eq!((ok, why.key.as_ref()), (allowed, key), "{purpose:?}");
        }
    }

    proptest! {
        /// Public-interest reuse never depends on the opt-out; external research is refused
        /// exactly for uses from the opt-out on.
        #[test]
        fn opt_out_is_not_retroactive(out_h in 0i64..10_000, used_h in 0i64..10_000) {
            let t0 = datetime!(2020-01-01 00:00 UTC);
            let out = t0 + time::Duration::hours(out_h);
            let used = t0 + time::Duration::hours(used_h);
            prop_assert_eq!(may_reuse(ReusePurpose::ExternalResearch, Some(out), used).0, used < out);
            prop_assert!(may_reuse(ReusePurpose::Teaching, Some(out), used).0);
        }
    }
}

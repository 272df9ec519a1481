//! Debug output without health data: only the named fields (ids) are shown.

/// Implements `Debug` for a struct showing only the listed fields, so that a type carrying health
/// data or personal details never prints them into a log by accident.
///
/// ```
/// struct Report { id: String, text: String }
/// inzage_domain::redacted_debug!(Report { id });
/// let r = Report { id: "r1".into(), text: "diagnosis".into() };
/// assert_eq!(format!("{r:?}"), r#"Report { id: "r1", .. }"#);
/// ```
#[macro_export]
macro_rules! redacted_debug {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl ::core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let mut s = f.debug_struct(stringify!($ty));
                $( s.field(stringify!($field), &self.$field); )*
                s.finish_non_exhaustive()
            }
        }
    };
}

//! JavaScript binding of the domain crate.

//! The app's pages.

pub mod login;
pub mod reports;

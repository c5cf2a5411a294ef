//! The fixture that uses every model annotation, compiled as Diesel sees it: the
//! `@` lines ride in doc comments, so they must never stop a model from building.
#![deny(warnings)]

include!("../../fixtures/models/crates/db/src/models/users.rs");

//! Plain language (klarspråk, issue 16): the checker every text can be run through, its public
//! API, and the review of staff texts by the plain-language group.

pub mod api;
pub mod checker;
pub mod document;
pub mod glossary;
pub mod hints;
pub mod review;
pub mod word_list;

//! Form errors in the GOV.UK pattern: a summary at the top linking to each field, and the
//! message again above the field.

/// One problem with one field: the field's id and the catalogue key of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub key: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormErrors(Vec<FieldError>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push(FieldError { field, key });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn items(&self) -> &[FieldError] {
        &self.0
    }

    /// The message key for a field, if it has an error.
    pub fn for_field(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.key)
    }

    pub fn has(&self, field: &str) -> bool {
        self.for_field(field).is_some()
    }
}

/// The status of a page that shows a form again with its errors.
pub const INVALID: axum::http::StatusCode = axum::http::StatusCode::UNPROCESSABLE_ENTITY;

//! What a database said about a failed statement, as data: the connection fills it
//! in (redacting passwords), the error type and failure reports show it.

/// What the database said about a failed statement: its message and, where the server
/// sends them (PostgreSQL), the DETAIL and HINT fields and the error's position in the
/// query text. Diesel's `Display` prints the message alone, which dropped exactly the
/// line a user needs ("No function matches the given name and argument types…"), so
/// every database error is read through this type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub detail: Option<String>,
    pub hint: Option<String>,
    /// 1-based character (not byte) index into the SQL text that was sent, as
    /// PostgreSQL reports it; the apply loop turns it into a line:column of the file.
    pub position: Option<usize>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic { message: message.into(), detail: None, hint: None, position: None }
    }
}

/// Catalog rows that did not decode (introspection reads JSON the database built).
impl From<serde_json::Error> for Diagnostic {
    fn from(e: serde_json::Error) -> Self {
        Diagnostic::new(e.to_string())
    }
}

impl From<&str> for Diagnostic {
    fn from(s: &str) -> Self {
        Diagnostic::new(s)
    }
}

/// The message, then DETAIL and HINT on lines of their own, indented under it.
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(d) = &self.detail {
            write!(f, "\n  detail: {}", d.replace('\n', "\n    "))?;
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {}", h.replace('\n', "\n    "))?;
        }
        Ok(())
    }
}

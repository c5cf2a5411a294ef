//! The apply engine (work in progress).

#[derive(Debug)]
pub struct MigrationFailure {
    pub message: String,
}

pub fn render_failure(f: &MigrationFailure) -> String {
    f.message.clone()
}

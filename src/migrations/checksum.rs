//! Checksums of migration files that survive a checkout on another OS: a UTF-8
//! BOM and CRLF line endings do not change them.

use sha2::{Digest, Sha256};

/// The text as compared: BOM dropped, CRLF and lone CR folded to LF.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Hex SHA-256 of the normalized text.
pub fn checksum(text: &str) -> String {
    let digest = Sha256::digest(normalize(text).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A line diff (`similar`'s Myers diff), for telling a user what changed in an
/// applied migration: every line, marked `-`, `+` or unchanged.
pub fn line_diff(old: &str, new: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    // Compared as lines: a missing newline at the end is no change.
    let terminated = |t: String| if t.is_empty() || t.ends_with('\n') { t } else { t + "\n" };
    let (old, new) = (terminated(normalize(old)), terminated(normalize(new)));
    let mut out = String::new();
    for change in TextDiff::from_lines(&old, &new).iter_all_changes() {
        let mark = match change.tag() {
            ChangeTag::Equal => "   ",
            ChangeTag::Delete => "  -",
            ChangeTag::Insert => "  +",
        };
        out.push_str(mark);
        out.push_str(change.value());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_bom_do_not_change_the_checksum() {
        let lf = checksum("CREATE TABLE a (id INT);\nSELECT 1;\n");
        assert_eq!(lf, checksum("CREATE TABLE a (id INT);\r\nSELECT 1;\r\n"));
        assert_eq!(lf, checksum("\u{feff}CREATE TABLE a (id INT);\nSELECT 1;\n"));
        assert_ne!(lf, checksum("CREATE TABLE a (id BIGINT);\nSELECT 1;\n"));
        assert_eq!(lf.len(), 64);
    }

    #[test]
    fn diff_shows_removed_and_added_lines() {
        let d = line_diff("a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(d, "   a\n  -b\n  +B\n   c\n");
    }

    #[test]
    fn a_missing_final_newline_or_crlf_is_no_change() {
        assert_eq!(line_diff("a\r\nb", "a\nb\n"), "   a\n   b\n");
        assert_eq!(line_diff("", "x"), "  +x\n");
    }
}

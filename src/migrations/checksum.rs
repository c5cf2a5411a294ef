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

/// A unified line diff, for telling a user what changed in an applied migration.
pub fn line_diff(old: &str, new: &str) -> String {
    let (old, new) = (normalize(old), normalize(new));
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // LCS table; migration files are small, so the quadratic table is fine.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("   {}\n", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("  -{}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("  +{}\n", b[j]));
            j += 1;
        }
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
}

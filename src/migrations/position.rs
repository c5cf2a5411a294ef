//! A place on the chain, one type for what was a `usize` (specs, targets), a `u64`
//! (applied versions) and a `u32` (directory numbers) with `wrapping_sub(1)` to
//! index: base is 0, the migration numbered N is at N, and [`Position::index`] is
//! the only way from a position to a slot of [`Chain::migrations`](super::chain::Chain).

use std::fmt;

/// 0 is base (nothing applied); N is the migration numbered N. An applied version with
/// no directory (an orphan, a Diesel-era timestamp) is a position past the head.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position(u64);

impl Position {
    pub const BASE: Position = Position(0);

    pub fn new(number: u64) -> Self {
        Position(number)
    }

    pub fn get(self) -> u64 {
        self.0
    }

    pub fn is_base(self) -> bool {
        self.0 == 0
    }

    /// The slot in the chain's migrations (oldest first); `None` for base.
    pub fn index(self) -> Option<usize> {
        usize::try_from(self.0.checked_sub(1)?).ok()
    }

    /// The position of the first `count` migrations: the head of a chain that long.
    pub fn after(count: usize) -> Self {
        Position(count as u64)
    }

    /// How many migrations lie at or below this position, as a slice bound.
    pub fn count(self) -> usize {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

impl From<u32> for Position {
    fn from(number: u32) -> Self {
        Position(u64::from(number))
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_has_no_slot_and_n_is_slot_n_minus_one() {
        assert_eq!(Position::BASE.index(), None);
        assert!(Position::BASE.is_base());
        assert_eq!(Position::from(1u32).index(), Some(0));
        assert_eq!(Position::from(u32::MAX).index(), Some(u32::MAX as usize - 1));
        assert_eq!(Position::after(3), Position::new(3));
        assert_eq!(Position::new(3).count(), 3);
        assert!(Position::BASE < Position::new(1));
        assert_eq!(Position::new(7).to_string(), "7");
    }
}

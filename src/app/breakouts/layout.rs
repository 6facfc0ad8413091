//! Where a round's rooms go on Discord: as many categories as its channels need (a category
//! holds 50), and whether the guild (500 channels) has room for all of them. Checked before
//! anything is created, so a round is never left half-made by a full guild.

use super::BreakoutError;

/// Discord allows 50 channels in one category.
pub const MAX_CHANNELS_PER_CATEGORY: usize = 50;
/// Discord allows 500 channels in a guild, categories included.
pub const MAX_CHANNELS_PER_GUILD: usize = 500;

/// How `rooms` rooms (each a text channel, and a voice channel with `voice`) are spread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub rooms: usize,
    pub rooms_per_category: usize,
    pub categories: usize,
    /// Channels to create: the rooms' and the categories.
    pub channels: usize,
}

impl Layout {
    pub fn new(rooms: usize, voice: bool) -> Layout {
        let per_room = if voice { 2 } else { 1 };
        let rooms_per_category = MAX_CHANNELS_PER_CATEGORY / per_room;
        let categories = rooms.div_ceil(rooms_per_category).max(1);
        Layout { rooms, rooms_per_category, categories, channels: categories + rooms * per_room }
    }

    /// The category (0-based) room `index` (0-based) goes in.
    pub fn category_of(&self, index: usize) -> usize {
        index / self.rooms_per_category
    }

    /// Refuses when the guild, holding `existing` channels, cannot take all of them.
    pub fn fits(&self, existing: usize) -> Result<(), BreakoutError> {
        let free = MAX_CHANNELS_PER_GUILD.saturating_sub(existing);
        if self.channels > free {
            return Err(BreakoutError::GuildFull { rooms: self.rooms, needed: self.channels, free });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hundred_rooms_with_voice_take_four_categories_of_twenty_five() {
        let l = Layout::new(100, true);
        assert_eq!((l.rooms_per_category, l.categories, l.channels), (25, 4, 204));
        assert_eq!((l.category_of(0), l.category_of(24), l.category_of(25), l.category_of(99)), (0, 0, 1, 3));
        assert!(l.fits(296).is_ok(), "exactly enough");
        assert!(matches!(l.fits(297), Err(BreakoutError::GuildFull { rooms: 100, needed: 204, free: 203 })));
    }

    #[test]
    fn small_rounds_keep_one_category() {
        assert_eq!(Layout::new(5, false).categories, 1);
        assert_eq!(Layout::new(50, false).categories, 1);
        assert_eq!(Layout::new(51, false).categories, 2);
        assert_eq!(Layout::new(25, true).categories, 1);
        assert_eq!(Layout::new(0, true).channels, 1);
    }
}

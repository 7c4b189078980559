//! A document's text: owned (read or converted by this process) or a span of an index
//! file mapped into memory (`search::mapped`), which the process reads in place, so a
//! warm `find` touches only the pages it reads.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use memmap2::Mmap;

/// A document's text, owned or mapped: it reads as a `str` either way (`Deref`).
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Owned(String),
    Mapped {
        map: Arc<Mmap>,
        start: usize,
        end: usize,
    },
}

impl Text {
    /// The text at `start..end` of a mapped file.
    ///
    /// # Safety
    /// Those bytes must be UTF-8 and stay as they are while the map lives: the file is one
    /// this build wrote from a `str`, checked against the hash it wrote beside it, and
    /// only ever replaced by renaming another file over it, never changed in place.
    #[allow(unsafe_code, reason = "the caller vouches for the bytes (see Safety)")]
    pub unsafe fn mapped(map: Arc<Mmap>, start: usize, end: usize) -> Text {
        assert!(start <= end && end <= map.len(), "a span of the map");
        Text(Repr::Mapped { map, start, end })
    }

    /// The whole text as a `&str` (what `Deref` gives).
    pub fn as_str(&self) -> &str {
        self
    }
}

#[allow(
    unsafe_code,
    reason = "mapped text is UTF-8 by `Text::mapped`'s contract"
)]
impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            // SAFETY: `Text::mapped`'s contract: UTF-8, unchanged while mapped.
            Repr::Mapped { map, start, end } => unsafe {
                std::str::from_utf8_unchecked(&map[*start..*end])
            },
        }
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

impl AsRef<[u8]> for Text {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Default for Text {
    fn default() -> Text {
        Text(Repr::Owned(String::new()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Repr::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Repr::Owned(s.to_owned()))
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

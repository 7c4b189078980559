//! Turning a file's bytes into text without losing the link to those bytes.

/// What a file's bytes turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Valid UTF-8: the text is the bytes, so spans are offsets into the file itself.
    Utf8(String),
    /// Not UTF-8: decoded as Windows-1252 (a superset of Latin-1 in practice), the usual
    /// encoding of such files in this genre; spans refer to this decoded text.
    Windows1252(String),
    /// Contains NUL bytes: not a text document.
    Binary,
}

/// Decodes a document's bytes. A UTF-8 byte-order mark is kept in the text (so offsets stay
/// file offsets); the scanners treat it as whitespace.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Utf8(text),
        Err(err) => {
            let bytes = err.into_bytes();
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            Decoded::Windows1252(text.into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(
            decode("€10 million".into()),
            Decoded::Utf8("€10 million".into())
        );
    }

    #[test]
    fn windows_1252_maps_the_c1_range() {
        assert_eq!(
            decode(b"\x93quoted\x94 \x80 10".to_vec()),
            Decoded::Windows1252("\u{201c}quoted\u{201d} € 10".into())
        );
    }

    #[test]
    fn nul_means_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00".to_vec()), Decoded::Binary);
    }
}

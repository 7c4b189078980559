//! (being written)
use super::{ConvertError, Converted};

pub fn convert(_bytes: &[u8]) -> Result<Converted, ConvertError> {
    todo!("docx converter")
}

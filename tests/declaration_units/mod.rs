//! The invented declaration every format fixture carries (tests/fixtures/formats/gen/
//! text_source.py): its 12 units, which each converter must give verbatim, one paragraph
//! each (list items after their marker).

#![allow(dead_code)]

use std::path::PathBuf;

pub const TITLE: &str = "Joint Declaration on North Sea Coastal Resilience";
pub const PLACE_LINE: &str = "Esbjerg, 14 March 2024";

pub const PARAS: [&str; 8] = [
    "The ministers responsible for coastal protection in Denmark, the Netherlands and Belgium met in Esbjerg on 14 March 2024 to review the flood defences of the southern North Sea.",
    "Since 2019 the three governments have reinforced 240 kilometres of dikes and dunes, and the number of households exposed to a one-in-a-hundred-year flood has fallen by 18%.",
    "We will establish a joint coastal monitoring office in Ostend by the end of 2025, with a budget of €45 million over five years.",
    "The partners shall publish a common sediment management plan by June 2026 and will review its effects every two years.",
    "Each government will fund at least 30 field officers for the shared early-warning network, and the Netherlands will contribute a further €12.5 million to its satellite component.",
    "The ministers noted that the efficient, officially certified flood maps prepared in 2023 have been adopted by 14 municipalities.",
    "The parties agreed to open the monitoring data to researchers and to the public free of charge from 1 January 2027.",
    "This declaration will be reviewed at the next ministerial meeting, to be held in Middelburg in spring 2027.",
];

pub const LIST_ITEMS: [&str; 3] = [
    "Strengthen the Wadden Sea dune belt (€8 million).",
    "Train 120 volunteers for flood-watch duties by 2026.",
    "Share storm-surge forecasts within 15 minutes of their issue.",
];

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The paragraphs of a converted text, list markers ("• ", "1. ", "a) ") stripped.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| {
            cordiale::corpus::split::starts_with_marker(p)
                .map_or(p, |at| &p[at..])
                .to_string()
        })
        .collect()
}

/// The units of the declaration missing from `text` as whole paragraphs.
pub fn missing_units(text: &str) -> Vec<&'static str> {
    let paras = paragraphs(text);
    std::iter::once(PLACE_LINE)
        .chain(PARAS)
        .chain(LIST_ITEMS)
        .filter(|unit| !paras.iter().any(|p| p == unit))
        .collect()
}

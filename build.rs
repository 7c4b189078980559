//! Embeds the demo corpus (`seeds/`) in the binary, so that a binary copied anywhere or
//! installed with `cargo install` still opens it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=seeds");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("seeds/ is part of the source")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // Documents only: not what the workbench may have left there when run on them.
        .filter(|n| n.ends_with(".txt") && !n.starts_with('.'))
        .collect();
    names.sort();
    let mut out = String::from("/// The bundled seeds: file name and bytes, by name.\n");
    out.push_str("pub const SEEDS: &[(&str, &[u8])] = &[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}

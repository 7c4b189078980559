//! A large, valid keymap file for the keymap check's benchmark and its size test.

/// A keymap of `n` bindings: a global quit and `n - 1` distinct three-key sequences in the
/// reader.
pub fn big_keymap(n: usize) -> String {
    let letters = ('a'..='z').map(String::from);
    let firsts: Vec<String> = ["alt-", "ctrl-alt-"]
        .iter()
        .flat_map(|m| letters.clone().map(move |l| format!("{m}{l}")))
        .collect();
    let seconds: Vec<String> = letters
        .clone()
        .chain((0..10).map(|d| d.to_string()))
        .collect();
    let thirds: Vec<String> = letters.chain((1..=12).map(|f| format!("f{f}"))).collect();
    let bindings: Vec<String> = firsts
        .iter()
        .flat_map(|a| seconds.iter().map(move |b| (a, b)))
        .flat_map(|(a, b)| {
            thirds
                .iter()
                .map(move |c| format!("\"{a} {b} {c}\": \"down\""))
        })
        .take(n - 1)
        .collect();
    assert_eq!(bindings.len(), n - 1, "not enough distinct sequences");
    format!(
        r#"{{"bindings": {{"global": {{"ctrl-c": "quit"}}, "reader": {{{}}}}}}}"#,
        bindings.join(", ")
    )
}

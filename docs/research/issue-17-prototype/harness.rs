// Shared probe harness: run `extract` on each file in a thread, catch panics, time out.
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Out {
    pub pages: Vec<String>,
    pub lines_dump: String, // geometry sample (first page lines with positions)
    pub meta: String,
}

pub fn run(name: &str, extract: fn(&[u8]) -> Result<Out, String>) {
    let args: Vec<String> = std::env::args().collect();
    let outdir = &args[1];
    std::fs::create_dir_all(outdir).unwrap();
    std::panic::set_hook(Box::new(|_| {})); // quiet; we report panics ourselves
    for path in &args[2..] {
        let bytes = std::fs::read(path).unwrap();
        let base = std::path::Path::new(path).file_name().unwrap().to_string_lossy().to_string();
        let (tx, rx) = mpsc::channel();
        let t0 = Instant::now();
        let stack: usize = std::env::var("STACK_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(2) << 20;
        std::thread::Builder::new().stack_size(stack).spawn(move || {
            let r = catch_unwind(AssertUnwindSafe(|| extract(&bytes)));
            let _ = tx.send(r);
        }).unwrap();
        let status = match rx.recv_timeout(Duration::from_secs(20)) {
            Err(_) => "TIMEOUT(20s)".to_string(),
            Ok(Err(p)) => {
                let msg = p.downcast_ref::<String>().cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                format!("PANIC: {}", msg.chars().take(120).collect::<String>())
            }
            Ok(Ok(Err(e))) => format!("ERR: {}", e.chars().take(160).collect::<String>().replace('\n', " ")),
            Ok(Ok(Ok(o))) => {
                let chars: usize = o.pages.iter().map(|p| p.chars().count()).sum();
                let empty = o.pages.iter().filter(|p| p.trim().is_empty()).count();
                let mut f = std::fs::File::create(format!("{outdir}/{base}.txt")).unwrap();
                for (i, p) in o.pages.iter().enumerate() {
                    writeln!(f, "==== page {} ====\n{}", i + 1, p).unwrap();
                }
                if !o.lines_dump.is_empty() {
                    std::fs::write(format!("{outdir}/{base}.lines"), &o.lines_dump).unwrap();
                }
                format!("ok pages={} chars={} empty_pages={} meta={}", o.pages.len(), chars, empty, o.meta)
            }
        };
        println!("{name}\t{base}\t{:.1}ms\t{status}", t0.elapsed().as_secs_f64() * 1000.0);
    }
    std::process::exit(0); // do not wait for a hung thread
}

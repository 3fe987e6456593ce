//! Helpers shared by the test files (each file in `tests/` is its own crate and says
//! `mod common;`): a deterministic generator, a watchdog, a throw-away project.
#![allow(dead_code)] // each test file uses only some of them

use std::path::Path;
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::Duration;

/// A small deterministic generator (xorshift64), so failures reproduce from their seed.
pub struct Gen(pub u64);

impl Gen {
    /// A generator from any seed (spread, and never the all-zero state xorshift cannot leave).
    pub fn new(seed: u64) -> Gen {
        Gen(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Runs `f` on its own thread and fails the test when it panics or has not finished within
/// `limit`: a watchdog (a hang fails at once instead of stopping the run), not a benchmark.
pub fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out,
        Err(RecvTimeoutError::Timeout) => panic!("{what}: not done within {limit:?}"),
        Err(RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

/// Fills `dir` as a project of its own: the real catalog sources and overrides, and a
/// `Cargo.toml` (what `sspr-lookup import` looks for). The catalog is not generated.
pub fn copy_project(dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("catalog/sources")).unwrap();
    for e in std::fs::read_dir(root.join("catalog/sources")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("catalog/sources").join(p.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        root.join("catalog/overrides.txt"),
        dir.join("catalog/overrides.txt"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("catalog/lexicon")).unwrap();
    for e in std::fs::read_dir(root.join("catalog/lexicon")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("catalog/lexicon").join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("Cargo.toml"), "").unwrap();
}

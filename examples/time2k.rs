//! Tuning aid: mean native lookup time of a 2 KB paste.
use sspr_lookup::{Catalog, Config, Engine, IndexConfig};
fn main() {
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    let line = "2024-05-01 10:00:00 Error PasswordResetService: the password could not be set because the user's account is locked out on premises; writeback failed.\n";
    let q = line.repeat(2048 / line.len());
    let t = std::time::Instant::now();
    for _ in 0..200 { std::hint::black_box(eng.lookup(&q, &Config::DEFAULT)); }
    println!("{} bytes: {:?} per lookup", q.len(), t.elapsed() / 200);
}

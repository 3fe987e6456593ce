//! Speed benchmark: prints p50/p99 per query class over the whole catalog, and the one-time
//! costs (catalog parse, index build). Run: `cargo bench --bench lookup`. Figures are recorded
//! in docs/figures.md; no timing is asserted anywhere.

use sspr_lookup::catalog::{format, Area, Catalog, Entry, Kind, EMBEDDED};
use sspr_lookup::{Config, Engine, IndexConfig};
use std::time::{Duration, Instant};

fn percentiles(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (p(0.5), p(0.99))
}

fn bench(eng: &Engine, name: &str, q: &str, n: usize) {
    let cfg = Config::DEFAULT;
    for _ in 0..20 {
        std::hint::black_box(eng.lookup(q, &cfg));
    }
    let times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(eng.lookup(std::hint::black_box(q), &cfg));
            t.elapsed()
        })
        .collect();
    let (p50, p99) = percentiles(times);
    println!(
        "{name:<34} {:>6} bytes  p50 {:>8.1} µs  p99 {:>8.1} µs",
        q.len(),
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6
    );
}

fn main() {
    let t = Instant::now();
    let (cat, _) = format::parse(EMBEDDED);
    println!(
        "catalog parse ({} entries, {} bytes)    {:>8.2} ms",
        cat.entries.len(),
        EMBEDDED.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    println!(
        "first use: parse + index build             {:>8.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let eng = &eng;
    page_start();

    bench(eng, "code (SSPR_0014)", "SSPR_0014", 2000);
    let msg = "We're sorry, you can't reset your password at this time because necessary information is missing from your account, contact your admin and ask them";
    let msg = &format!("{msg} to reset it.");
    bench(eng, "message (~200 chars)", msg, 2000);
    let mut log = String::new();
    let mut i = 0;
    while log.len() < 2048 {
        log.push_str(&format!(
            "Log Name: Application\nSource: PasswordResetService\nDate: 3/14/2024 9:1{}:44 AM\nEvent ID: 3300{}\nLevel: Error\nComputer: AADC01.corp.contoso.com\nDescription: TrackingId: 6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1{}, Error Connecting to ServiceBus. The token provider was unable to provide a security token.\n",
            i % 10, 4 + i % 5, i % 10
        ));
        i += 1;
    }
    log.truncate(2048);
    bench(eng, "log paste (2 KB, several codes)", &log, 1000);
    // An Azure AD Connect event log copied as it is: 11 lines of about 190 characters.
    let long_lines: String = (0..11)
        .map(|i| {
            let ev = ["Event ID: 32002", "Event ID: 6329", "Event ID: 33004"][i % 3];
            format!("2024-03-14T09:1{i}:44.123Z AADC0{}.corp.contoso.com {ev} PasswordResetService Error TrackingId: 6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1{i} hr=800700CE user{i}@contoso.com CorrelationId: 1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f{i}\n", i % 3)
        })
        .collect();
    bench(eng, "event log, 11 long lines (2.4 KB)", &long_lines, 1000);
    let prose = "Our users tell us that after they type a new password the page shows a generic error saying there was a service problem, and in the event log we see access denied for the management agent. ".repeat(10);
    bench(
        eng,
        "prose (2 KB, no code)",
        &prose[..2048.min(prose.len())],
        500,
    );
    // The most the engine reads for codes (Config::max_code_bytes): 21,000 code occurrences.
    // Work must stay near-linear in the paste (a quadratic step showed here as ~40 s).
    let huge = "Event ID 33004 hr=800700CE SSPR_0014 ".repeat(7000);
    bench(eng, "worst case (253 KB, 21,000 codes)", &huge, 5);
    // 24,000 distinct HRESULTs (a duplicate check by list made this quadratic: 0.5 s).
    let distinct: String = (0..24_000u32).map(|i| format!("0x8007{i:04X} ")).collect();
    bench(eng, "24,000 distinct HRESULTs (264 KB)", &distinct, 5);
    synthetic();
}

/// What the page does at start and per language: the core (codes) with English merged, then
/// one more language merged and the index rebuilt (the page rebuilds on each merge).
fn page_start() {
    let (full, _) = format::parse(EMBEDDED);
    let files = format::split(&full);
    let file = |l: &str| {
        files
            .iter()
            .find(|(n, _)| n == l)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    };
    let mut cat = Catalog::parse(file("core"));
    let t = Instant::now();
    cat.add_language(file("en")).ok();
    let eng = Engine::new(cat, &IndexConfig::DEFAULT);
    println!(
        "page start: merge English + index build    {:>8.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    for lang in ["sv", "de", "ja"] {
        let mut cat = eng.catalog().clone();
        let t = Instant::now();
        cat.add_language(file(lang)).ok();
        let e = Engine::new(cat, &IndexConfig::DEFAULT);
        println!(
            "one more language ({lang}): merge + rebuild    {:>8.2} ms ({} languages)",
            t.elapsed().as_secs_f64() * 1e3,
            e.catalog().languages().len()
        );
    }
}

/// A hand-made catalog twelve times the size of the real one: index build and lookups there
/// show how the engine scales with the catalog (an admin's own notes, many more languages).
fn synthetic() {
    const WORDS: &[&str] = &[
        "password",
        "reset",
        "writeback",
        "token",
        "sync",
        "agent",
        "license",
        "policy",
        "phone",
        "registration",
        "service",
        "bus",
        "relay",
        "domain",
        "controller",
        "account",
        "locked",
        "disabled",
        "permission",
        "denied",
        "tenant",
        "federated",
        "certificate",
    ];
    let text = |i: usize, n: usize| -> String {
        (0..n)
            .map(|k| WORDS[(i * 7 + k * 13 + k * k) % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let entries: Vec<Entry> = (0..1000)
        .map(|i| {
            Entry::new(&format!("SSPR_{:04}", 1000 + i), Kind::Screen, Area::Screen).text(
                "en",
                &text(i, 3),
                &text(i + 1, 12),
                &text(i + 2, 30),
            )
        })
        .collect();
    let t = Instant::now();
    let catalog = Catalog {
        entries,
        ..Catalog::default()
    };
    let eng = Engine::new(catalog, &IndexConfig::DEFAULT);
    println!(
        "synthetic catalog (1000 entries): index build {:>8.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    bench(&eng, "synthetic: code (SSPR_1500)", "SSPR_1500", 2000);
    bench(&eng, "synthetic: message (12 words)", &text(501, 12), 500);
}

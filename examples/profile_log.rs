//! Profiling aid: runs a log lookup many times (for valgrind --tool=callgrind). The 2 KB log
//! paste by default; `long-lines` runs the event log of 11 long lines (as `benches/lookup.rs`).
fn main() {
    let mut log = String::new();
    if std::env::args().nth(1).as_deref() == Some("long-lines") {
        for i in 0..11 {
            let ev = ["Event ID: 32002", "Event ID: 6329", "Event ID: 33004"][i % 3];
            log.push_str(&format!("2024-03-14T09:1{i}:44.123Z AADC0{}.corp.contoso.com {ev} PasswordResetService Error TrackingId: 6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1{i} hr=800700CE user{i}@contoso.com CorrelationId: 1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f{i}\n", i % 3));
        }
    } else {
        let mut i = 0;
        while log.len() < 2048 {
            log.push_str(&format!("Log Name: Application\nSource: PasswordResetService\nDate: 3/14/2024 9:1{}:44 AM\nEvent ID: 3300{}\nLevel: Error\nComputer: AADC01.corp.contoso.com\nDescription: TrackingId: 6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1{}, Error Connecting to ServiceBus. The token provider was unable to provide a security token.\n", i % 10, 4 + i % 5, i % 10));
            i += 1;
        }
        log.truncate(2048);
    }
    let engine = sspr_lookup::Engine::new(
        sspr_lookup::Catalog::embedded(),
        &sspr_lookup::IndexConfig::DEFAULT,
    );
    let n: usize = std::env::var("LOOKUPS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    for _ in 0..n {
        std::hint::black_box(engine.lookup(&log, &sspr_lookup::Config::DEFAULT));
    }
}

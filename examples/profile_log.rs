//! Profiling aid: runs the 2 KB log lookup many times (for valgrind --tool=callgrind).
fn main() {
    let mut log = String::new();
    let mut i = 0;
    while log.len() < 2048 {
        log.push_str(&format!("Log Name: Application\nSource: PasswordResetService\nDate: 3/14/2024 9:1{}:44 AM\nEvent ID: 3300{}\nLevel: Error\nComputer: AADC01.corp.contoso.com\nDescription: TrackingId: 6f1c2a9e-3b1d-4a57-9f0e-2b7d1c0a4e1{}, Error Connecting to ServiceBus. The token provider was unable to provide a security token.\n", i % 10, 4 + i % 5, i % 10));
        i += 1;
    }
    log.truncate(2048);
    let engine = sspr_lookup::Engine::new(
        sspr_lookup::Catalog::embedded(),
        &sspr_lookup::IndexConfig::DEFAULT,
    );
    for _ in 0..300 {
        std::hint::black_box(engine.lookup(&log, &sspr_lookup::Config::DEFAULT));
    }
}

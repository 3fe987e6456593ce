//! The command-line tool's bounds (issue 10): a reader that closes the pipe early never makes it
//! panic or abort, and standard input is read only as far as a lookup uses it, with the same
//! answer as the whole input would give.

use std::io::Write;
use std::process::{Command, Stdio};

fn tool() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sspr-lookup"))
}

#[test]
fn a_closed_stdout_ends_the_tool_quietly() {
    // Regression: `sspr-lookup < big | head -c 100` panicked with a broken pipe (exit 134 in
    // release). Here the reader closes before the tool writes anything.
    let cases: &[(&[&str], &str)] = &[
        (&[], "hr=800700CE\n"),
        (&["--json"], "SSPR_0014"),
        (&["list"], ""),
        (&["list", "--json"], ""),
        (&["explain", "password", "writeback"], ""),
        (&["--help"], ""),
        (&["SSPR_0012"], ""),
    ];
    for (args, stdin) in cases {
        let mut child = tool()
            .args(*args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader goes away
        let mut input = child.stdin.take().unwrap();
        let _ = input.write_all(stdin.as_bytes());
        drop(input);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_full_disk_is_an_error_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let out = tool().arg("list").stdout(full).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write output"), "{stderr}");
}

/// Feeds `input` on another thread; returns how many bytes the tool took before it exited.
fn feed(args: &[&str], input: Vec<u8>) -> (usize, std::process::Output) {
    let mut child = tool()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let mut sent = 0;
        for chunk in input.chunks(64 * 1024) {
            if stdin.write_all(chunk).is_err() {
                break;
            }
            sent += chunk.len();
        }
        sent
    });
    let out = child.wait_with_output().unwrap();
    (writer.join().unwrap(), out)
}

#[test]
fn stdin_is_read_only_as_far_as_a_lookup_uses_it() {
    // Regression: all of stdin was read (50 MB of invalid UTF-8: 207 MB peak).
    let big = vec![0xffu8; 50 << 20];
    let (sent, out) = feed(&[], big);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(sent < 8 << 20, "the tool took {sent} bytes of 50 MB");
}

#[test]
fn a_cut_stdin_gives_the_answer_of_the_whole_input() {
    let max = sspr_lookup::rank::Config::DEFAULT.max_code_bytes;
    // Codes before and after the cut, invalid UTF-8, and a four-byte character across it.
    let mut input = b"SSPR_0014 \xff\xfe hr=800700CE ".to_vec();
    while input.len() < max - 2 {
        input.extend_from_slice("lösenord 🙂 event 32002 \u{0}\n".as_bytes());
    }
    input.truncate(max - 2);
    input.extend_from_slice("🙂 SSPR_0009 ".as_bytes());
    input.extend(std::iter::repeat_n(b'x', 1 << 20));
    let whole = String::from_utf8_lossy(&input).into_owned();
    let engine = sspr_lookup::Engine::new(
        sspr_lookup::Catalog::embedded(),
        &sspr_lookup::IndexConfig::DEFAULT,
    );
    let want = serde_json::to_string_pretty(&engine.lookup(&whole, &sspr_lookup::Config::DEFAULT))
        .unwrap();
    let (_, out) = feed(&["--json"], input);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), want);
}

//! Entry point: on wasm32 the page (panic hook + mount), natively the command-line tool.

#[cfg(target_arch = "wasm32")]
mod js_api;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    sspr_lookup::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}

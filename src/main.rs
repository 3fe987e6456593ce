//! Entry point: on wasm32 the page (mount; talc as the allocator), natively the command-line tool.

#[cfg(target_arch = "wasm32")]
mod js_api;

/// Nothing: the page's loader mounts the app through `startPage` (js_api.rs) in a task of its
/// own, and embed.js mounts each `<sspr-lookup>` element through `mount`.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // `args_os`: an argument that is not UTF-8 is read lossily rather than panicking.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    std::process::exit(cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

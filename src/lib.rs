//! sspr-lookup: tells a person what an Azure AD self-service password reset (SSPR) error means
//! and what to do, from whatever they paste.
//!
//! The core (this crate without `web`) is pure Rust and never touches the web:
//! - [`catalog`]: the generated multilingual catalog, embedded at build time, as a value;
//! - [`query`]: folding, code extraction, language guessing;
//! - [`rank`]: retrieval, scoring and confidence: [`Engine::new`] over a catalog, then
//!   [`Engine::lookup`];
//! - [`answer`]: the answer as plain data; [`view`]: the answer in the reader's language, from
//!   which [`render`] (the page's markup as escaped HTML strings) and [`answer_text`] (the copied
//!   text) are made; [`i18n`]: the page's chrome;
//! - [`compact`]: size-saving collections; [`hresult`]: HRESULT decoding;
//! - [`import`] (native only): article Markdown → catalog; [`eval`] (native only).
//!
//! The Leptos page lives in `web` (wasm32 only) and the JS exports in `src/js_api.rs`.

pub mod answer;
pub mod catalog;
pub mod compact;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod hresult;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod query;
pub mod rank;
pub mod render;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use answer::{Answer, Confidence, Group, Hit, Note, Reason};
pub use catalog::Catalog;
pub use rank::{index::IndexConfig, Config, Engine};
pub use view::answer_text;

//! The page's one mutable slot: the catalog it grows as language files arrive, and the engine
//! built over it. Everything else receives the engine it is given; this is the only place that
//! holds one across calls (the wasm shell is single-threaded, so a thread-local is the slot).

use crate::catalog::Catalog;
use crate::rank::{index::IndexConfig, Engine};
use std::cell::RefCell;
use std::rc::Rc;

/// Either a catalog waiting for its engine, or the engine (which owns its catalog).
enum State {
    Catalog(Catalog),
    Engine(Rc<Engine>),
}

struct Slot {
    state: State,
    /// Counts catalog changes, so that views can re-run when it moves.
    generation: usize,
}

thread_local! {
    static SLOT: RefCell<Slot> = RefCell::new(Slot {
        state: State::Catalog(Catalog::embedded()),
        generation: 0,
    });
}

/// The engine over the catalog as it stands (built on first use and after each change).
pub fn engine() -> Rc<Engine> {
    SLOT.with(|s| {
        let mut s = s.borrow_mut();
        let e = match &mut s.state {
            State::Engine(e) => return Rc::clone(e),
            State::Catalog(c) => Rc::new(Engine::new(std::mem::take(c), &IndexConfig::DEFAULT)),
        };
        s.state = State::Engine(Rc::clone(&e));
        e
    })
}

/// Merges a language file into the page's catalog (see [`Catalog::add_language`]); nothing
/// changes when it adds nothing. The engine is rebuilt on next use; the old one is dropped once
/// no answer still refers to it.
pub fn add_language(text: &str) -> Result<Vec<String>, String> {
    SLOT.with(|s| {
        let mut s = s.borrow_mut();
        // The catalog back from the engine (the engine is rebuilt on next use), or as it is.
        let state = std::mem::replace(&mut s.state, State::Catalog(Catalog::default()));
        let mut catalog = match state {
            State::Catalog(c) => c,
            State::Engine(e) => match Rc::try_unwrap(e) {
                Ok(engine) => engine.into_catalog(),
                // Every other holder of the engine is a lookup in progress, which cannot be on
                // this single thread's stack while JS calls in; refuse rather than copy.
                Err(e) => {
                    s.state = State::Engine(e);
                    return Err("the catalog is in use; nothing was merged".into());
                }
            },
        };
        let added = catalog.add_language(text);
        if added.is_ok() {
            s.generation += 1;
        }
        s.state = State::Catalog(catalog);
        added
    })
}

/// How many times the catalog has changed.
pub fn generation() -> usize {
    SLOT.with(|s| s.borrow().generation)
}

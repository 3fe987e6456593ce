//! The page's one mutable slot: the engine over the catalog it grows as language files arrive.
//! Everything else receives the engine it is given; this is the only place that holds one
//! across calls (the wasm shell is single-threaded, so a thread-local is the slot).
//!
//! A language file is merged in one step and indexed in another ([`add_language`] with
//! `index_now` false, then [`reindex`]): between the two the cards have the new text and the
//! codes answer as always, while text is matched against the languages indexed before.

use crate::catalog::Catalog;
use crate::rank::{index::IndexConfig, Engine};
use std::cell::RefCell;
use std::rc::Rc;

struct Slot {
    /// Built on first use (over the embedded catalog: codes, no text).
    engine: Option<Rc<Engine>>,
    /// Text was merged after the index was built ([`reindex`] brings it in).
    stale: bool,
    /// Counts catalog and index changes, so that views can re-run when it moves.
    generation: usize,
}

thread_local! {
    static SLOT: RefCell<Slot> = const { RefCell::new(Slot {
        engine: None,
        stale: false,
        generation: 0,
    }) };
}

/// The engine as it stands (built on first use).
pub fn engine() -> Rc<Engine> {
    SLOT.with(|s| {
        Rc::clone(s.borrow_mut().engine.get_or_insert_with(|| {
            Rc::new(Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT))
        }))
    })
}

/// Merges a language file into the page's catalog (see [`Catalog::add_language`]); nothing
/// changes when it adds nothing. `index_now`: the index is rebuilt at once; otherwise it waits
/// for [`reindex`] (the codes answer meanwhile, text from the languages indexed before).
pub fn add_language(text: &str, index_now: bool) -> Result<Vec<String>, String> {
    let _ = engine();
    SLOT.with(|s| {
        let mut s = s.borrow_mut();
        let slot = &mut *s;
        // Every other holder of the engine is a lookup in progress, which cannot be on this
        // single thread's stack while JS calls in; refuse rather than copy.
        let Some(eng) = slot.engine.as_mut().and_then(Rc::get_mut) else {
            return Err("the catalog is in use; nothing was merged".into());
        };
        let added = eng.add_language_unindexed(text)?;
        slot.stale = true;
        if index_now {
            eng.reindex(&IndexConfig::DEFAULT);
            slot.stale = false;
        }
        slot.generation += 1;
        Ok(added)
    })
}

/// Brings the index up to the catalog after merges that left it for later. True when it did
/// anything (the page then answers again: text in the new languages may match now).
pub fn reindex() -> bool {
    SLOT.with(|s| {
        let mut s = s.borrow_mut();
        let slot = &mut *s;
        if !slot.stale {
            return false;
        }
        let Some(eng) = slot.engine.as_mut().and_then(Rc::get_mut) else {
            return false;
        };
        eng.reindex(&IndexConfig::DEFAULT);
        slot.stale = false;
        slot.generation += 1;
        true
    })
}

/// How many times the catalog or its index has changed.
pub fn generation() -> usize {
    SLOT.with(|s| s.borrow().generation)
}

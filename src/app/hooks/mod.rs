//! Hooks for the app's effects, so that the components stay views: where the calculator's
//! state starts and restarts ([`seed`]), the evaluation ([`evaluation`]), loading packs
//! ([`pack_loader`]), saving to the browser ([`persistence`], and to the case library: [`library_save`]) and reporting to an embedding
//! host ([`embed_events`]).

pub mod embed_events;
pub mod evaluation;
pub mod library_save;
pub mod pack_loader;
pub mod persistence;
pub mod seed;

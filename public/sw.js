// Placeholder service worker (offline support is issue 5's work); does nothing yet.

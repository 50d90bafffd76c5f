// The publish benchmark measures the app itself (a production build the section serves): this page
// only tells the runner it is up.
Object.defineProperty(window, 'bench', { value: { ready: true } });

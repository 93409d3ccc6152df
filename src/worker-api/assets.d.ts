// Vite's `?url` imports as the worker side uses them: the URL of a file Vite copies into the build (the kernels' .wasm).
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
